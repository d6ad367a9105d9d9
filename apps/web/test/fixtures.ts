import type { DiskSummary, InstanceSummary, SecurityGroupSummary, SnapshotSummary } from '@ecs-console/contract';
import type { Permission, Tag } from '@ecs-console/ecs-client';

/** A realistic running Linux VPC instance; tests override what they are about. */
export function makeInstance(
  overrides: Partial<InstanceSummary> & { tags?: Record<string, string> } = {},
): InstanceSummary {
  const { tags, ...fields } = overrides;
  const tagList: Tag[] = Object.entries(tags ?? {}).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
  return {
    InstanceId: 'i-bp1abcdefghijk0001',
    InstanceName: 'web-1',
    Description: '',
    HostName: 'web-1',
    ImageId: 'ubuntu_22_04_x64_20G_alibase_20240101.vhd',
    InstanceType: 'ecs.g7.large',
    InstanceTypeFamily: 'ecs.g7',
    Cpu: 2,
    Memory: 8192,
    OSName: 'Ubuntu  22.04 64位',
    OSNameEn: 'Ubuntu  22.04 64 bit',
    OSType: 'linux',
    Status: 'Running',
    RegionId: 'cn-hangzhou',
    ZoneId: 'cn-hangzhou-h',
    CreationTime: '2024-05-01T08:30Z',
    StartTime: '2024-05-01T08:31Z',
    ExpiredTime: '2099-12-31T15:59Z',
    InstanceChargeType: 'PostPaid',
    InternetChargeType: 'PayByTraffic',
    InternetMaxBandwidthOut: 5,
    InstanceNetworkType: 'vpc',
    KeyPairName: '',
    StoppedMode: 'Not-applicable',
    DeletionProtection: false,
    PublicIpAddress: { IpAddress: [] },
    VpcAttributes: {
      VpcId: 'vpc-bp1vpc0001',
      VSwitchId: 'vsw-bp1vsw0001',
      NatIpAddress: '',
      PrivateIpAddress: { IpAddress: ['172.16.0.10'] },
    },
    EipAddress: {},
    SecurityGroupIds: { SecurityGroupId: ['sg-bp1sg0001'] },
    OperationLocks: { LockReason: [] },
    Tags: { Tag: tagList },
    ...fields,
  };
}

/** A realistic attached ESSD PL1 data disk; tests override what they are about. */
export function makeDisk(overrides: Partial<DiskSummary> & { tags?: Record<string, string> } = {}): DiskSummary {
  const { tags, ...fields } = overrides;
  const tagList: Tag[] = Object.entries(tags ?? {}).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
  return {
    DiskId: 'd-bp1abcdefghijk0001',
    DiskName: 'data-1',
    Description: '',
    RegionId: 'cn-hangzhou',
    ZoneId: 'cn-hangzhou-h',
    Type: 'data',
    Category: 'cloud_essd',
    PerformanceLevel: 'PL1',
    Size: 100,
    Status: 'In_use',
    InstanceId: 'i-bp1abcdefghijk0001',
    Device: '/dev/xvdb',
    ImageId: '',
    SourceSnapshotId: '',
    Portable: true,
    DeleteWithInstance: false,
    DeleteAutoSnapshot: true,
    EnableAutoSnapshot: false,
    Encrypted: false,
    KMSKeyId: '',
    DiskChargeType: 'PostPaid',
    CreationTime: '2024-05-01T08:30Z',
    AttachedTime: '2024-05-01T08:31Z',
    DetachedTime: '',
    ExpiredTime: '2099-12-31T15:59Z',
    OperationLocks: { OperationLock: [] },
    Tags: { Tag: tagList },
    IOPS: 6800,
    Throughput: 140,
    MultiAttach: 'Disabled',
    ...fields,
  };
}

/** A realistic finished snapshot of a data disk; tests override what they are about. */
export function makeSnapshot(
  overrides: Partial<SnapshotSummary> & { tags?: Record<string, string> } = {},
): SnapshotSummary {
  const { tags, ...fields } = overrides;
  const tagList: Tag[] = Object.entries(tags ?? {}).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
  return {
    SnapshotId: 's-bp1abcdefghijk0001',
    SnapshotName: 'before-upgrade',
    Description: '',
    Status: 'accomplished',
    Progress: '100%',
    RemainTime: 0,
    CreationTime: '2024-05-02T08:30Z',
    LastModifiedTime: '2024-05-02T08:35Z',
    SourceDiskId: 'd-bp1abcdefghijk0001',
    SourceDiskSize: '100',
    SourceDiskType: 'data',
    SnapshotType: 'user',
    Usage: 'none',
    RetentionDays: 30,
    Encrypted: false,
    Category: 'standard',
    Available: true,
    RegionId: 'cn-hangzhou',
    Tags: { Tag: tagList },
    ...fields,
  };
}

/**
 * An inbound rule as DescribeSecurityGroupAttribute reports it: TCP 22 from anywhere, accepted at
 * priority 1; tests override what they are about (an egress rule sets Direction and the Dest* fields).
 */
export function makePermission(overrides: Partial<Permission> = {}): Permission {
  return {
    SecurityGroupRuleId: 'sgr-bp1abcdefghijk0001',
    Direction: 'ingress',
    IpProtocol: 'TCP',
    PortRange: '22/22',
    SourcePortRange: '',
    SourceCidrIp: '0.0.0.0/0',
    SourceGroupId: '',
    SourceGroupName: '',
    SourceGroupOwnerAccount: '',
    DestCidrIp: '',
    DestGroupId: '',
    DestGroupName: '',
    DestGroupOwnerAccount: '',
    Policy: 'Accept',
    Priority: '1',
    NicType: 'intranet',
    Description: '',
    CreateTime: '2024-05-01T08:30Z',
    ...overrides,
  };
}

/** An outbound rule to anywhere (the destination fields set, the source ones empty); tests override the rest. */
export function makeEgressPermission(overrides: Partial<Permission> = {}): Permission {
  return makePermission({ Direction: 'egress', SourceCidrIp: '', DestCidrIp: '0.0.0.0/0', ...overrides });
}

/** A basic VPC security group without rules whose members reach each other; tests override what they are about. */
export function makeSecurityGroup(
  overrides: Partial<SecurityGroupSummary> & { tags?: Record<string, string> } = {},
): SecurityGroupSummary {
  const { tags, ...fields } = overrides;
  const tagList: Tag[] = Object.entries(tags ?? {}).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
  const permissions = fields.Permissions ?? [];
  return {
    SecurityGroupId: 'sg-bp1sg0001',
    SecurityGroupName: 'web',
    Description: '',
    SecurityGroupType: 'normal',
    VpcId: 'vpc-bp1vpc0001',
    CreationTime: '2024-05-01T08:30Z',
    ResourceGroupId: '',
    EcsCount: 0,
    AvailableInstanceAmount: 2000,
    RuleCount: permissions.length,
    GroupToGroupRuleCount: permissions.filter((rule) => rule.SourceGroupId || rule.DestGroupId).length,
    ServiceManaged: false,
    Tags: { Tag: tagList },
    InnerAccessPolicy: 'Accept',
    Permissions: permissions,
    ...fields,
  };
}
