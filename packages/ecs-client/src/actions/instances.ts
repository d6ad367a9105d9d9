// Long by nature: ECS's Instance record and the request/response shapes of the instance actions
// are declarations, one per field as ECS documents it; splitting them would scatter one API.
import {
  defineAction,
  type EcsResponse,
  type FilterInput,
  type NextTokenRequest,
  type PageNumberRequest,
  type PagedResponse,
  type Tag,
  type TagInput,
} from './define.js';

export type InstanceStatus = 'Pending' | 'Starting' | 'Running' | 'Stopping' | 'Stopped';

// DescribeInstances -------------------------------------------------------------------------------

export interface DescribeInstancesRequest extends PageNumberRequest, NextTokenRequest {
  RegionId: string;
  /** Up to 100 IDs; sent as one JSON-array string. */
  InstanceIds?: string[];
  ZoneId?: string;
  VpcId?: string;
  VSwitchId?: string;
  SecurityGroupId?: string;
  ImageId?: string;
  InstanceType?: string;
  InstanceTypeFamily?: string;
  KeyPairName?: string;
  ResourceGroupId?: string;
  HpcClusterId?: string;
  /** `*` matches any characters (fuzzy match). */
  InstanceName?: string;
  Status?: InstanceStatus;
  InstanceNetworkType?: 'vpc' | 'classic';
  InstanceChargeType?: 'PostPaid' | 'PrePaid';
  InternetChargeType?: 'PayByBandwidth' | 'PayByTraffic';
  LockReason?: 'financial' | 'security' | 'Recycling' | 'dedicatedhostfinancial' | 'refunded';
  IoOptimized?: boolean;
  /** Classic network; up to 100, sent as one JSON-array string. */
  InnerIpAddresses?: string[];
  /** VPC; up to 100, sent as one JSON-array string. */
  PrivateIpAddresses?: string[];
  /** Up to 100, sent as one JSON-array string. */
  PublicIpAddresses?: string[];
  /** Up to 100, sent as one JSON-array string. */
  EipAddresses?: string[];
  RdmaIpAddresses?: string;
  Ipv6Address?: string[];
  /** Up to 20 tags. */
  Tag?: TagInput[];
  /** Keys CreationStartTime, CreationEndTime, ExpiredStartTime, ExpiredEndTime; values `YYYY-MM-DDThh:mmZ`. */
  Filter?: FilterInput[];
  /** Extra attributes to return, e.g. `META_OPTIONS`. */
  AdditionalAttributes?: string[];
  HttpEndpoint?: 'enabled' | 'disabled';
  HttpTokens?: 'optional' | 'required';
  HttpPutResponseHopLimit?: number;
  NeedSaleCycle?: boolean;
  DeviceAvailable?: boolean;
  DryRun?: boolean;
}

export interface IpAddressSet {
  readonly IpAddress: readonly string[];
}

export interface InstanceVpcAttributes {
  readonly VpcId: string;
  readonly VSwitchId: string;
  readonly NatIpAddress: string;
  readonly PrivateIpAddress: IpAddressSet;
}

/** Empty (`{}`) when the instance has no EIP. */
export interface InstanceEipAddress {
  readonly AllocationId?: string;
  readonly IpAddress?: string;
  /** Mbit/s. */
  readonly Bandwidth?: number;
  readonly InternetChargeType?: string;
  readonly IsSupportUnassociate?: boolean;
}

export interface InstanceOperationLock {
  /** financial, security, recycling, dedicatedhostfinancial, refunded. */
  readonly LockReason: string;
  readonly LockMsg?: string;
}

export interface InstanceNetworkInterface {
  readonly NetworkInterfaceId: string;
  readonly MacAddress: string;
  readonly PrimaryIpAddress: string;
  readonly Type?: 'Primary' | 'Secondary';
  readonly PrivateIpSets?: {
    readonly PrivateIpSet: readonly {
      readonly PrivateIpAddress: string;
      readonly Primary: boolean;
      readonly PrivateDnsName?: string;
    }[];
  };
  readonly Ipv6Sets?: { readonly Ipv6Set: readonly { readonly Ipv6Address: string; readonly Primary?: boolean }[] };
  readonly Ipv4PrefixSets?: { readonly Ipv4PrefixSet: readonly { readonly Ipv4Prefix: string }[] };
  readonly Ipv6PrefixSets?: { readonly Ipv6PrefixSet: readonly { readonly Ipv6Prefix: string }[] };
}

export interface Instance {
  readonly InstanceId: string;
  readonly InstanceName: string;
  readonly Description: string;
  readonly HostName: string;
  readonly ImageId: string;
  readonly InstanceType: string;
  readonly InstanceTypeFamily: string;
  /** vCPUs. */
  readonly Cpu: number;
  /** MiB. */
  readonly Memory: number;
  readonly GPUAmount: number;
  readonly GPUSpec: string;
  readonly OSName: string;
  readonly OSNameEn: string;
  readonly OSType: 'linux' | 'windows';
  readonly Status: InstanceStatus;
  readonly RegionId: string;
  readonly ZoneId: string;
  /** UTC, minute precision (`YYYY-MM-DDThh:mmZ`). */
  readonly CreationTime: string;
  readonly StartTime: string;
  /** UTC, minute precision; meaningful for subscription instances. */
  readonly ExpiredTime: string;
  readonly AutoReleaseTime?: string;
  readonly InstanceChargeType: 'PrePaid' | 'PostPaid';
  readonly InternetChargeType: 'PayByBandwidth' | 'PayByTraffic';
  /** Mbit/s; -1 means unlimited. */
  readonly InternetMaxBandwidthIn: number;
  /** Mbit/s. */
  readonly InternetMaxBandwidthOut: number;
  readonly InstanceNetworkType: 'classic' | 'vpc';
  readonly IoOptimized: boolean;
  readonly KeyPairName: string;
  readonly SerialNumber: string;
  readonly StoppedMode: 'KeepCharging' | 'StopCharging' | 'Not-applicable';
  readonly SpotStrategy: 'NoSpot' | 'SpotWithPriceLimit' | 'SpotAsPriceGo';
  /** Maximum hourly price. */
  readonly SpotPriceLimit?: number;
  /** Spot protection period, hours. */
  readonly SpotDuration?: number;
  readonly SpotInterruptionBehavior?: string;
  /** week, month or year (only with NeedSaleCycle). */
  readonly SaleCycle?: string;
  readonly DeletionProtection: boolean;
  readonly Recyclable?: boolean;
  readonly DeviceAvailable?: boolean;
  readonly ResourceGroupId: string;
  /** Standard or Unlimited for burstable (t5/t6) instances; empty otherwise. */
  readonly CreditSpecification: string;
  readonly DeploymentSetId?: string;
  readonly DeploymentSetGroupNo?: number;
  readonly LocalStorageAmount?: number;
  /** GiB. */
  readonly LocalStorageCapacity?: number;
  readonly VlanId?: string;
  readonly ClusterId?: string;
  readonly HpcClusterId?: string;
  readonly ISP?: string;
  readonly EnableNVS?: boolean;
  readonly PublicIpAddress: IpAddressSet;
  readonly InnerIpAddress: IpAddressSet;
  readonly RdmaIpAddress?: IpAddressSet;
  readonly VpcAttributes: InstanceVpcAttributes;
  readonly EipAddress: InstanceEipAddress;
  readonly SecurityGroupIds: { readonly SecurityGroupId: readonly string[] };
  readonly OperationLocks: { readonly LockReason: readonly InstanceOperationLock[] };
  readonly Tags?: { readonly Tag: readonly Tag[] };
  readonly NetworkInterfaces: { readonly NetworkInterface: readonly InstanceNetworkInterface[] };
  readonly DedicatedHostAttribute?: {
    readonly DedicatedHostId: string;
    readonly DedicatedHostName: string;
    readonly DedicatedHostClusterId?: string;
  };
  readonly DedicatedInstanceAttribute?: { readonly Affinity: string; readonly Tenancy: string };
  readonly EcsCapacityReservationAttr?: {
    readonly CapacityReservationId: string;
    readonly CapacityReservationPreference: string;
  };
  readonly MetadataOptions?: {
    readonly HttpEndpoint: string;
    readonly HttpTokens: string;
    readonly HttpPutResponseHopLimit?: number;
    readonly InstanceMetadataTags?: string;
  };
  readonly CpuOptions?: {
    readonly CoreCount: number;
    readonly ThreadsPerCore: number;
    readonly Numa?: string;
    readonly TopologyType?: string;
    readonly TurboMode?: string;
    readonly NestedVirtualization?: string;
    readonly EnableVISST?: boolean;
    readonly EnableVRDT?: boolean;
  };
  readonly HibernationOptions?: { readonly Configured: boolean };
  readonly ImageOptions?: { readonly LoginAsNonRoot?: boolean; readonly CurrentOSNVMeSupported?: boolean };
  readonly SecurityOptions?: { readonly EnableSecureBoot?: boolean };
  readonly PrivateDnsNameOptions?: {
    readonly HostnameType?: string;
    readonly EnableInstanceIdDnsARecord?: boolean;
    readonly EnableInstanceIdDnsAAAARecord?: boolean;
    readonly EnableIpDnsARecord?: boolean;
    readonly EnableIpDnsPtrRecord?: boolean;
  };
  readonly ClockOptions?: { readonly PtpStatus?: string };
  readonly AdditionalInfo?: {
    readonly EnableHighDensityMode?: boolean;
    readonly ManagedHostId?: string;
    readonly NodeSerialNumber?: string;
  };
}

export interface DescribeInstancesResponse extends PagedResponse {
  readonly Instances: { readonly Instance: readonly Instance[] };
}

// DescribeInstanceStatus --------------------------------------------------------------------------

export interface DescribeInstanceStatusRequest extends PageNumberRequest {
  RegionId: string;
  ZoneId?: string;
  /** 1–100 IDs. */
  InstanceId?: string[];
  /** Deprecated. */
  ClusterId?: string;
}

export interface InstanceStatusItem {
  readonly InstanceId: string;
  readonly Status: InstanceStatus;
}

export interface DescribeInstanceStatusResponse extends PagedResponse {
  readonly InstanceStatuses: { readonly InstanceStatus: readonly InstanceStatusItem[] };
}

// StartInstance -----------------------------------------------------------------------------------

export interface StartInstanceRequest {
  InstanceId: string;
  /** Restore a local-disk instance (d1/i1/i2 families) after a failure; wipes local-disk data. Default false. */
  InitLocalDisk?: boolean;
  DryRun?: boolean;
}

// StopInstance ------------------------------------------------------------------------------------

export interface StopInstanceRequest {
  InstanceId: string;
  /** Hard power-off instead of an OS shutdown. Default false. */
  ForceStop?: boolean;
  /** StopCharging only applies to pay-as-you-go VPC instances; the default follows the account's economical-mode setting. */
  StoppedMode?: 'StopCharging' | 'KeepCharging';
  /** Legacy; was required (true) for the i1 local-storage family. */
  ConfirmStop?: boolean;
  /** Preview feature. */
  Hibernate?: boolean;
  DryRun?: boolean;
}

// RebootInstance ----------------------------------------------------------------------------------

export interface RebootInstanceRequest {
  InstanceId: string;
  /** Hard reset instead of an OS reboot. Default false. */
  ForceStop?: boolean;
  DryRun?: boolean;
}

// DeleteInstance ----------------------------------------------------------------------------------

export interface DeleteInstanceRequest {
  InstanceId: string;
  /** Release a Running instance. Default false (the instance must be Stopped). */
  Force?: boolean;
  /** Only with Force=true. Default true (hard stop); false shuts the OS down first. */
  ForceStop?: boolean;
  /** Release an expired subscription instance. Default false. */
  TerminateSubscription?: boolean;
  DryRun?: boolean;
}

// ModifyInstanceAttribute -------------------------------------------------------------------------

export interface ModifyInstanceAttributeRequest {
  InstanceId: string;
  /** 2–128 chars, starts with a letter; no http:// or https:// prefix. */
  InstanceName?: string;
  /** 2–256 chars. */
  Description?: string;
  /** Windows 2–15 chars, others 2–64; takes effect after a restart. */
  HostName?: string;
  /** 8–30 chars with 3 of: upper, lower, digit, special; takes effect after a restart. */
  Password?: string;
  /** Base64; at most 32 KB before encoding. */
  UserData?: string;
  DeletionProtection?: boolean;
  /** Burstable (t5/t6) instances only. */
  CreditSpecification?: 'Standard' | 'Unlimited';
  /** Replaces the instance's full set of security groups. */
  SecurityGroupIds?: string[];
  Recyclable?: boolean;
  /** Primary NIC queues; -1 resets to the instance type's default. The instance must be Stopped. */
  NetworkInterfaceQueueNumber?: number;
  /** MTU 8500 when true, 1500 when false. */
  EnableJumboFrame?: boolean;
  CpuOptions?: {
    Core?: number;
    ThreadsPerCore?: number;
    TopologyType?: 'ContinuousCoreToHTMapping' | 'DiscreteCoreToHTMapping';
  };
  PrivateDnsNameOptions?: {
    HostnameType?: 'Custom' | 'IpBased' | 'InstanceIdBased';
    EnableInstanceIdDnsARecord?: boolean;
    EnableInstanceIdDnsAAAARecord?: boolean;
    EnableIpDnsARecord?: boolean;
    EnableIpDnsPtrRecord?: boolean;
  };
}

// DescribeInstanceVncUrl --------------------------------------------------------------------------

export interface DescribeInstanceVncUrlRequest {
  RegionId: string;
  InstanceId: string;
}

export interface DescribeInstanceVncUrlResponse extends EcsResponse {
  /** URL-encoded `ws://` address, valid for 15 seconds after it is issued. */
  readonly VncUrl: string;
}

// ModifyInstanceVncPasswd -------------------------------------------------------------------------

export interface ModifyInstanceVncPasswdRequest {
  RegionId: string;
  InstanceId: string;
  /** Exactly 6 letters or digits. */
  VncPassword: string;
}

// GetInstanceScreenshot ---------------------------------------------------------------------------

export interface GetInstanceScreenshotRequest {
  RegionId: string;
  InstanceId: string;
  /** Wake up a hibernating instance first. Default false. */
  WakeUp?: boolean;
}

export interface GetInstanceScreenshotResponse extends EcsResponse {
  readonly InstanceId: string;
  /** Base64-encoded image (documented as JPG; examples are PNG bytes). */
  readonly Screenshot: string;
}

// GetInstanceConsoleOutput ------------------------------------------------------------------------

export interface GetInstanceConsoleOutputRequest {
  RegionId: string;
  InstanceId: string;
  /** Remove formatting symbols from the text. Default false. */
  RemoveSymbols?: boolean;
}

export interface GetInstanceConsoleOutputResponse extends EcsResponse {
  readonly InstanceId: string;
  /** Base64-encoded serial console text of the last start, restart or stop. */
  readonly ConsoleOutput: string;
  /** `yyyy-MM-dd HH:mm:ss` in UTC+8 (SDK); older docs say ISO 8601. */
  readonly LastUpdateTime: string;
}

export const instanceActions = {
  DescribeInstances: defineAction<DescribeInstancesRequest, DescribeInstancesResponse>()({
    kind: 'read',
    jsonArrayParams: ['InstanceIds', 'PrivateIpAddresses', 'PublicIpAddresses', 'EipAddresses', 'InnerIpAddresses'],
    pagination: { items: (r) => r.Instances.Instance, maxPageSize: 100, pageNumber: true, nextToken: true },
  }),
  DescribeInstanceStatus: defineAction<DescribeInstanceStatusRequest, DescribeInstanceStatusResponse>()({
    kind: 'read',
    pagination: {
      items: (r) => r.InstanceStatuses.InstanceStatus,
      maxPageSize: 50,
      pageNumber: true,
      nextToken: false,
    },
  }),
  StartInstance: defineAction<StartInstanceRequest, EcsResponse>()({ kind: 'write' }),
  StopInstance: defineAction<StopInstanceRequest, EcsResponse>()({ kind: 'write' }),
  RebootInstance: defineAction<RebootInstanceRequest, EcsResponse>()({ kind: 'write' }),
  DeleteInstance: defineAction<DeleteInstanceRequest, EcsResponse>()({ kind: 'write' }),
  ModifyInstanceAttribute: defineAction<ModifyInstanceAttributeRequest, EcsResponse>()({ kind: 'write' }),
  DescribeInstanceVncUrl: defineAction<DescribeInstanceVncUrlRequest, DescribeInstanceVncUrlResponse>()({
    kind: 'read',
  }),
  ModifyInstanceVncPasswd: defineAction<ModifyInstanceVncPasswdRequest, EcsResponse>()({ kind: 'write' }),
  GetInstanceScreenshot: defineAction<GetInstanceScreenshotRequest, GetInstanceScreenshotResponse>()({
    kind: 'read',
  }),
  GetInstanceConsoleOutput: defineAction<GetInstanceConsoleOutputRequest, GetInstanceConsoleOutputResponse>()({
    kind: 'read',
  }),
};
