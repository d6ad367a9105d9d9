import type { InstanceSummary } from '@ecs-console/contract';
import { useMemo } from 'react';
import { INSTANCE_LIST, useRegionList } from '@/lib/region-list';

/** The instances among `instances` that are in the group. */
export function membersOf(instances: readonly InstanceSummary[], groupId: string): InstanceSummary[] {
  // ECS sometimes answers an empty container as `{}`.
  return instances.filter((instance) => (instance.SecurityGroupIds.SecurityGroupId ?? []).includes(groupId));
}

/**
 * The region's instances in a security group, read from the region's instance list (which the
 * instance pages share), so a join or leave shows once that list is refreshed. `members` is
 * `undefined` until the instance list has loaded.
 */
export function useGroupMembers(regionId: string, groupId: string) {
  const instances = useRegionList(INSTANCE_LIST, regionId);
  const all = instances.data?.instances;
  const members = useMemo(() => all && membersOf(all, groupId), [all, groupId]);
  return { ...instances, members };
}
