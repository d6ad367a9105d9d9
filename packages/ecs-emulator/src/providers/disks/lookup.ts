import { apiError, incorrectStatus, notFound } from '../../protocol/errors.js';
import type { DiskRecord, InstanceRecord, RegionState, SnapshotRecord } from '../../store/types.js';
import { regionOfResource, type ActionContext } from '../kit/context.js';
import { rejectSecurityLock } from '../kit/checks.js';
import { MAX_DATA_DISKS } from './limits.js';

// Lookups and shared checks ---------------------------------------------------------------------

export function diskNotFound(diskId: string) {
  return notFound('InvalidDiskId.NotFound', 'disk', diskId);
}

function instanceNotFound(instanceId: string) {
  return notFound('InvalidInstanceId.NotFound', 'instance', instanceId);
}

/** The disk an action names by DiskId (no RegionId needed), or InvalidDiskId.NotFound. */
export function findDisk(context: ActionContext, diskId: string): { region: RegionState; disk: DiskRecord } {
  const region = regionOfResource(context, diskId);
  const disk = region?.disks.get(diskId);
  if (!region || !disk) throw diskNotFound(diskId);
  return { region, disk };
}

export function findInstance(region: RegionState, instanceId: string): InstanceRecord {
  const instance = region.instances.get(instanceId);
  if (!instance) throw instanceNotFound(instanceId);
  return instance;
}

/** The instance a disk is attached to. */
export function attachedInstance(region: RegionState, disk: DiskRecord): InstanceRecord {
  return findInstance(region, disk.InstanceId);
}

/** Instances locked for security refuse every operation; other locks mean arrears. */
export function checkInstanceUnlocked(instance: InstanceRecord): void {
  rejectSecurityLock(instance, `The instance "${instance.InstanceId}" is locked for security reasons.`);
  if (instance.lockReasons.length > 0) {
    throw apiError(
      403,
      'InstanceExpiredOrInArrears',
      `The instance "${instance.InstanceId}" has expired or is in arrears.`,
    );
  }
}

/** A disk locked for arrears refuses operations (`financial`); any other lock denies them. */
export function checkDiskUnlocked(disk: DiskRecord): void {
  if (disk.lockReasons.includes('financial')) {
    throw apiError(403, 'DiskInArrears', `The disk "${disk.DiskId}" is in arrears.`);
  }
  if (disk.lockReasons.length > 0) {
    throw apiError(403, 'OperationDenied', `The disk "${disk.DiskId}" is locked (${disk.lockReasons.join(', ')}).`);
  }
}

export function checkInstanceStatus(
  instance: InstanceRecord,
  allowed: readonly string[],
  action: string,
  httpStatus = 403,
): void {
  if (!allowed.includes(instance.Status)) {
    throw apiError(
      httpStatus,
      'IncorrectInstanceStatus',
      `The current status of the instance (${instance.Status}) does not support ${action}.`,
    );
  }
}

export function incorrectDiskStatus(disk: DiskRecord, action: string) {
  return incorrectStatus('IncorrectDiskStatus', 'disk', disk.Status, action);
}

/** The snapshot of this disk still being taken, if any: one at a time, and it blocks resize and delete. */
export function progressingSnapshotOf(region: RegionState, diskId: string): SnapshotRecord | undefined {
  for (const snapshot of region.snapshots.values()) {
    if (snapshot.SourceDiskId === diskId && snapshot.Status === 'progressing') return snapshot;
  }
  return undefined;
}

export function checkNoSnapshotInProgress(region: RegionState, disk: DiskRecord): void {
  if (progressingSnapshotOf(region, disk.DiskId)) {
    throw apiError(403, 'DiskCreatingSnapshot', `A snapshot of the disk "${disk.DiskId}" is being created.`);
  }
}

function dataDiskCount(region: RegionState, instanceId: string): number {
  let count = 0;
  for (const disk of region.disks.values()) if (disk.InstanceId === instanceId && disk.Type === 'data') count++;
  return count;
}

export function checkDataDiskRoom(region: RegionState, instance: InstanceRecord): void {
  if (dataDiskCount(region, instance.InstanceId) >= MAX_DATA_DISKS) {
    throw apiError(
      403,
      'InstanceDiskLimitExceeded',
      `The instance "${instance.InstanceId}" already has ${MAX_DATA_DISKS} data disks.`,
    );
  }
}
