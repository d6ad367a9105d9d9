import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { callEcsAction } from '@/lib/api-client';
import { refreshIntervalFor } from '../logic/status';
import type { Fleet, Instance } from '../types';
import { fleetQueryKey } from './fleet';

interface DescribeInstancesResponse {
  readonly RequestId: string;
  readonly Instances: { readonly Instance: readonly Instance[] };
}

/** One instance with every attribute ECS has; `null` when the region has no such instance. */
export async function getInstance(
  regionId: string,
  instanceId: string,
  signal?: AbortSignal,
): Promise<Instance | null> {
  const response = await callEcsAction<DescribeInstancesResponse>(
    'DescribeInstances',
    { RegionId: regionId, InstanceIds: [instanceId] },
    signal,
  );
  return response.Instances.Instance[0] ?? null;
}

/** Every instance query of a region, for invalidating after actions. */
export const regionInstancesQueryKey = (regionId: string) => ['instance', regionId] as const;
const instanceQueryKey = (regionId: string, instanceId: string) => [...regionInstancesQueryKey(regionId), instanceId];

export function instanceQueryOptions(regionId: string, instanceId: string) {
  return queryOptions({
    queryKey: instanceQueryKey(regionId, instanceId),
    queryFn: ({ signal }) => getInstance(regionId, instanceId, signal),
    refetchInterval: (query) => refreshIntervalFor(query.state.data ? [query.state.data] : undefined),
  });
}

/** The instance, shown at once from the region's list when that is loaded while its own answer comes. */
export function useInstance(regionId: string, instanceId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    ...instanceQueryOptions(regionId, instanceId),
    placeholderData: () =>
      queryClient
        .getQueryData<Fleet>(fleetQueryKey(regionId))
        ?.instances.find((instance) => instance.InstanceId === instanceId),
  });
}
