import { apiError } from '../../protocol/errors.js';
import type { Store } from '../../store/store.js';
import type { DiskRecord, RegionState } from '../../store/types.js';
import { regionOfResource, type ActionHandler } from '../kit/context.js';
import { checkDiskUnlocked, checkNoSnapshotInProgress, incorrectDiskStatus } from './lookup.js';

// DeleteDisk ------------------------------------------------------------------------------------

/** Removes a disk and, when it says so, its automatic snapshots; manual snapshots stay. */
function removeDisk(store: Store, region: RegionState, disk: DiskRecord): void {
  region.disks.delete(disk.DiskId);
  store.unindex(disk.DiskId);
  if (!disk.DeleteAutoSnapshot) return;
  for (const snapshot of [...region.snapshots.values()]) {
    if (snapshot.SourceDiskId === disk.DiskId && snapshot.SnapshotType === 'auto') {
      region.snapshots.delete(snapshot.SnapshotId);
      store.unindex(snapshot.SnapshotId);
    }
  }
}

export const deleteDisk: ActionHandler = (context) => {
  const diskId = context.params.requiredString('DiskId');
  const region = regionOfResource(context, diskId);
  const disk = region?.disks.get(diskId);
  // An unknown DiskId is ignored (S0, SDK).
  if (!region || !disk) return {};
  if (disk.Type === 'system') throw apiError(403, 'DiskTypeViolation', `The disk "${diskId}" is a system disk.`);
  if (!disk.Portable) throw apiError(403, 'DiskNotPortable', `The disk "${diskId}" is not portable.`);
  if (disk.Status === 'In_use') throw apiError(403, 'DiskStillAttached', `The disk "${diskId}" is still attached.`);
  if (disk.Status !== 'Available') throw incorrectDiskStatus(disk, 'DeleteDisk');
  checkDiskUnlocked(disk);
  checkNoSnapshotInProgress(region, disk);
  removeDisk(context.store, region, disk);
  return {};
};
