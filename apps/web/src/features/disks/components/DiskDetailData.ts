import type { DiskSummary } from '@ecs-console/contract';
import { useQuery } from '@tanstack/react-query';
import { queryRequestOptions } from '@/lib/background-fetch';
import { DISK_LIST, FAST_REFRESH_MS, getRegionListItems, useRegionList } from '@/lib/region-list';

export const diskByIdQueryKey = (regionId: string, diskId: string) => ['disk-by-id', regionId, diskId] as const;

export type DiskDetailState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: unknown; readonly retry: () => void }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'found'; readonly disk: DiskSummary };

/**
 * One disk for its page. It comes from the region's disk list, so the page shows what the list
 * shows and every action's refresh (which folds the disks it acted on into that list) reaches it.
 * A disk the list does not have (created since the list was fetched, or gone) is asked for by ID:
 * the answer tells a new disk from one that no longer exists.
 */
export function useDiskDetail(regionId: string, diskId: string): DiskDetailState {
  const list = useRegionList(DISK_LIST, regionId);
  const fromList = list.data?.disks.find((disk) => disk.DiskId === diskId);
  const askById = list.isSuccess && !fromList;
  const byId = useQuery({
    queryKey: diskByIdQueryKey(regionId, diskId),
    queryFn: async (context) =>
      (await getRegionListItems(DISK_LIST, regionId, [diskId], queryRequestOptions(context))).disks[0] ?? null,
    enabled: askById,
    // Asked afresh each time the list loses the disk: an older answer may be from before a deletion.
    staleTime: 0,
    // Until the list has it, a disk that is changing state is followed here.
    refetchInterval: (query) =>
      query.state.data && DISK_LIST.isTransitional(query.state.data) ? FAST_REFRESH_MS : false,
  });

  if (fromList) return { kind: 'found', disk: fromList };
  if (list.isError) return { kind: 'failed', error: list.error, retry: () => void list.refetch() };
  if (!askById || byId.isPending) return { kind: 'loading' };
  if (byId.isError) return { kind: 'failed', error: byId.error, retry: () => void byId.refetch() };
  return byId.data ? { kind: 'found', disk: byId.data } : { kind: 'notFound' };
}
