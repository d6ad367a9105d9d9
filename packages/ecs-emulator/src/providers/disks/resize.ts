import { ONLINE_RESIZE_CATEGORIES, sizeRange } from '@ecs-console/contract';
import { apiError, missingParameter } from '../../protocol/errors.js';
import type { ActionContext, ActionHandler } from '../kit/context.js';
import { idempotent } from '../kit/idempotency.js';
import { digitsFor } from '../kit/names.js';
import {
  attachedInstance,
  checkDiskUnlocked,
  checkInstanceStatus,
  checkInstanceUnlocked,
  checkNoSnapshotInProgress,
  findDisk,
  incorrectDiskStatus,
} from './lookup.js';

// ResizeDisk ------------------------------------------------------------------------------------

function resize(context: ActionContext): Record<string, unknown> {
  const { params } = context;
  const diskId = params.requiredString('DiskId');
  const newSize = params.integer('NewSize');
  if (newSize === undefined) throw missingParameter('NewSize');
  const type = params.oneOf('Type', ['offline', 'online'], { code: 'InvalidParam.Type' }) ?? 'offline';
  const { region, disk } = findDisk(context, diskId);
  checkDiskUnlocked(disk);
  if (disk.Status !== 'In_use' && disk.Status !== 'Available') throw incorrectDiskStatus(disk, 'ResizeDisk');
  if (disk.Status === 'In_use') {
    const instance = attachedInstance(region, disk);
    checkInstanceUnlocked(instance);
    checkInstanceStatus(instance, ['Running', 'Stopped'], 'ResizeDisk');
    if (type === 'online' && instance.Status !== 'Running') {
      throw apiError(403, 'InvalidInstanceStatus.NotRunning', 'Online resizing needs a Running instance.');
    }
  } else if (type === 'online') {
    // Online resizing grows a disk under a running OS; an unattached disk is resized offline.
    throw apiError(
      403,
      'InvalidInstanceStatus.NotRunning',
      `The disk "${diskId}" is not attached to a Running instance; resize it offline.`,
    );
  }
  if (type === 'online' && !ONLINE_RESIZE_CATEGORIES.has(disk.Category)) {
    throw apiError(403, 'InvalidDiskCategory.NotSupported', `${disk.Category} disks cannot be resized online.`);
  }
  checkNoSnapshotInProgress(region, disk);
  if (newSize <= disk.Size) {
    throw apiError(403, 'InvalidDiskSize.TooSmall', `NewSize must exceed the current size (${disk.Size} GiB).`);
  }
  const { max } = sizeRange(disk.Type, disk.Category, disk.PerformanceLevel);
  if (newSize > max)
    throw apiError(403, 'InvalidDiskSize.TooLarge', `NewSize exceeds ${max} GiB, the most this disk takes.`);
  disk.Size = newSize;
  return disk.DiskChargeType === 'PrePaid' ? { OrderId: digitsFor(`${disk.DiskId}:${newSize}`, 15) } : {};
}

export const resizeDisk: ActionHandler = (context) => idempotent(context, () => resize(context));
