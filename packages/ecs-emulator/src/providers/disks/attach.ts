import { apiError, invalidParameter } from '../../protocol/errors.js';
import { nextDevice } from '../../store/factories.js';
import type { InstanceRecord, RegionState } from '../../store/types.js';
import type { ActionHandler } from '../kit/context.js';
import type { RequestParams } from '../kit/params.js';
import { ATTACH_MS } from './limits.js';
import {
  checkDataDiskRoom,
  checkDiskUnlocked,
  checkInstanceStatus,
  checkInstanceUnlocked,
  findDisk,
  findInstance,
  incorrectDiskStatus,
} from './lookup.js';

// AttachDisk ------------------------------------------------------------------------------------

/** The deprecated Device parameter: a free `/dev/xvd[b-z]` of the instance; else the next free one. */
function readDevice(params: RequestParams, region: RegionState, instanceId: string): string {
  const device = params.string('Device', { pattern: /^\/dev\/xvd[b-z]$/, code: 'InvalidDevice.Malformed' });
  if (device === undefined) return nextDevice(region, instanceId);
  for (const disk of region.disks.values()) {
    if (disk.InstanceId === instanceId && disk.Device === device) {
      throw apiError(403, 'InvalidDevice.InUse', `The device "${device}" is already used by the instance.`);
    }
  }
  return device;
}

/**
 * Attaching as a system disk (Bootable) needs a Stopped instance without a system disk (SDK). This
 * emulator never detaches system disks, so every instance has one and the request is refused.
 */
function checkBootable(params: RequestParams, instance: InstanceRecord): void {
  if (!params.boolean('Bootable')) return;
  checkInstanceStatus(instance, ['Stopped'], 'attaching a system disk', 400);
  throw invalidParameter('Bootable', `the instance "${instance.InstanceId}" already has a system disk`);
}

export const attachDisk: ActionHandler = (context) => {
  const { params, store } = context;
  const instanceId = params.requiredString('InstanceId');
  const diskId = params.requiredString('DiskId');
  const deleteWithInstance = params.boolean('DeleteWithInstance') ?? false;
  const { region, disk } = findDisk(context, diskId);
  const instance = findInstance(region, instanceId);
  checkInstanceUnlocked(instance);
  checkDiskUnlocked(disk);
  // AttachDisk documents IncorrectInstanceStatus as 400 (S0, D21).
  checkInstanceStatus(instance, ['Running', 'Stopped'], 'AttachDisk', 400);
  checkBootable(params, instance);
  if (disk.Status !== 'Available') throw incorrectDiskStatus(disk, 'AttachDisk');
  if (!disk.Portable) throw apiError(403, 'DiskNotPortable', `The disk "${diskId}" is not portable.`);
  if (disk.ZoneId !== instance.ZoneId) {
    throw apiError(
      403,
      'ResourcesNotInSameZone',
      `The disk (${disk.ZoneId}) and the instance (${instance.ZoneId}) are in different zones.`,
    );
  }
  checkDataDiskRoom(region, instance);
  disk.Device = readDevice(params, region, instanceId);
  disk.InstanceId = instanceId;
  disk.DeleteWithInstance = deleteWithInstance;
  disk.Status = 'Attaching';
  store.setTransition('disk', region.region.RegionId, disk, { to: 'In_use', at: context.now + ATTACH_MS });
  return {};
};
