import { apiError } from '../../protocol/errors.js';
import type { ActionHandler } from '../kit/context.js';
import { DETACH_MS } from './limits.js';
import { checkInstanceStatus, checkInstanceUnlocked, findDisk, findInstance, incorrectDiskStatus } from './lookup.js';

// DetachDisk ------------------------------------------------------------------------------------

/**
 * System disks are refused with DiskTypeViolation (the 2018 reference): this emulator keeps every
 * instance's system disk attached, which its instance actions rely on.
 */
export const detachDisk: ActionHandler = (context) => {
  const { params, store } = context;
  const instanceId = params.requiredString('InstanceId');
  const diskId = params.requiredString('DiskId');
  const { region, disk } = findDisk(context, diskId);
  const instance = findInstance(region, instanceId);
  if (disk.InstanceId !== instanceId) {
    throw apiError(403, 'DependencyViolation', `The disk "${diskId}" is not attached to the instance "${instanceId}".`);
  }
  checkInstanceUnlocked(instance);
  if (disk.Status !== 'In_use') throw incorrectDiskStatus(disk, 'DetachDisk');
  if (disk.Type === 'system') throw apiError(403, 'DiskTypeViolation', `The disk "${diskId}" is a system disk.`);
  if (!disk.Portable) throw apiError(403, 'DiskNotPortable', `The disk "${diskId}" is not portable.`);
  checkInstanceStatus(instance, ['Running', 'Stopped'], 'DetachDisk');
  disk.Status = 'Detaching';
  store.setTransition('disk', region.region.RegionId, disk, { to: 'Available', at: context.now + DETACH_MS });
  return {};
};
