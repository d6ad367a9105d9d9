import type { FleetAnswer, InstanceSummary } from '@ecs-console/contract';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { callEcsAction, type RequestOptions } from '@/lib/api-client';
import { queryRequestOptions } from '@/lib/background-fetch';
import { refreshIntervalFor } from '../logic/status';
import { fleetQueryKey } from './fleet';

/**
 * One instance with every attribute ECS has; `null` when the region has no such instance. Typed as
 * the summary the list has, so the list's copy can stand in while the full answer comes.
 */
export async function getInstance(
  regionId: string,
  instanceId: string,
  options: RequestOptions = {},
): Promise<InstanceSummary | null> {
  const response = await callEcsAction('DescribeInstances', { RegionId: regionId, InstanceIds: [instanceId] }, options);
  return response.Instances.Instance[0] ?? null;
}

/** Every instance query of a region, for invalidating after actions. */
export const regionInstancesQueryKey = (regionId: string) => ['instance', regionId] as const;
export const instanceQueryKey = (regionId: string, instanceId: string) => [
  ...regionInstancesQueryKey(regionId),
  instanceId,
];

export function instanceQueryOptions(regionId: string, instanceId: string) {
  return queryOptions({
    queryKey: instanceQueryKey(regionId, instanceId),
    // Polling while the instance changes state is a background request.
    queryFn: (context) => getInstance(regionId, instanceId, queryRequestOptions(context)),
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
        .getQueryData<FleetAnswer>(fleetQueryKey(regionId))
        ?.instances.find((instance) => instance.InstanceId === instanceId),
  });
}
