import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Disk } from '@ecs-console/ecs-client';
import { callEcsAction } from '@/lib/api-client';

/** The disks attached to an instance: far fewer than one page of 100. */
export async function getInstanceDisks(
  regionId: string,
  instanceId: string,
  signal?: AbortSignal,
): Promise<readonly Disk[]> {
  const response = await callEcsAction(
    'DescribeDisks',
    { RegionId: regionId, InstanceId: instanceId, PageSize: 100 },
    { signal },
  );
  return response.Disks.Disk;
}

export function instanceDisksQueryOptions(regionId: string, instanceId: string) {
  return queryOptions({
    queryKey: ['instance-disks', regionId, instanceId],
    queryFn: ({ signal }) => getInstanceDisks(regionId, instanceId, signal),
  });
}

export function useInstanceDisks(regionId: string, instanceId: string) {
  return useQuery(instanceDisksQueryOptions(regionId, instanceId));
}
