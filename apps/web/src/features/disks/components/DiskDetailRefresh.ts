import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { markUserRequest } from '@/lib/background-fetch';
import { DISK_LIST, INSTANCE_LIST, regionListQueryKey, SNAPSHOT_LIST } from '@/lib/region-list';

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

/** The Refresh of a page showing a region's disks: the disk, snapshot and instance lists it shows. */
export function useRefreshStorageLists(regionId: string): () => Promise<void> {
  const refetchShown = useRefetchShown();
  return useCallback(
    () => refetchShown([DISK_LIST, SNAPSHOT_LIST, INSTANCE_LIST].map((kind) => regionListQueryKey(kind, regionId))),
    [refetchShown, regionId],
  );
}
