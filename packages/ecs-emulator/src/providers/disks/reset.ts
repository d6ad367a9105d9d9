import { apiError, notFound } from '../../protocol/errors.js';
import type { ActionHandler } from '../kit/context.js';
import { stopIfDryRun } from '../kit/checks.js';
import {
  attachedInstance,
  checkDiskUnlocked,
  checkInstanceStatus,
  checkInstanceUnlocked,
  findDisk,
  incorrectDiskStatus,
} from './lookup.js';

// ResetDisk -------------------------------------------------------------------------------------

/**
 * Rolls a disk back to one of its own snapshots. The disk is In_use on a Stopped instance, or
 * Available (SDK; the 2018 reference knew only the attached case).
 */
export const resetDisk: ActionHandler = (context) => {
  const { params } = context;
  const diskId = params.requiredString('DiskId');
  const snapshotId = params.requiredString('SnapshotId');
  const { region, disk } = findDisk(context, diskId);
  const snapshot = region.snapshots.get(snapshotId);
  if (!snapshot) throw notFound('InvalidSnapshotId.NotFound', 'snapshot', snapshotId);
  if (snapshot.SourceDiskId !== diskId) {
    throw apiError(
      403,
      'InvalidParameter.Mismatch',
      `The snapshot "${snapshotId}" was not taken of the disk "${diskId}".`,
    );
  }
  if (snapshot.Status !== 'accomplished') {
    throw apiError(
      403,
      'InvalidSnapshotId.NotReady',
      `The snapshot "${snapshotId}" is not ready (${snapshot.Status}).`,
    );
  }
  checkDiskUnlocked(disk);
  if (disk.Status === 'In_use') {
    const instance = attachedInstance(region, disk);
    checkInstanceUnlocked(instance);
    checkInstanceStatus(instance, ['Stopped'], 'ResetDisk');
  } else if (disk.Status !== 'Available') {
    throw incorrectDiskStatus(disk, 'ResetDisk');
  }
  stopIfDryRun(params);
  return {};
};
