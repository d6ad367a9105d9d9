import { useUserRefetch } from '@/lib/background-fetch';
import { DISK_LIST, INSTANCE_LIST, regionListQueryKey, useRegionList } from '@/lib/region-list';
import { useListRegion } from '@/lib/selected-region';
import { useDiskList } from '../api/disk-list';
import { DiskTable } from '../components/DiskTable';

/** `/disks?region=…`: every disk of the region, in the view the address describes. */
export function DisksPage() {
  const regionId = useListRegion();
  const disks = useDiskList(regionId);
  // The names of the instances disks are attached to; the list shows IDs until (or unless) they load.
  const instances = useRegionList(INSTANCE_LIST, regionId);
  const refresh = useUserRefetch(regionListQueryKey(DISK_LIST, regionId), disks.refetch);

  return (
    <DiskTable
      // A new region starts with a fresh selection.
      key={regionId}
      regionId={regionId}
      disks={disks.data?.disks}
      instances={instances.data?.instances}
      source={disks}
      onRefresh={refresh}
    />
  );
}
