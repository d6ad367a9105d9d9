import { useCallback } from 'react';
import { DISK_LIST, INSTANCE_LIST, regionListQueryKey, SNAPSHOT_LIST, useRefetchShown } from '@/lib/region-list';

/** The Refresh of a page showing a region's disks: the disk, snapshot and instance lists it shows. */
export function useRefreshStorageLists(regionId: string): () => Promise<void> {
  const refetchShown = useRefetchShown();
  return useCallback(
    () => refetchShown([DISK_LIST, SNAPSHOT_LIST, INSTANCE_LIST].map((kind) => regionListQueryKey(kind, regionId))),
    [refetchShown, regionId],
  );
}
