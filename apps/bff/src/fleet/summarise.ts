import type { Disk, Instance, Permission, SecurityGroup, Snapshot } from '@ecs-console/ecs-client';
import type {
  DISK_SUMMARY_FIELDS,
  DiskSummary,
  INSTANCE_SUMMARY_FIELDS,
  InstanceSummary,
  SECURITY_GROUP_SUMMARY_FIELDS,
  SecurityGroupSummary,
  SNAPSHOT_SUMMARY_FIELDS,
  SnapshotSummary,
} from '@ecs-console/contract';

/**
 * The fields the list shows (INSTANCE_SUMMARY_FIELDS, in its order; `satisfies` keeps the two
 * lists the same). Written out as one object literal, not copied field by field in a loop: every
 * summary then has one shape, which makes building and serialising 10,000 of them several times
 * faster. A field ECS left out is undefined here, and JSON leaves it out as before.
 */
export function summarise(instance: Instance): InstanceSummary {
  return {
    InstanceId: instance.InstanceId,
    InstanceName: instance.InstanceName,
    Description: instance.Description,
    HostName: instance.HostName,
    Status: instance.Status,
    RegionId: instance.RegionId,
    ZoneId: instance.ZoneId,
    InstanceType: instance.InstanceType,
    InstanceTypeFamily: instance.InstanceTypeFamily,
    Cpu: instance.Cpu,
    Memory: instance.Memory,
    OSType: instance.OSType,
    OSName: instance.OSName,
    OSNameEn: instance.OSNameEn,
    ImageId: instance.ImageId,
    CreationTime: instance.CreationTime,
    StartTime: instance.StartTime,
    ExpiredTime: instance.ExpiredTime,
    InstanceChargeType: instance.InstanceChargeType,
    InternetChargeType: instance.InternetChargeType,
    InternetMaxBandwidthOut: instance.InternetMaxBandwidthOut,
    InstanceNetworkType: instance.InstanceNetworkType,
    StoppedMode: instance.StoppedMode,
    DeletionProtection: instance.DeletionProtection,
    KeyPairName: instance.KeyPairName,
    OperationLocks: instance.OperationLocks,
    VpcAttributes: instance.VpcAttributes,
    PublicIpAddress: instance.PublicIpAddress,
    EipAddress: instance.EipAddress,
    SecurityGroupIds: instance.SecurityGroupIds,
    Tags: instance.Tags,
  } satisfies Record<(typeof INSTANCE_SUMMARY_FIELDS)[number], unknown>;
}

/** The disk fields the lists show (DISK_SUMMARY_FIELDS, in its order), written out as `summarise` is. */
export function summariseDisk(disk: Disk): DiskSummary {
  return {
    DiskId: disk.DiskId,
    DiskName: disk.DiskName,
    Description: disk.Description,
    RegionId: disk.RegionId,
    ZoneId: disk.ZoneId,
    Type: disk.Type,
    Category: disk.Category,
    PerformanceLevel: disk.PerformanceLevel,
    Size: disk.Size,
    Status: disk.Status,
    InstanceId: disk.InstanceId,
    Device: disk.Device,
    ImageId: disk.ImageId,
    SourceSnapshotId: disk.SourceSnapshotId,
    Portable: disk.Portable,
    DeleteWithInstance: disk.DeleteWithInstance,
    DeleteAutoSnapshot: disk.DeleteAutoSnapshot,
    EnableAutoSnapshot: disk.EnableAutoSnapshot,
    Encrypted: disk.Encrypted,
    KMSKeyId: disk.KMSKeyId,
    DiskChargeType: disk.DiskChargeType,
    CreationTime: disk.CreationTime,
    AttachedTime: disk.AttachedTime,
    DetachedTime: disk.DetachedTime,
    ExpiredTime: disk.ExpiredTime,
    OperationLocks: disk.OperationLocks,
    Tags: disk.Tags,
    IOPS: disk.IOPS,
    Throughput: disk.Throughput,
    MultiAttach: disk.MultiAttach,
  } satisfies Record<(typeof DISK_SUMMARY_FIELDS)[number], unknown>;
}

/** The snapshot fields the lists show (SNAPSHOT_SUMMARY_FIELDS, in its order), written out as `summarise` is. */
export function summariseSnapshot(snapshot: Snapshot): SnapshotSummary {
  return {
    SnapshotId: snapshot.SnapshotId,
    SnapshotName: snapshot.SnapshotName,
    Description: snapshot.Description,
    Status: snapshot.Status,
    Progress: snapshot.Progress,
    RemainTime: snapshot.RemainTime,
    CreationTime: snapshot.CreationTime,
    LastModifiedTime: snapshot.LastModifiedTime,
    SourceDiskId: snapshot.SourceDiskId,
    SourceDiskSize: snapshot.SourceDiskSize,
    SourceDiskType: snapshot.SourceDiskType,
    SnapshotType: snapshot.SnapshotType,
    Usage: snapshot.Usage,
    RetentionDays: snapshot.RetentionDays,
    Encrypted: snapshot.Encrypted,
    Category: snapshot.Category,
    Available: snapshot.Available,
    RegionId: snapshot.RegionId,
    Tags: snapshot.Tags,
  } satisfies Record<(typeof SNAPSHOT_SUMMARY_FIELDS)[number], unknown>;
}

/**
 * The group fields the lists show (SECURITY_GROUP_SUMMARY_FIELDS, in its order), then its
 * intra-group policy and every rule (DescribeSecurityGroupAttribute's, as ECS reports them).
 */
export function summariseSecurityGroup(
  group: SecurityGroup,
  innerAccessPolicy: SecurityGroupSummary['InnerAccessPolicy'],
  permissions: readonly Permission[],
): SecurityGroupSummary {
  const fields = {
    SecurityGroupId: group.SecurityGroupId,
    SecurityGroupName: group.SecurityGroupName,
    Description: group.Description,
    SecurityGroupType: group.SecurityGroupType,
    VpcId: group.VpcId,
    CreationTime: group.CreationTime,
    ResourceGroupId: group.ResourceGroupId,
    EcsCount: group.EcsCount,
    AvailableInstanceAmount: group.AvailableInstanceAmount,
    RuleCount: group.RuleCount,
    GroupToGroupRuleCount: group.GroupToGroupRuleCount,
    ServiceManaged: group.ServiceManaged,
    Tags: group.Tags,
  } satisfies Record<(typeof SECURITY_GROUP_SUMMARY_FIELDS)[number], unknown>;
  return { ...fields, InnerAccessPolicy: innerAccessPolicy, Permissions: permissions };
}
