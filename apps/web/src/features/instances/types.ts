/**
 * The ECS shapes the console reads, copied (in part) from packages/ecs-client/src/actions: the web
 * app does not depend on the Node client. Field names and meanings are ECS's.
 */

export const INSTANCE_STATUSES = ['Pending', 'Starting', 'Running', 'Stopping', 'Stopped'] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

export interface Tag {
  readonly TagKey: string;
  readonly TagValue: string;
}

export interface IpAddressSet {
  readonly IpAddress: readonly string[];
}

/** ECS `Instance` (DescribeInstances), the fields the console shows. */
export interface Instance {
  readonly InstanceId: string;
  readonly InstanceName: string;
  readonly Description: string;
  readonly HostName: string;
  readonly ImageId: string;
  readonly InstanceType: string;
  /** vCPUs. */
  readonly Cpu: number;
  /** MiB. */
  readonly Memory: number;
  readonly OSName: string;
  readonly OSNameEn: string;
  readonly OSType: 'linux' | 'windows';
  readonly Status: InstanceStatus;
  readonly RegionId: string;
  readonly ZoneId: string;
  /** UTC, minute precision (`YYYY-MM-DDThh:mmZ`). */
  readonly CreationTime: string;
  /** UTC, minute precision; meaningful for subscription instances. */
  readonly ExpiredTime: string;
  readonly InstanceChargeType: 'PrePaid' | 'PostPaid';
  readonly InternetChargeType: 'PayByBandwidth' | 'PayByTraffic';
  /** Mbit/s. */
  readonly InternetMaxBandwidthOut: number;
  readonly InstanceNetworkType: 'classic' | 'vpc';
  readonly KeyPairName: string;
  readonly StoppedMode: 'KeepCharging' | 'StopCharging' | 'Not-applicable';
  readonly DeletionProtection: boolean;
  readonly PublicIpAddress: IpAddressSet;
  /** Classic network only; the fleet list leaves it out. */
  readonly InnerIpAddress?: IpAddressSet;
  readonly VpcAttributes: {
    readonly VpcId: string;
    readonly VSwitchId: string;
    readonly PrivateIpAddress: IpAddressSet;
  };
  /** Empty (`{}`) when the instance has no EIP. */
  readonly EipAddress: { readonly AllocationId?: string; readonly IpAddress?: string };
  readonly SecurityGroupIds: { readonly SecurityGroupId: readonly string[] };
  readonly OperationLocks: {
    readonly LockReason: readonly { readonly LockReason: string; readonly LockMsg?: string }[];
  };
  readonly Tags?: { readonly Tag: readonly Tag[] };
}

/** `GET /api/regions/:regionId/instances`: the whole region at once. */
export interface Fleet {
  readonly regionId: string;
  readonly instances: readonly Instance[];
  readonly totalCount: number;
  readonly pages: number;
  readonly fetchedAt: string;
}

export type DiskStatus = 'In_use' | 'Available' | 'Attaching' | 'Detaching' | 'Creating' | 'ReIniting';

/** ECS `Disk` (DescribeDisks), the fields the instance page shows. */
export interface Disk {
  readonly DiskId: string;
  readonly DiskName: string;
  readonly Type: 'system' | 'data';
  /** cloud, cloud_efficiency, cloud_ssd, cloud_essd, cloud_auto, ... */
  readonly Category: string;
  /** GiB. */
  readonly Size: number;
  readonly Status: DiskStatus;
  /** e.g. `/dev/xvdb`; only while In_use. */
  readonly Device: string;
  readonly DeleteWithInstance: boolean;
  readonly Encrypted: boolean;
  /** PL0–PL3 (ESSD only). */
  readonly PerformanceLevel?: string;
}
