import type { InstanceSummary } from '@ecs-console/contract';
import type { Tag } from '@ecs-console/ecs-client';

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
