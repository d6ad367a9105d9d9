import { isoMinutes } from '../../clock.js';
import type { InstanceRecord, RegionState } from '../../store/types.js';
import { POSTPAID_EXPIRED_TIME } from './limits.js';

/** The instance as DescribeInstances lists it: the full field set, lists wrapped as ECS wraps them. */
export function renderInstance(region: RegionState, instance: InstanceRecord): Record<string, unknown> {
  const cpuThreads = instance.Cpu > 1 ? 2 : 1;
  return {
    InstanceId: instance.InstanceId,
    InstanceName: instance.InstanceName,
    Description: instance.Description,
    HostName: instance.HostName,
    ImageId: instance.ImageId,
    InstanceType: instance.InstanceType,
    InstanceTypeFamily: instance.InstanceTypeFamily,
    Cpu: instance.Cpu,
    Memory: instance.Memory,
    GPUAmount: 0,
    GPUSpec: '',
    OSName: instance.OSName,
    OSNameEn: instance.OSNameEn,
    OSType: instance.OSType,
    Status: instance.Status,
    RegionId: region.region.RegionId,
    ZoneId: instance.ZoneId,
    CreationTime: isoMinutes(instance.createdAt),
    StartTime: instance.startedAt === undefined ? '' : isoMinutes(instance.startedAt),
    ExpiredTime: instance.expiredAt === undefined ? POSTPAID_EXPIRED_TIME : isoMinutes(instance.expiredAt),
    AutoReleaseTime: '',
    InstanceChargeType: instance.InstanceChargeType,
    InternetChargeType: instance.InternetChargeType,
    InternetMaxBandwidthIn: -1,
    InternetMaxBandwidthOut: instance.InternetMaxBandwidthOut,
    InstanceNetworkType: 'vpc',
    IoOptimized: true,
    KeyPairName: instance.KeyPairName,
    SerialNumber: instance.SerialNumber,
    StoppedMode: instance.StoppedMode,
    SpotStrategy: 'NoSpot',
    SpotPriceLimit: 0,
    SpotDuration: 0,
    DeletionProtection: instance.DeletionProtection,
    Recyclable: false,
    DeviceAvailable: true,
    ResourceGroupId: '',
    CreditSpecification: instance.CreditSpecification,
    DeploymentSetId: '',
    LocalStorageAmount: 0,
    LocalStorageCapacity: 0,
    VlanId: '',
    ClusterId: '',
    HpcClusterId: '',
    PublicIpAddress: { IpAddress: instance.PublicIpAddress === undefined ? [] : [instance.PublicIpAddress] },
    InnerIpAddress: { IpAddress: [] },
    RdmaIpAddress: { IpAddress: [] },
    VpcAttributes: {
      VpcId: instance.VpcId,
      VSwitchId: instance.VSwitchId,
      NatIpAddress: '',
      PrivateIpAddress: { IpAddress: [instance.PrivateIpAddress] },
    },
    EipAddress: renderEip(instance),
    SecurityGroupIds: { SecurityGroupId: [...instance.SecurityGroupIds] },
    OperationLocks: { LockReason: instance.lockReasons.map((reason) => ({ LockReason: reason })) },
    Tags: { Tag: Object.entries(instance.tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })) },
    NetworkInterfaces: { NetworkInterface: [renderPrimaryNetworkInterface(instance)] },
    MetadataOptions: { HttpEndpoint: 'enabled', HttpTokens: 'optional', HttpPutResponseHopLimit: 1 },
    CpuOptions: { CoreCount: Math.max(1, instance.Cpu / cpuThreads), ThreadsPerCore: cpuThreads, Numa: '' },
    HibernationOptions: { Configured: false },
    DedicatedHostAttribute: { DedicatedHostId: '', DedicatedHostName: '', DedicatedHostClusterId: '' },
    DedicatedInstanceAttribute: { Affinity: '', Tenancy: '' },
    EcsCapacityReservationAttr: { CapacityReservationId: '', CapacityReservationPreference: '' },
  };
}

/** `{}` when the instance has no EIP, as ECS answers. */
function renderEip(instance: InstanceRecord): Record<string, unknown> {
  if (instance.EipAddress === undefined) return {};
  return {
    AllocationId: `eip-${instance.InstanceId.slice(2)}`,
    IpAddress: instance.EipAddress,
    Bandwidth: Math.max(instance.InternetMaxBandwidthOut, 5),
    InternetChargeType: instance.InternetChargeType,
    IsSupportUnassociate: true,
  };
}

/** Every instance has one primary ENI; its ID and MAC (in Alibaba Cloud's 00:16:3e range) follow from the instance ID. */
function renderPrimaryNetworkInterface(instance: InstanceRecord): Record<string, unknown> {
  return {
    NetworkInterfaceId: `eni-${instance.InstanceId.slice(2)}`,
    MacAddress: macAddressOf(instance.InstanceId),
    PrimaryIpAddress: instance.PrivateIpAddress,
    Type: 'Primary',
    PrivateIpSets: { PrivateIpSet: [{ PrivateIpAddress: instance.PrivateIpAddress, Primary: true }] },
    Ipv6Sets: { Ipv6Set: [] },
  };
}

function macAddressOf(id: string): string {
  let hash = 0x811c9dc5;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  const octets = [hash >>> 16, hash >>> 8, hash].map((byte) => (byte & 0xff).toString(16).padStart(2, '0'));
  return ['00', '16', '3e', ...octets].join(':');
}
