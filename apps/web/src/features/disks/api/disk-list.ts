import { DISK_LIST, useRegionList } from '@/lib/region-list';

/** Every disk of the region (`.data.disks`), polled while disks are creating, attaching, detaching or re-initialising. */
export function useDiskList(regionId: string) {
  return useRegionList(DISK_LIST, regionId);
}
