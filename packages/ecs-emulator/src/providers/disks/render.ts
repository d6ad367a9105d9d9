import { diskPerformance } from '@ecs-console/contract';
import { isoMinutes, isoSeconds } from '../../clock.js';
import type { DiskRecord, RegionState } from '../../store/types.js';
import { renderTags } from '../kit/tags.js';
import { POSTPAID_EXPIRED_TIME } from './limits.js';

/** ECS shows Device, and the attachment, only while the disk is In_use (S0 DiskItemType). */
function isShownAttached(disk: DiskRecord): boolean {
  return disk.Status === 'In_use' && disk.InstanceId !== '';
}

/**
 * A PrePaid disk bought with a subscription instance ends with the instance's subscription; one
 * without (or whose instance has none) runs a month from its creation.
 */
function expiredTime(disk: DiskRecord, instanceExpiry: number | undefined): string {
  if (disk.DiskChargeType === 'PostPaid') return POSTPAID_EXPIRED_TIME;
  if (instanceExpiry !== undefined) return isoMinutes(instanceExpiry);
  const expiry = new Date(disk.createdAt);
  expiry.setUTCMonth(expiry.getUTCMonth() + 1);
  return isoMinutes(expiry.getTime());
}

/** A disk in the response shape of DescribeDisks (`Disk` of the client); `region` holds its instance. */
export function renderDisk(disk: DiskRecord, region: RegionState, withPlacement: boolean): Record<string, unknown> {
  const regionId = region.region.RegionId;
  const attached = isShownAttached(disk);
  const attachedTime = disk.attachedAt === undefined ? '' : isoSeconds(disk.attachedAt);
  const { IOPS, Throughput } = diskPerformance(disk.Category, disk.PerformanceLevel, disk.Size);
  return {
    DiskId: disk.DiskId,
    DiskName: disk.DiskName,
    Description: disk.Description,
    RegionId: regionId,
    ZoneId: disk.ZoneId,
    Type: disk.Type,
    Category: disk.Category,
    Size: disk.Size,
    Status: disk.Status,
    InstanceId: disk.InstanceId,
    Device: attached ? disk.Device : '',
    ImageId: disk.ImageId,
    SourceSnapshotId: disk.SourceSnapshotId,
    Portable: disk.Portable,
    DeleteWithInstance: disk.DeleteWithInstance,
    DeleteAutoSnapshot: disk.DeleteAutoSnapshot,
    EnableAutoSnapshot: disk.EnableAutoSnapshot,
    EnableAutomatedSnapshotPolicy: false,
    AutoSnapshotPolicyId: '',
    Encrypted: disk.Encrypted,
    KMSKeyId: '',
    DiskChargeType: disk.DiskChargeType,
    CreationTime: isoSeconds(disk.createdAt),
    AttachedTime: attachedTime,
    DetachedTime: disk.detachedAt === undefined ? '' : isoSeconds(disk.detachedAt),
    ExpiredTime: expiredTime(disk, region.instances.get(disk.InstanceId)?.expiredAt),
    OperationLocks: { OperationLock: disk.lockReasons.map((LockReason) => ({ LockReason })) },
    Tags: renderTags(disk.tags),
    IOPS,
    Throughput,
    PerformanceLevel: disk.PerformanceLevel,
    BurstingEnabled: false,
    ProvisionedIops: 0,
    ProductCode: '',
    SerialNumber: disk.DiskId.slice(2),
    ResourceGroupId: '',
    MultiAttach: 'Disabled',
    Attachments: {
      Attachment: attached ? [{ InstanceId: disk.InstanceId, Device: disk.Device, AttachedTime: attachedTime }] : [],
    },
    ...(withPlacement ? { Placement: { ZoneIds: disk.ZoneId } } : {}),
  };
}
