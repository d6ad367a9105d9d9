import type { FleetAnswer } from '@ecs-console/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch, type RequestOptions } from '@/lib/api-client';
import { queryRequestOptions } from '@/lib/background-fetch';
import { refreshIntervalFor } from '../logic/status';

/** Every instance of the region in one answer (the BFF fetches ECS's pages concurrently). */
export function getFleet(regionId: string, options: RequestOptions = {}): Promise<FleetAnswer> {
  return apiFetch<FleetAnswer>(`/api/regions/${encodeURIComponent(regionId)}/instances`, options);
}

export const fleetQueryKey = (regionId: string) => ['fleet', regionId] as const;

export function fleetQueryOptions(regionId: string) {
  return queryOptions({
    queryKey: fleetQueryKey(regionId),
    // Refreshes after the first load are background requests unless the user pressed Refresh.
    queryFn: (context) => getFleet(regionId, queryRequestOptions(context)),
    // Every 2.5 s while something is starting or stopping, else every 30 s.
    refetchInterval: (query) => refreshIntervalFor(query.state.data?.instances),
  });
}

export function useFleet(regionId: string) {
  return useQuery(fleetQueryOptions(regionId));
}
