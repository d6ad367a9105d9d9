import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Disk } from '@ecs-console/ecs-client';
import { callEcsAction, type RequestOptions } from '@/lib/api-client';
import { queryRequestOptions } from '@/lib/background-fetch';

/** The disks attached to an instance: far fewer than one page of 100. */
export async function getInstanceDisks(
  regionId: string,
  instanceId: string,
  options: RequestOptions = {},
): Promise<readonly Disk[]> {
  const response = await callEcsAction(
    'DescribeDisks',
    { RegionId: regionId, InstanceId: instanceId, PageSize: 100 },
    options,
  );
  return response.Disks.Disk;
}

export const instanceDisksQueryKey = (regionId: string, instanceId: string) =>
  ['instance-disks', regionId, instanceId] as const;

export function instanceDisksQueryOptions(regionId: string, instanceId: string) {
  return queryOptions({
    queryKey: instanceDisksQueryKey(regionId, instanceId),
    queryFn: (context) => getInstanceDisks(regionId, instanceId, queryRequestOptions(context)),
  });
}

export function useInstanceDisks(regionId: string, instanceId: string) {
  return useQuery(instanceDisksQueryOptions(regionId, instanceId));
}
