import type { ConsoleSession } from '../console/terminal.js';
import type { CachedInstanceView } from '../providers/instances/view-cache.js';
/**
 * What the emulator remembers, per region. Records hold ECS's own field values (so providers
 * can render responses directly) plus the little internal state the state machines need. They are
 * plain data, so the whole store can be written to a state file and read back.
 */

export type TagMap = Record<string, string>;

/** A status change due at an emulated time; the scheduler applies it when the clock passes `at`. */
export interface Transition<S extends string = string> {
  readonly to: S;
  readonly at: number;
}

export interface RegionRecord {
  readonly RegionId: string;
  readonly LocalName: string;
  readonly RegionEndpoint: string;
  readonly Status: 'available' | 'soldOut';
}

export interface ZoneRecord {
  readonly ZoneId: string;
  readonly LocalName: string;
  readonly instanceTypes: readonly string[];
  readonly diskCategories: readonly string[];
}

export interface VpcRecord {
  readonly VpcId: string;
  readonly cidr: string;
  readonly vSwitches: readonly { readonly VSwitchId: string; readonly ZoneId: string; readonly cidr: string }[];
}

export type InstanceStatus = 'Pending' | 'Starting' | 'Running' | 'Stopping' | 'Stopped';

export interface InstanceRecord {
  readonly InstanceId: string;
  InstanceName: string;
  Description: string;
  HostName: string;
  readonly ImageId: string;
  readonly InstanceType: string;
  readonly InstanceTypeFamily: string;
  readonly Cpu: number;
  /** MiB. */
  readonly Memory: number;
  readonly OSName: string;
  readonly OSNameEn: string;
  readonly OSType: 'linux' | 'windows';
  Status: InstanceStatus;
  transition?: Transition<InstanceStatus> | undefined;
  readonly ZoneId: string;
  /** Emulated ms. */
  readonly createdAt: number;
  startedAt: number | undefined;
  readonly InstanceChargeType: 'PostPaid' | 'PrePaid';
  readonly InternetChargeType: 'PayByTraffic' | 'PayByBandwidth';
  readonly InternetMaxBandwidthOut: number;
  readonly VpcId: string;
  readonly VSwitchId: string;
  readonly PrivateIpAddress: string;
  readonly PublicIpAddress: string | undefined;
  readonly EipAddress: string | undefined;
  SecurityGroupIds: string[];
  tags: TagMap;
  /** `financial`, `security`, ... */
  lockReasons: string[];
  /** KeepCharging / StopCharging when Stopped; Not-applicable otherwise. */
  StoppedMode: 'KeepCharging' | 'StopCharging' | 'Not-applicable';
  DeletionProtection: boolean;
  readonly KeyPairName: string;
  readonly SerialNumber: string;
  /** Six letters or digits, or undefined when none was set. */
  vncPassword: string | undefined;
  /** True once the instance has run: ReInitDisk and snapshots need it. */
  everStarted: boolean;
  /** Subscription (PrePaid) instances expire at this emulated time; undefined for pay-as-you-go. */
  expiredAt: number | undefined;
  /** Burstable (t5/t6) performance mode, Standard or Unlimited; empty for other families. */
  CreditSpecification: string;
  /** The StoppedMode a StopInstance asked for, applied when the instance reaches Stopped. */
  pendingStoppedMode: 'KeepCharging' | 'StopCharging' | undefined;
  /** When the instance was Running (emulated ms, oldest first, `to` unset while it runs): monitoring data needs it. */
  runningPeriods: { from: number; to: number | undefined }[];
  /** What the instance's text console shows; see src/console. */
  console: InstanceConsoleState;
}

/** The times the console text and screen are derived from (emulated ms). */
export interface InstanceConsoleState {
  /** When the current boot began (last start or reboot); undefined before the first start. */
  bootedAt: number | undefined;
  /** The host name the running OS booted with: a new HostName shows after a reboot, as on ECS. */
  hostName: string;
  /** When the stop that followed that boot began; undefined while the OS runs. */
  stoppedAt: number | undefined;
  /** Last boot or wake-up of the display: Windows turns it off after ten idle minutes. */
  activeAt: number | undefined;
}

export type DiskStatus = 'In_use' | 'Available' | 'Attaching' | 'Detaching' | 'Creating' | 'ReIniting';

export interface DiskRecord {
  readonly DiskId: string;
  DiskName: string;
  Description: string;
  readonly ZoneId: string;
  readonly Type: 'system' | 'data';
  readonly Category: string;
  /** GiB. */
  Size: number;
  Status: DiskStatus;
  transition?: Transition<DiskStatus> | undefined;
  /** The instance it is attached (or attaching) to. */
  InstanceId: string;
  /** `/dev/xvda` for system disks, `/dev/xvdb`... for data disks; empty when not attached. */
  Device: string;
  readonly ImageId: string;
  readonly SourceSnapshotId: string;
  Portable: boolean;
  DeleteWithInstance: boolean;
  DeleteAutoSnapshot: boolean;
  EnableAutoSnapshot: boolean;
  readonly Encrypted: boolean;
  readonly PerformanceLevel: string;
  readonly DiskChargeType: 'PostPaid' | 'PrePaid';
  readonly createdAt: number;
  attachedAt: number | undefined;
  detachedAt: number | undefined;
  /** Set once it has been attached to an instance (snapshots need it). */
  everAttached: boolean;
  tags: TagMap;
  lockReasons: string[];
}

export type SnapshotStatus = 'progressing' | 'accomplished' | 'failed';

export interface SnapshotRecord {
  readonly SnapshotId: string;
  SnapshotName: string;
  Description: string;
  Status: SnapshotStatus;
  /** To accomplished while progressing; then, with RetentionDays, `released` when they are over. */
  transition?: Transition<SnapshotStatus | 'released'> | undefined;
  /** Emulated ms when it started; progress runs from here to `transition.at`. */
  readonly startedAt: number;
  readonly SourceDiskId: string;
  /** GiB at the time of the snapshot. */
  readonly SourceDiskSize: number;
  readonly SourceDiskType: 'system' | 'data';
  readonly SourceDiskCategory: string;
  readonly SnapshotType: 'auto' | 'user';
  readonly RetentionDays: number | undefined;
  readonly Encrypted: boolean;
  readonly Category: 'Standard' | 'Flash';
  readonly InstantAccess: boolean;
  tags: TagMap;
}

/**
 * A custom image made from a snapshot. The emulator serves no image actions: images exist so that
 * snapshots show their Usage and DeleteSnapshot refuses a snapshot an image still needs.
 */
export interface ImageRecord {
  readonly ImageId: string;
  readonly ImageName: string;
  readonly SourceSnapshotId: string;
  readonly createdAt: number;
}

export interface RuleRecord {
  readonly SecurityGroupRuleId: string;
  readonly Direction: 'ingress' | 'egress';
  /** Upper case as ECS answers: TCP, UDP, ICMP, GRE, ALL. */
  IpProtocol: string;
  PortRange: string;
  SourcePortRange: string;
  SourceCidrIp: string;
  Ipv6SourceCidrIp: string;
  SourceGroupId: string;
  SourceGroupOwnerAccount: string;
  DestCidrIp: string;
  Ipv6DestCidrIp: string;
  DestGroupId: string;
  DestGroupOwnerAccount: string;
  SourcePrefixListId: string;
  DestPrefixListId: string;
  /** Accept or Drop. */
  Policy: 'Accept' | 'Drop';
  /** 1-100 as a string, as ECS answers it. */
  Priority: string;
  NicType: 'internet' | 'intranet';
  Description: string;
  readonly createdAt: number;
}

export interface SecurityGroupRecord {
  readonly SecurityGroupId: string;
  SecurityGroupName: string;
  Description: string;
  readonly SecurityGroupType: 'normal' | 'enterprise';
  readonly VpcId: string;
  readonly createdAt: number;
  InnerAccessPolicy: 'Accept' | 'Drop';
  rules: RuleRecord[];
  tags: TagMap;
}

/** One region's resources. Maps keep insertion order, which is the order lists are answered in. */
export interface RegionState {
  readonly region: RegionRecord;
  readonly zones: ZoneRecord[];
  readonly vpcs: VpcRecord[];
  readonly instances: Map<string, InstanceRecord>;
  readonly disks: Map<string, DiskRecord>;
  readonly snapshots: Map<string, SnapshotRecord>;
  /** Custom images made from the region's snapshots. */
  readonly images: Map<string, ImageRecord>;
  readonly securityGroups: Map<string, SecurityGroupRecord>;
  // Below: kept while the store lives, never saved in the state file.
  /** What was typed on each instance's console since its boot (by instance ID). */
  readonly consoleSessions: Map<string, { readonly console: InstanceConsoleState; readonly session: ConsoleSession }>;
  /** Wall-clock ms of each instance's last GetInstanceScreenshot (by instance ID). */
  readonly screenshotTakenAt: Map<string, number>;
  /** DescribeInstances' rendered view of each instance (by instance ID), while its record is unchanged. */
  readonly instanceViews: Map<string, CachedInstanceView>;
  /** The security-group IDs in descending order, while the region's groups stay the same. */
  securityGroupOrder:
    { readonly size: number; readonly idCounter: number; readonly ids: readonly string[] } | undefined;
}

export type ResourceKind = 'instance' | 'disk' | 'snapshot' | 'securitygroup';
