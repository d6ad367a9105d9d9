import type { EcsClient } from '@ecs-console/ecs-client';
import { snapshotEntry, type SnapshotEntry } from './snapshot.js';
import { summarise } from './summarise.js';

export interface InstancesById {
  /** In ECS's order, as the answer's JSON and digest (to patch the cached listing). */
  readonly entries: readonly SnapshotEntry[];
  readonly fetchedAt: string;
}

/** Some instances' current state, straight from ECS in one call (DescribeInstances takes up to 100 IDs). */
export async function describeInstancesById(
  call: EcsClient['call'],
  regionId: string,
  ids: readonly string[],
): Promise<InstancesById> {
  const fetchedAt = new Date().toISOString();
  const answer = await call('DescribeInstances', {
    RegionId: regionId,
    InstanceIds: [...ids],
    PageSize: 100,
  });
  return { entries: answer.Instances.Instance.map((instance) => snapshotEntry(summarise(instance))), fetchedAt };
}
