import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { markUserRequest, queryRequestOptions } from '@/lib/background-fetch';
import type { RegionListKind } from './kinds';
import { getRegionListItems, useRegionList } from './query';
import { FAST_REFRESH_MS } from './refresh-interval';

/** What a resource's page knows of its resource. */
export type RegionListItemState<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: unknown; readonly retry: () => void }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'found'; readonly item: T };

export const regionListItemQueryKey = (kind: { readonly path: string }, regionId: string, id: string) =>
  ['region-list-item', kind.path, regionId, id] as const;

/**
 * One resource for its page. It comes from the region's list of its kind, so the page shows what the
 * list shows and every action's refresh (which folds the items it acted on into that list) reaches
 * it. An item the list does not have (created since the list was fetched, or gone) is asked for by
 * ID: the answer tells a new item from one that no longer exists. Until the list has it, an item in
 * transition is followed here.
 */
export function useRegionListItem<K extends string, T>(kind: RegionListKind<K, T>, regionId: string, id: string) {
  const list = useRegionList(kind, regionId);
  const items = list.data?.[kind.listKey];
  const fromList = items?.find((item) => kind.idOf(item) === id);
  const askById = list.isSuccess && !fromList;
  const byId = useQuery({
    queryKey: regionListItemQueryKey(kind, regionId, id),
    queryFn: async (context): Promise<T | null> =>
      (await getRegionListItems(kind, regionId, [id], queryRequestOptions(context)))[kind.listKey][0] ?? null,
    enabled: askById,
    // Asked afresh each time the list loses the item: an older answer may be from before a deletion.
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && kind.isTransitional(query.state.data) ? FAST_REFRESH_MS : false),
  });

  const state = ((): RegionListItemState<T> => {
    if (fromList) return { kind: 'found', item: fromList };
    if (list.isError) return { kind: 'failed', error: list.error, retry: () => void list.refetch() };
    if (!askById || byId.isPending) return { kind: 'loading' };
    if (byId.isError) return { kind: 'failed', error: byId.error, retry: () => void byId.refetch() };
    return byId.data ? { kind: 'found', item: byId.data } : { kind: 'notFound' };
  })();
  return { state, items };
}

/** The user's Refresh of a page's queries: those the page shows are fetched again, as the user's request. */
export function useRefetchShown(): (queryKeys: readonly QueryKey[]) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (queryKeys) => {
      const shown = queryKeys.filter((queryKey) =>
        queryClient.getQueryCache().find({ queryKey, exact: true })?.isActive(),
      );
      for (const queryKey of shown) markUserRequest(queryClient, queryKey);
      await Promise.all(shown.map((queryKey) => queryClient.refetchQueries({ queryKey, exact: true })));
    },
    [queryClient],
  );
}
