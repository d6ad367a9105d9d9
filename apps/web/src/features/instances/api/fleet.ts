import type { FleetAnswer, FleetInstancesAnswer } from '@ecs-console/contract';
import { hashKey, queryOptions, useQuery, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { apiFetch, apiFetchConditional, ApiError, type RequestOptions } from '@/lib/api-client';
import { isBackgroundFetch, type QueryFetchContext } from '@/lib/background-fetch';
import { chunkIds, mergeFleetInstances, transitionalIds } from '../logic/fleet-merge';
import { refreshIntervalFor, SLOW_REFRESH_MS } from '../logic/status';

/**
 * The region's instance list, kept current at a cost that grows with what changes:
 * - the first load, the user's Refresh and the periodic one every 30 s fetch the whole list,
 *   conditionally: while nothing changed the BFF answers `304 Not Modified` and the list the SPA
 *   has is kept (and counts as fresh);
 * - after an action, only the instances it acted on are asked for (refreshFleetInstances);
 * - in between, every 2.5 s while instances change state, only those are asked for by ID and
 *   folded into the list.
 */

const fleetPath = (regionId: string) => `/api/regions/${encodeURIComponent(regionId)}/instances`;

/** Every instance of the region in one answer (the BFF fetches ECS's pages concurrently). */
export function getFleet(regionId: string, options: RequestOptions = {}): Promise<FleetAnswer> {
  return apiFetch<FleetAnswer>(fleetPath(regionId), options);
}

/** The current state of some instances (at most `FLEET_IDS_MAX`). */
export async function getFleetInstances(
  regionId: string,
  ids: readonly string[],
  options: RequestOptions = {},
): Promise<FleetInstancesAnswer> {
  const query = ids.map(encodeURIComponent).join(',');
  const answer = await apiFetch<FleetInstancesAnswer>(`${fleetPath(regionId)}?ids=${query}`, options);
  // A BFF without `?ids=` support answers the whole list (no `requestedIds`): every ID was asked for.
  const requestedIds = (answer as Partial<FleetInstancesAnswer>).requestedIds ?? ids;
  return { ...answer, requestedIds };
}

export const fleetQueryKey = (regionId: string) => ['fleet', regionId] as const;

/** When each region's list was last fetched whole, per query client (tests get their own). */
const fullRefreshedAt = new WeakMap<QueryClient, Map<string, number>>();

function lastFullRefresh(client: QueryClient, queryKey: QueryKey): number {
  return fullRefreshedAt.get(client)?.get(hashKey(queryKey)) ?? 0;
}

function recordFullRefresh(client: QueryClient, queryKey: QueryKey): void {
  let times = fullRefreshedAt.get(client);
  if (!times) {
    times = new Map();
    fullRefreshedAt.set(client, times);
  }
  times.set(hashKey(queryKey), Date.now());
}

/** The whole list, or the one the SPA has when the BFF says it has not changed. */
async function refreshWhole(
  regionId: string,
  cached: FleetAnswer | undefined,
  options: RequestOptions,
): Promise<FleetAnswer> {
  const etag = cached?.version ? `"${cached.version}"` : null;
  const result = await apiFetchConditional<FleetAnswer>(fleetPath(regionId), etag, options);
  if (!result.notModified) return result.answer;
  if (cached) return cached;
  throw new ApiError({
    status: 304,
    code: 'UnexpectedResponse',
    message: 'HTTP 304 for a list the console does not have',
    requestId: null,
  });
}

/** Polls the instances in transition (in requests of at most 100 IDs) and folds them into the list. */
async function refreshTransitional(
  regionId: string,
  cached: FleetAnswer,
  ids: readonly string[],
  options: RequestOptions,
): Promise<FleetAnswer> {
  const partials = await Promise.all(chunkIds(ids).map((chunk) => getFleetInstances(regionId, chunk, options)));
  return mergeFleetInstances(cached, partials);
}

async function fetchFleet(regionId: string, context: QueryFetchContext): Promise<FleetAnswer> {
  const { client, queryKey, signal } = context;
  // The first load and the user's Refresh are theirs; everything else is background.
  const background = isBackgroundFetch(context);
  const cached = client.getQueryData<FleetAnswer>(queryKey);
  const changing = cached ? transitionalIds(cached.instances) : [];
  const wholeDue =
    !background ||
    client.getQueryState(queryKey)?.isInvalidated === true ||
    Date.now() - lastFullRefresh(client, queryKey) >= SLOW_REFRESH_MS;
  if (cached && changing.length > 0 && !wholeDue) {
    return refreshTransitional(regionId, cached, changing, { signal, background });
  }
  const answer = await refreshWhole(regionId, cached, { signal, background });
  recordFullRefresh(client, queryKey);
  return answer;
}

/**
 * After the console acted on some instances: asks for just those (by ID) and folds them into the
 * region's list, whose polling of instances in transition then takes over; the rest of the region
 * is left to the periodic whole refresh. Without a list yet, or when that request fails, the list
 * is refreshed whole.
 */
export async function refreshFleetInstances(
  client: QueryClient,
  regionId: string,
  ids: readonly string[],
): Promise<void> {
  const queryKey = fleetQueryKey(regionId);
  const cached = client.getQueryData<FleetAnswer>(queryKey);
  if (!cached || ids.length === 0) {
    await client.invalidateQueries({ queryKey });
    return;
  }
  try {
    const partials = await Promise.all(chunkIds(ids).map((chunk) => getFleetInstances(regionId, chunk)));
    // Folded into the list as it is now: a refresh may have replaced it while these were asked for.
    client.setQueryData<FleetAnswer>(queryKey, (current) => current && mergeFleetInstances(current, partials));
  } catch {
    await client.invalidateQueries({ queryKey });
  }
}

export function fleetQueryOptions(regionId: string) {
  return queryOptions({
    queryKey: fleetQueryKey(regionId),
    queryFn: (context) => fetchFleet(regionId, context),
    // Every 2.5 s while something is starting or stopping (only those are fetched), else every 30 s.
    refetchInterval: (query) => refreshIntervalFor(query.state.data?.instances),
  });
}

export function useFleet(regionId: string) {
  return useQuery(fleetQueryOptions(regionId));
}
