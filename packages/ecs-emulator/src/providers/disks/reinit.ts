import { apiError, invalidParameter } from '../../protocol/errors.js';
import type { Store } from '../../store/store.js';
import type { DiskRecord, InstanceRecord, RegionState } from '../../store/types.js';
import type { ActionHandler } from '../kit/context.js';
import type { RequestParams } from '../kit/params.js';
import { checkPassword } from '../kit/passwords.js';
import { REINIT_MS } from './limits.js';
import {
  attachedInstance,
  checkDiskUnlocked,
  checkInstanceStatus,
  checkInstanceUnlocked,
  checkNoSnapshotInProgress,
  findDisk,
  incorrectDiskStatus,
} from './lookup.js';

// ReInitDisk ------------------------------------------------------------------------------------

/** Password and KeyPairName apply to a system disk; a key pair only to Linux. */
function checkCredentials(params: RequestParams, disk: DiskRecord, instance: InstanceRecord): void {
  const password = params.string('Password');
  if (password !== undefined && disk.Type === 'system') checkPassword(password, instance.OSType);
  const keyPairName = params.string('KeyPairName');
  if (keyPairName !== undefined && disk.Type === 'system' && instance.OSType === 'windows') {
    throw invalidParameter('KeyPairName', 'Windows instances do not take key pairs');
  }
}

/** A data disk made from a snapshot returns to that snapshot, so it must still exist. */
function checkSourceSnapshot(region: RegionState, disk: DiskRecord): void {
  if (disk.SourceSnapshotId !== '' && !region.snapshots.has(disk.SourceSnapshotId)) {
    throw apiError(
      403,
      'InvalidSourceSnapshot',
      `The snapshot "${disk.SourceSnapshotId}" the disk was created from has been deleted.`,
    );
  }
}

/**
 * With AutoStartInstance the instance boots once the disk is back: it stays Stopped while the disk
 * re-initialises, then the instance provider's power-on (Starting → Running) takes over.
 */
function startAfterReInit(store: Store, region: RegionState, instance: InstanceRecord, reInitDone: number): void {
  store.setTransition('instance', region.region.RegionId, instance, { to: 'Starting', at: reInitDone });
}

export const reInitDisk: ActionHandler = (context) => {
  const { params, store } = context;
  const diskId = params.requiredString('DiskId');
  const autoStart = params.boolean('AutoStartInstance') ?? false;
  // Validated only: the emulator runs no security agent to enable or disable.
  params.oneOf('SecurityEnhancementStrategy', ['Active', 'Deactive']);
  const { region, disk } = findDisk(context, diskId);
  checkDiskUnlocked(disk);
  if (disk.Status !== 'In_use') throw incorrectDiskStatus(disk, 'ReInitDisk');
  const instance = attachedInstance(region, disk);
  checkInstanceUnlocked(instance);
  checkInstanceStatus(instance, ['Stopped'], 'ReInitDisk');
  if (!instance.everStarted) {
    throw apiError(403, 'IncorrectInstanceStatus', `The instance "${instance.InstanceId}" has never been started.`);
  }
  checkCredentials(params, disk, instance);
  checkNoSnapshotInProgress(region, disk);
  checkSourceSnapshot(region, disk);
  const done = context.now + REINIT_MS;
  disk.Status = 'ReIniting';
  store.setTransition('disk', region.region.RegionId, disk, { to: 'In_use', at: done });
  if (autoStart) startAfterReInit(store, region, instance, done);
  return {};
};
