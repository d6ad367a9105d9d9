import { apiError, incorrectStatus } from '../../protocol/errors.js';
import type { Store } from '../../store/store.js';
import type { DiskRecord, InstanceRecord, RegionState } from '../../store/types.js';
import type { ActionHandler } from '../kit/context.js';
import { rejectSecurityLock, stopIfDryRun } from '../kit/checks.js';
import { expiryOf } from './filters.js';
import { namedInstance, requireStatus } from './lookup.js';

// DeleteInstance ----------------------------------------------------------------------------------

export const deleteInstance: ActionHandler = (context) => {
  const { region, instance } = namedInstance(context);
  const { params } = context;
  const force = params.boolean('Force') ?? false;
  // ForceStop only chooses how a Running instance goes down before it is released.
  params.boolean('ForceStop');
  const terminateSubscription = params.boolean('TerminateSubscription') ?? false;
  rejectSecurityLock(instance);
  if (instance.Status === 'Pending') {
    throw incorrectStatus('IncorrectInstanceStatus.Initializing', 'instance', instance.Status, 'DeleteInstance');
  }
  requireStatus(instance, force ? ['Stopped', 'Running'] : ['Stopped'], 'DeleteInstance');
  if (instance.DeletionProtection) {
    throw apiError(
      403,
      'InvalidOperation.DeletionProtection',
      'The instance has deletion protection enabled; disable it first.',
    );
  }
  if (instance.InstanceChargeType === 'PrePaid' && !(terminateSubscription && context.now >= expiryOf(instance))) {
    throw apiError(
      403,
      'ChargeTypeViolation',
      'A subscription instance can only be released once it has expired, with TerminateSubscription.',
    );
  }
  stopIfDryRun(context.params);
  releaseInstance(context.store, region, instance, context.now);
  return {};
};

/** The system disk and DeleteWithInstance data disks go with the instance; other disks are detached. */
function releaseInstance(store: Store, region: RegionState, instance: InstanceRecord, now: number): void {
  for (const disk of region.disks.values()) {
    if (disk.InstanceId !== instance.InstanceId) continue;
    if (disk.Type === 'system' || disk.DeleteWithInstance) releaseDisk(store, region, disk);
    else detachDisk(store, region, disk, now);
  }
  region.instances.delete(instance.InstanceId);
  store.unindex(instance.InstanceId);
}

/** A released disk takes its automatic snapshots along when DeleteAutoSnapshot says so; manual ones stay. */
function releaseDisk(store: Store, region: RegionState, disk: DiskRecord): void {
  if (disk.DeleteAutoSnapshot) {
    for (const snapshot of region.snapshots.values()) {
      if (snapshot.SourceDiskId === disk.DiskId && snapshot.SnapshotType === 'auto') {
        region.snapshots.delete(snapshot.SnapshotId);
        store.unindex(snapshot.SnapshotId);
      }
    }
  }
  region.disks.delete(disk.DiskId);
  store.unindex(disk.DiskId);
}

function detachDisk(store: Store, region: RegionState, disk: DiskRecord, now: number): void {
  store.setTransition('disk', region.region.RegionId, disk, undefined);
  disk.Status = 'Available';
  disk.InstanceId = '';
  disk.Device = '';
  disk.DeleteWithInstance = false;
  disk.detachedAt = now;
}
