import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { refreshIntervalFor } from '../logic/status';
import type { Fleet } from '../types';

/** Every instance of the region in one answer (the BFF fetches ECS's pages concurrently). */
export function getFleet(regionId: string, signal?: AbortSignal): Promise<Fleet> {
  return apiFetch<Fleet>(`/api/regions/${encodeURIComponent(regionId)}/instances`, { signal });
}

export const fleetQueryKey = (regionId: string) => ['fleet', regionId] as const;

export function fleetQueryOptions(regionId: string) {
  return queryOptions({
    queryKey: fleetQueryKey(regionId),
    queryFn: ({ signal }) => getFleet(regionId, signal),
    // Every 2.5 s while something is starting or stopping, else every 30 s.
    refetchInterval: (query) => refreshIntervalFor(query.state.data?.instances),
  });
}

export function useFleet(regionId: string) {
  return useQuery(fleetQueryOptions(regionId));
}
