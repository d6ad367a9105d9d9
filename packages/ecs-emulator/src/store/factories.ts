import { IMAGES, INSTANCE_TYPES, imageById } from '../data/catalog.js';
import type { Store } from './store.js';
import type {
  DiskRecord,
  ImageRecord,
  InstanceConsoleState,
  InstanceRecord,
  InstanceStatus,
  RegionState,
  RuleRecord,
  SecurityGroupRecord,
  SnapshotRecord,
  VpcRecord,
} from './types.js';

/**
 * Record constructors with ECS's defaults, shared by the data generator, the providers that create
 * resources, and tests. Each indexes the new resource in the store.
 */

export function createVpc(store: Store, region: RegionState, index = region.vpcs.length): VpcRecord {
  const regionId = region.region.RegionId;
  const vpc: VpcRecord = {
    VpcId: store.newId('vpc', regionId),
    cidr: `172.${16 + index}.0.0/16`,
    vSwitches: region.zones.map((zone, i) => ({
      VSwitchId: store.newId('vsw', regionId),
      ZoneId: zone.ZoneId,
      cidr: `172.${16 + index}.${i * 16}.0/20`,
    })),
  };
  region.vpcs.push(vpc);
  return vpc;
}

export interface InstanceInit extends Partial<Omit<InstanceRecord, 'InstanceId'>> {
  /** System disk size (GiB); default the image's minimum. */
  readonly systemDiskSize?: number;
  readonly systemDiskCategory?: string;
}

/** A new instance (Running unless `Status` says otherwise) with its system disk attached. */
export function createInstance(store: Store, region: RegionState, init: InstanceInit = {}): InstanceRecord {
  const regionId = region.region.RegionId;
  const now = init.createdAt ?? store.clock.now();
  const zone = region.zones.find((z) => z.ZoneId === init.ZoneId) ?? region.zones[0]!;
  const vpc = region.vpcs.find((v) => v.VpcId === init.VpcId) ?? region.vpcs[0] ?? createVpc(store, region);
  const vSwitch = vpc.vSwitches.find((v) => v.ZoneId === zone.ZoneId) ?? vpc.vSwitches[0]!;
  const instanceType = init.InstanceType ?? 'ecs.g7.large';
  const spec = INSTANCE_TYPES[instanceType] ?? {
    family: instanceType.split('.').slice(0, 2).join('.'),
    cpu: 2,
    memory: 8192,
  };
  const image = imageById(init.ImageId ?? '') ?? IMAGES[0]!;
  const id = store.newId('i', regionId);
  const status = init.Status ?? 'Running';
  const hostOctets = region.instances.size + 10;
  const hostName = init.HostName ?? `iZ${id.slice(2)}Z`;
  const instance: InstanceRecord = {
    InstanceId: id,
    InstanceName: init.InstanceName ?? `launch-advisor-${id.slice(-6)}`,
    Description: init.Description ?? '',
    HostName: hostName,
    ImageId: image.ImageId,
    InstanceType: instanceType,
    InstanceTypeFamily: spec.family,
    Cpu: spec.cpu,
    Memory: spec.memory,
    OSName: image.OSName,
    OSNameEn: image.OSNameEn,
    OSType: image.OSType,
    Status: status,
    transition: undefined,
    ZoneId: zone.ZoneId,
    createdAt: now,
    startedAt: init.startedAt ?? (status === 'Running' ? now : undefined),
    InstanceChargeType: init.InstanceChargeType ?? 'PostPaid',
    InternetChargeType: init.InternetChargeType ?? 'PayByTraffic',
    InternetMaxBandwidthOut: init.InternetMaxBandwidthOut ?? 0,
    VpcId: vpc.VpcId,
    VSwitchId: vSwitch.VSwitchId,
    PrivateIpAddress:
      init.PrivateIpAddress ??
      `${vSwitch.cidr.split('.').slice(0, 2).join('.')}.${Math.floor(hostOctets / 250)}.${(hostOctets % 250) + 2}`,
    PublicIpAddress: init.PublicIpAddress,
    EipAddress: init.EipAddress,
    SecurityGroupIds: init.SecurityGroupIds ?? [],
    tags: init.tags ?? {},
    lockReasons: init.lockReasons ?? [],
    StoppedMode: init.StoppedMode ?? (status === 'Stopped' ? 'KeepCharging' : 'Not-applicable'),
    DeletionProtection: init.DeletionProtection ?? false,
    KeyPairName: init.KeyPairName ?? '',
    SerialNumber: init.SerialNumber ?? serialNumber(id),
    vncPassword: init.vncPassword,
    everStarted: init.everStarted ?? true,
    expiredAt:
      init.expiredAt ?? ((init.InstanceChargeType ?? 'PostPaid') === 'PrePaid' ? now + 30 * DAY_MS : undefined),
    CreditSpecification: init.CreditSpecification ?? (BURSTABLE_FAMILIES.includes(spec.family) ? 'Standard' : ''),
    pendingStoppedMode: init.pendingStoppedMode,
    runningPeriods:
      init.runningPeriods ?? (status === 'Running' ? [{ from: init.startedAt ?? now, to: undefined }] : []),
    console: init.console ?? defaultConsole(status, init.startedAt ?? now, now, hostName),
  };
  region.instances.set(id, instance);
  store.index(regionId, id);
  createDisk(store, region, {
    Type: 'system',
    ZoneId: zone.ZoneId,
    Category: init.systemDiskCategory ?? 'cloud_essd',
    Size: init.systemDiskSize ?? image.minDiskSize,
    ImageId: image.ImageId,
    Status: 'In_use',
    InstanceId: id,
    Device: '/dev/xvda',
    Portable: false,
    DeleteWithInstance: true,
    createdAt: now,
    attachedAt: now,
    everAttached: true,
  });
  return instance;
}

/** The next free data-disk device of an instance: /dev/xvdb, /dev/xvdc, ... */
export function nextDevice(region: RegionState, instanceId: string): string {
  const used = new Set([...region.disks.values()].filter((d) => d.InstanceId === instanceId).map((d) => d.Device));
  for (let c = 'b'.charCodeAt(0); c <= 'z'.charCodeAt(0); c++) {
    const device = `/dev/xvd${String.fromCharCode(c)}`;
    if (!used.has(device)) return device;
  }
  throw new Error(`instance ${instanceId} has no free device`);
}

/** A new disk; a data disk is Available and portable unless `init` says otherwise. */
export function createDisk(
  store: Store,
  region: RegionState,
  init: Partial<Omit<DiskRecord, 'DiskId'>> = {},
): DiskRecord {
  const regionId = region.region.RegionId;
  const now = init.createdAt ?? store.clock.now();
  const id = store.newId('d', regionId);
  const attached = Boolean(init.InstanceId);
  const disk: DiskRecord = {
    DiskId: id,
    DiskName: init.DiskName ?? '',
    Description: init.Description ?? '',
    ZoneId: init.ZoneId ?? region.zones[0]!.ZoneId,
    Type: init.Type ?? 'data',
    Category: init.Category ?? 'cloud_essd',
    Size: init.Size ?? 40,
    Status: init.Status ?? (attached ? 'In_use' : 'Available'),
    transition: undefined,
    InstanceId: init.InstanceId ?? '',
    Device: init.Device ?? (attached && init.InstanceId ? nextDevice(region, init.InstanceId) : ''),
    ImageId: init.ImageId ?? '',
    SourceSnapshotId: init.SourceSnapshotId ?? '',
    Portable: init.Portable ?? (init.Type ?? 'data') === 'data',
    DeleteWithInstance: init.DeleteWithInstance ?? false,
    DeleteAutoSnapshot: init.DeleteAutoSnapshot ?? true,
    EnableAutoSnapshot: init.EnableAutoSnapshot ?? false,
    Encrypted: init.Encrypted ?? false,
    PerformanceLevel: init.PerformanceLevel ?? ((init.Category ?? 'cloud_essd') === 'cloud_essd' ? 'PL1' : ''),
    DiskChargeType: init.DiskChargeType ?? 'PostPaid',
    createdAt: now,
    attachedAt: init.attachedAt ?? (attached ? now : undefined),
    detachedAt: init.detachedAt,
    everAttached: init.everAttached ?? attached,
    tags: init.tags ?? {},
    lockReasons: init.lockReasons ?? [],
  };
  region.disks.set(id, disk);
  store.index(regionId, id);
  return disk;
}

/** A snapshot of a disk; accomplished unless `init` makes it progressing. */
export function createSnapshot(
  store: Store,
  region: RegionState,
  disk: DiskRecord,
  init: Partial<Omit<SnapshotRecord, 'SnapshotId' | 'SourceDiskId'>> = {},
): SnapshotRecord {
  const regionId = region.region.RegionId;
  const id = store.newId('s', regionId);
  const snapshot: SnapshotRecord = {
    SnapshotId: id,
    SnapshotName: init.SnapshotName ?? '',
    Description: init.Description ?? '',
    Status: init.Status ?? 'accomplished',
    transition: undefined,
    startedAt: init.startedAt ?? store.clock.now(),
    SourceDiskId: disk.DiskId,
    SourceDiskSize: init.SourceDiskSize ?? disk.Size,
    SourceDiskType: disk.Type,
    SourceDiskCategory: disk.Category,
    SnapshotType: init.SnapshotType ?? 'user',
    RetentionDays: init.RetentionDays,
    Encrypted: disk.Encrypted,
    Category: init.Category ?? 'Standard',
    InstantAccess: init.InstantAccess ?? false,
    tags: init.tags ?? {},
  };
  region.snapshots.set(id, snapshot);
  store.index(regionId, id);
  scheduleRelease(store, regionId, snapshot);
  return snapshot;
}

/** An accomplished snapshot with RetentionDays is released when they are over, counted from its creation. */
export function scheduleRelease(store: Store, regionId: string, snapshot: SnapshotRecord): void {
  if (snapshot.Status !== 'accomplished' || snapshot.RetentionDays === undefined) return;
  store.setTransition('snapshot', regionId, snapshot, {
    to: 'released',
    at: snapshot.startedAt + snapshot.RetentionDays * DAY_MS,
  });
}

/** A custom image made from a snapshot (only what snapshots' Usage and DeleteSnapshot need). */
export function createImage(
  store: Store,
  region: RegionState,
  snapshot: SnapshotRecord,
  init: Partial<Pick<ImageRecord, 'ImageName' | 'createdAt'>> = {},
): ImageRecord {
  const regionId = region.region.RegionId;
  const id = store.newId('m', regionId);
  const image: ImageRecord = {
    ImageId: id,
    ImageName: init.ImageName ?? `image-${id.slice(-6)}`,
    SourceSnapshotId: snapshot.SnapshotId,
    createdAt: init.createdAt ?? store.clock.now(),
  };
  region.images.set(id, image);
  store.index(regionId, id);
  return image;
}

export function createSecurityGroup(
  store: Store,
  region: RegionState,
  init: Partial<Omit<SecurityGroupRecord, 'SecurityGroupId' | 'rules'>> = {},
): SecurityGroupRecord {
  const regionId = region.region.RegionId;
  const id = store.newId('sg', regionId);
  const group: SecurityGroupRecord = {
    SecurityGroupId: id,
    SecurityGroupName: init.SecurityGroupName ?? '',
    Description: init.Description ?? '',
    SecurityGroupType: init.SecurityGroupType ?? 'normal',
    VpcId: init.VpcId ?? region.vpcs[0]?.VpcId ?? createVpc(store, region).VpcId,
    createdAt: init.createdAt ?? store.clock.now(),
    InnerAccessPolicy:
      init.InnerAccessPolicy ?? ((init.SecurityGroupType ?? 'normal') === 'normal' ? 'Accept' : 'Drop'),
    rules: [],
    tags: init.tags ?? {},
  };
  region.securityGroups.set(id, group);
  store.index(regionId, id);
  return group;
}

export type RuleInit = Partial<Omit<RuleRecord, 'SecurityGroupRuleId'>> & Pick<RuleRecord, 'Direction'>;

/** A rule with ECS's defaults: all fields present, empty when unused, Accept, priority 1, intranet. */
export function createRule(store: Store, region: RegionState, group: SecurityGroupRecord, init: RuleInit): RuleRecord {
  const rule: RuleRecord = {
    SecurityGroupRuleId: store.newId('sgr', region.region.RegionId),
    Direction: init.Direction,
    IpProtocol: init.IpProtocol ?? 'ALL',
    PortRange: init.PortRange ?? '-1/-1',
    SourcePortRange: init.SourcePortRange ?? '',
    SourceCidrIp: init.SourceCidrIp ?? '',
    Ipv6SourceCidrIp: init.Ipv6SourceCidrIp ?? '',
    SourceGroupId: init.SourceGroupId ?? '',
    SourceGroupOwnerAccount: init.SourceGroupOwnerAccount ?? '',
    DestCidrIp: init.DestCidrIp ?? '',
    Ipv6DestCidrIp: init.Ipv6DestCidrIp ?? '',
    DestGroupId: init.DestGroupId ?? '',
    DestGroupOwnerAccount: init.DestGroupOwnerAccount ?? '',
    SourcePrefixListId: init.SourcePrefixListId ?? '',
    DestPrefixListId: init.DestPrefixListId ?? '',
    Policy: init.Policy ?? 'Accept',
    Priority: init.Priority ?? '1',
    NicType: init.NicType ?? 'intranet',
    Description: init.Description ?? '',
    createdAt: init.createdAt ?? store.clock.now(),
  };
  group.rules.push(rule);
  return rule;
}

const DAY_MS = 86_400_000;
const BURSTABLE_FAMILIES = ['ecs.t5', 'ecs.t6'];

/** A factory-made instance that has run shows the console of a boot at its start (and a stop, if it is stopped). */
function defaultConsole(status: InstanceStatus, bootedAt: number, now: number, hostName: string): InstanceConsoleState {
  if (status === 'Pending') return { bootedAt: undefined, hostName, stoppedAt: undefined, activeAt: undefined };
  const stopped = status === 'Stopping' || status === 'Stopped';
  return { bootedAt, hostName, stoppedAt: stopped ? now : undefined, activeAt: bootedAt };
}

/** An instance serial number in ECS's UUID shape, derived from the ID. */
function serialNumber(id: string): string {
  const hex = Buffer.from(id).toString('hex').padEnd(32, '0').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
