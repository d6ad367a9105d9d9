import { SNAPSHOT_LIST, useRegionList } from '@/lib/region-list';

/** Every snapshot of the region (`.data.snapshots`), polled while snapshots are progressing. */
export function useSnapshotList(regionId: string) {
  return useRegionList(SNAPSHOT_LIST, regionId);
}
