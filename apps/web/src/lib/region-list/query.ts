import type { RegionListAnswer, RegionListByIdAnswer } from '@ecs-console/contract';
import { hashKey, queryOptions, useQuery, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { apiFetch, apiFetchConditional, ApiError, type RequestOptions } from '../api-client';
import { isBackgroundFetch, type QueryFetchContext } from '../background-fetch';
import { nextOrder, rememberActionAnswer, withActionAnswersSince } from './action-answers';
import { listItems } from './answers';
import type { RegionListKind } from './kinds';
import { chunkIds, mergeRegionListItems, transitionalIds } from './merge';
import { refreshIntervalFor, SLOW_REFRESH_MS } from './refresh-interval';

/**
 * A region's list of one kind (instances, disks, snapshots), kept current at a cost that grows
 * with what changes:
 * - the first load, the user's Refresh and the periodic one every 30 s fetch the whole list,
 *   conditionally: while nothing changed the BFF answers `304 Not Modified` and the list the SPA
 *   has is kept (and counts as fresh);
 * - after an action, only the items it acted on are asked for (refreshRegionListItems);
 * - in between, every 2.5 s while items change state, only those are asked for by ID and folded
 *   into the list.
 */

const listPath = (kind: { readonly path: string }, regionId: string) =>
  `/api/regions/${encodeURIComponent(regionId)}/${kind.path}`;

/** Every item of the region in one answer (the BFF fetches ECS's pages concurrently). */
export function getRegionList<K extends string, T>(
  kind: RegionListKind<K, T>,
  regionId: string,
  options: RequestOptions = {},
): Promise<RegionListAnswer<K, T>> {
  return apiFetch<RegionListAnswer<K, T>>(listPath(kind, regionId), options);
}

/** The current state of some items (at most `REGION_LIST_IDS_MAX`). */
export async function getRegionListItems<K extends string, T>(
  kind: RegionListKind<K, T>,
  regionId: string,
  ids: readonly string[],
  options: RequestOptions = {},
): Promise<RegionListByIdAnswer<K, T>> {
  const query = ids.map(encodeURIComponent).join(',');
  const answer = await apiFetch<RegionListByIdAnswer<K, T>>(`${listPath(kind, regionId)}?ids=${query}`, options);
  // A BFF without `?ids=` support answers the whole list (no `requestedIds`): every ID was asked for.
  const requestedIds = (answer as Partial<RegionListByIdAnswer<K, T>>).requestedIds ?? ids;
  return { ...answer, requestedIds };
}

export const regionListQueryKey = (kind: { readonly path: string }, regionId: string) =>
  ['region-list', kind.path, regionId] as const;

/** When each list was last fetched whole, per query client (tests get their own). */
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
async function refreshWhole<K extends string, T>(
  kind: RegionListKind<K, T>,
  regionId: string,
  cached: RegionListAnswer<K, T> | undefined,
  options: RequestOptions,
): Promise<RegionListAnswer<K, T>> {
  const etag = cached?.version ? `"${cached.version}"` : null;
  const result = await apiFetchConditional<RegionListAnswer<K, T>>(listPath(kind, regionId), etag, options);
  if (!result.notModified) return result.answer;
  if (cached) return cached;
  throw new ApiError({
    status: 304,
    code: 'UnexpectedResponse',
    message: 'HTTP 304 for a list the console does not have',
    requestId: null,
  });
}

/** Asks for some items (in requests of at most 100 IDs). */
function getItemsInChunks<K extends string, T>(
  kind: RegionListKind<K, T>,
  regionId: string,
  ids: readonly string[],
  options: RequestOptions = {},
): Promise<RegionListByIdAnswer<K, T>[]> {
  return Promise.all(chunkIds(ids).map((chunk) => getRegionListItems(kind, regionId, chunk, options)));
}

async function fetchRegionList<K extends string, T>(
  kind: RegionListKind<K, T>,
  regionId: string,
  context: QueryFetchContext,
): Promise<RegionListAnswer<K, T>> {
  const { client, queryKey, signal } = context;
  const order = nextOrder();
  // The first load and the user's Refresh are theirs; everything else is background.
  const background = isBackgroundFetch(context);
  const cached = client.getQueryData<RegionListAnswer<K, T>>(queryKey);
  const changing = cached ? transitionalIds(kind, listItems(kind, cached)) : [];
  const wholeDue =
    !background ||
    client.getQueryState(queryKey)?.isInvalidated === true ||
    Date.now() - lastFullRefresh(client, queryKey) >= SLOW_REFRESH_MS;
  if (cached && changing.length > 0 && !wholeDue) {
    const partials = await getItemsInChunks(kind, regionId, changing, { signal, background });
    return withActionAnswersSince(client, kind, queryKey, order, mergeRegionListItems(kind, cached, partials));
  }
  const answer = await refreshWhole(kind, regionId, cached, { signal, background });
  recordFullRefresh(client, queryKey);
  return withActionAnswersSince(client, kind, queryKey, order, answer);
}

/**
 * After the console acted on some items: asks for just those (by ID) and folds them into the
 * region's list, whose polling of items in transition then takes over; the rest of the region is
 * left to the periodic whole refresh. Without a list yet, or when that request fails, the list is
 * refreshed whole.
 */
export async function refreshRegionListItems<K extends string, T>(
  client: QueryClient,
  kind: RegionListKind<K, T>,
  regionId: string,
  ids: readonly string[],
): Promise<void> {
  const queryKey = regionListQueryKey(kind, regionId);
  const cached = client.getQueryData<RegionListAnswer<K, T>>(queryKey);
  if (!cached || ids.length === 0) {
    await client.invalidateQueries({ queryKey });
    return;
  }
  try {
    const partials = await getItemsInChunks(kind, regionId, ids);
    // Also into what a fetch already in flight brings when it lands (it started from an older list).
    rememberActionAnswer(client, queryKey, partials);
    // Folded into the list as it is now: a refresh may have replaced it while these were asked for.
    client.setQueryData<RegionListAnswer<K, T>>(
      queryKey,
      (current) => current && mergeRegionListItems(kind, current, partials),
    );
  } catch {
    await client.invalidateQueries({ queryKey });
  }
}

export function regionListQueryOptions<K extends string, T>(kind: RegionListKind<K, T>, regionId: string) {
  return queryOptions({
    queryKey: regionListQueryKey(kind, regionId),
    queryFn: (context) => fetchRegionList(kind, regionId, context),
    // Every 2.5 s while something is changing (only those are fetched), else every 30 s.
    refetchInterval: (query) =>
      refreshIntervalFor(kind, query.state.data ? listItems(kind, query.state.data) : undefined),
  });
}

/** The region's whole list of a kind: `.data` is the answer (`.data.disks`, `.data.instances`, ...). */
export function useRegionList<K extends string, T>(kind: RegionListKind<K, T>, regionId: string) {
  return useQuery(regionListQueryOptions(kind, regionId));
}
