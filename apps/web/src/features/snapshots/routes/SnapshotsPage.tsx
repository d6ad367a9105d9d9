import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { markUserRequest } from '@/lib/background-fetch';
import { DISK_LIST, regionListQueryKey, SNAPSHOT_LIST, useRegionList } from '@/lib/region-list';
import { useListRegion } from '@/lib/selected-region';
import { useSnapshotList } from '../api/snapshot-list';
import { SnapshotTable } from '../components/SnapshotTable';

/**
 * `/snapshots?region=…`: every snapshot of the region, in the view the address describes. The
 * region's disks are loaded beside them: the source disks' names, whether they still exist (to
 * roll back), and the disks to snapshot.
 */
export function SnapshotsPage() {
  const regionId = useListRegion();
  const queryClient = useQueryClient();
  const snapshots = useSnapshotList(regionId);
  const disks = useRegionList(DISK_LIST, regionId);
  const { refetch: refetchSnapshots } = snapshots;
  const { refetch: refetchDisks } = disks;

  // The user's Refresh: both lists, each counted as activity.
  const refresh = useCallback(() => {
    markUserRequest(queryClient, regionListQueryKey(SNAPSHOT_LIST, regionId));
    markUserRequest(queryClient, regionListQueryKey(DISK_LIST, regionId));
    return Promise.all([refetchSnapshots(), refetchDisks()]);
  }, [queryClient, regionId, refetchSnapshots, refetchDisks]);

  return (
    <SnapshotTable
      // A new region starts with a fresh selection.
      key={regionId}
      regionId={regionId}
      snapshots={snapshots.data?.snapshots}
      disks={disks.data?.disks}
      source={snapshots}
      onRefresh={refresh}
    />
  );
}
