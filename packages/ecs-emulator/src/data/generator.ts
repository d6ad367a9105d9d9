import {
  createDisk,
  createInstance,
  createRule,
  createSecurityGroup,
  createSnapshot,
  createVpc,
  type RuleInit,
} from '../store/factories.js';
import type { Store } from '../store/store.js';
import type {
  DiskRecord,
  InstanceRecord,
  InstanceStatus,
  RegionState,
  SecurityGroupRecord,
  SnapshotRecord,
  TagMap,
  VpcRecord,
} from '../store/types.js';
import { IMAGES, REGION_CATALOG, type ImageSpec } from './catalog.js';
import { Random } from './random.js';

/**
 * Builds a believable ECS estate from a seed: every catalog region with its VPCs and security
 * groups, then either a few dozen varied instances (with data disks, snapshots and spare disks) or
 * a large fleet in one region for load tests. Every choice comes from one seeded generator and
 * every time is relative to the clock's now, so a seed always yields the same estate.
 */
export interface EstateOptions {
  /** Same seed, same estate. Default 1. */
  readonly seed?: number;
  /** Build exactly this many instances in `fleetRegion` instead of the default estate. */
  readonly instances?: number;
  /** Where the fleet goes. Default cn-hangzhou. */
  readonly fleetRegion?: string;
}

export function generateEstate(store: Store, options: EstateOptions = {}): void {
  const fleetSize = options.instances;
  if (fleetSize !== undefined && !(Number.isInteger(fleetSize) && fleetSize >= 0)) {
    throw new RangeError(`instances must be a whole number of at least 0, got ${fleetSize}`);
  }
  const fleetRegion = options.fleetRegion ?? HOME_REGION;
  if (!REGION_CATALOG.some((entry) => entry.region.RegionId === fleetRegion)) {
    throw new RangeError(`unknown fleet region ${fleetRegion}`);
  }
  const rng = new Random(options.seed ?? 1);
  const now = Math.floor(store.clock.now() / SECOND) * SECOND;
  const build: Build = {
    store,
    rng,
    now,
    networks: buildNetworks(store, rng, now),
    names: new NameBook(fleetSize === undefined ? 2 : Math.max(2, String(fleetSize).length)),
    dataDiskCounts: new Map(),
  };
  if (fleetSize === undefined) buildDefaultEstate(build);
  else buildFleet(build, fleetRegion, fleetSize);
}

const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Emulated durations of the transitions the estate starts with. */
const START_MS = 15 * SECOND;
const STOP_MS = 10 * SECOND;

/** Most of the default estate lives here, as in a typical account. */
const HOME_REGION = 'cn-hangzhou';
const ANYWHERE = '0.0.0.0/0';
const OFFICE_CIDR = '203.0.113.0/24';
const VPN_CIDR = '198.51.100.0/24';
/** Alibaba Cloud's internal service addresses (OSS, yum mirrors, NTP). */
const CLOUD_SERVICES_CIDR = '100.100.0.0/16';
const TEAMS = ['platform', 'payments', 'search', 'data'];
const COST_CENTERS = ['cc-1001', 'cc-2040', 'cc-3310', 'cc-4500'];

/** First two octets of the public addresses handed out in each region. */
const PUBLIC_BLOCKS: Readonly<Record<string, readonly [number, number]>> = {
  'cn-hangzhou': [47, 96],
  'cn-shanghai': [47, 100],
  'ap-southeast-1': [47, 74],
  'eu-central-1': [47, 91],
  'us-west-1': [47, 88],
};
const OTHER_PUBLIC_BLOCK = [8, 208] as const;

const LINUX_IMAGES: readonly (readonly [ImageSpec, number])[] = IMAGES.filter((image) => image.OSType === 'linux').map(
  (image, i) => [image, i === 0 ? 4 : 2] as const,
);
const WINDOWS_IMAGES = IMAGES.filter((image) => image.OSType === 'windows');

type App = 'web' | 'api' | 'db' | 'cache' | 'bastion' | 'ad';
type Env = 'prod' | 'staging' | 'dev';
type GroupRole = 'web' | 'db' | 'windows';

/** What an application's servers look like. */
interface Role {
  readonly description: string;
  readonly instanceTypes: readonly string[];
  readonly teams: readonly string[];
  readonly groups: readonly GroupRole[];
  /** Chance of a further group on top of `groups`. */
  readonly extraGroup?: { readonly role: GroupRole; readonly chance: number };
  /** Chance of a public IP or an EIP. */
  readonly publicChance: number;
  readonly windowsChance: number;
  readonly dataDisks: { readonly min: number; readonly max: number; readonly sizes: readonly number[] };
  /** One environment only (prod), so names carry none: `bastion-01`, `win-ad-01`. */
  readonly prodOnly: boolean;
}

const ROLES: Readonly<Record<App, Role>> = {
  web: {
    description: 'Public web front end',
    instanceTypes: ['ecs.g7.large', 'ecs.c7.large', 'ecs.c7.xlarge', 'ecs.t6-c1m4.large'],
    teams: ['payments', 'search', 'platform'],
    groups: ['web'],
    publicChance: 0.5,
    windowsChance: 0.15,
    dataDisks: { min: 0, max: 1, sizes: [40, 50, 100] },
    prodOnly: false,
  },
  api: {
    description: 'Internal API service',
    instanceTypes: ['ecs.g7.xlarge', 'ecs.c7.xlarge', 'ecs.c7.2xlarge', 'ecs.g8i.xlarge'],
    teams: ['payments', 'search', 'platform'],
    groups: ['web'],
    extraGroup: { role: 'db', chance: 0.3 },
    publicChance: 0.1,
    windowsChance: 0.1,
    dataDisks: { min: 0, max: 1, sizes: [40, 100, 200] },
    prodOnly: false,
  },
  db: {
    description: 'MySQL database server',
    instanceTypes: ['ecs.r7.xlarge', 'ecs.r7.2xlarge', 'ecs.g7.2xlarge', 'ecs.g7.4xlarge'],
    teams: ['data', 'payments'],
    groups: ['db'],
    publicChance: 0,
    windowsChance: 0,
    dataDisks: { min: 1, max: 2, sizes: [200, 500, 1000, 2000] },
    prodOnly: false,
  },
  cache: {
    description: 'Redis cache',
    instanceTypes: ['ecs.r7.large', 'ecs.r7.xlarge'],
    teams: ['data', 'search'],
    groups: ['db'],
    publicChance: 0,
    windowsChance: 0,
    dataDisks: { min: 0, max: 1, sizes: [40, 100] },
    prodOnly: false,
  },
  bastion: {
    description: 'SSH jump host',
    instanceTypes: ['ecs.t6-c1m2.large', 'ecs.c7.large'],
    teams: ['platform'],
    groups: ['web'],
    extraGroup: { role: 'db', chance: 0.5 },
    publicChance: 1,
    windowsChance: 0,
    dataDisks: { min: 0, max: 0, sizes: [] },
    prodOnly: true,
  },
  ad: {
    description: 'Active Directory domain controller',
    instanceTypes: ['ecs.g7.large', 'ecs.g7.xlarge'],
    teams: ['platform'],
    groups: ['windows'],
    publicChance: 0,
    windowsChance: 1,
    dataDisks: { min: 1, max: 1, sizes: [100] },
    prodOnly: true,
  },
};

const APP_WEIGHTS: readonly (readonly [App, number])[] = [
  ['web', 30],
  ['api', 25],
  ['db', 12],
  ['cache', 10],
  ['bastion', 3],
  ['ad', 2],
];
const ENV_WEIGHTS: readonly (readonly [Env, number])[] = [
  ['prod', 5],
  ['staging', 3],
  ['dev', 2],
];
/** Development machines are often left stopped; production ones rarely. */
const STOP_CHANCE: Readonly<Record<Env, number>> = { prod: 0.05, staging: 0.2, dev: 0.45 };
const REGION_WEIGHTS: readonly (readonly [string, number])[] = [
  ['cn-hangzhou', 50],
  ['cn-shanghai', 16],
  ['ap-southeast-1', 14],
  ['eu-central-1', 10],
  ['us-west-1', 10],
];

interface VpcNetwork {
  readonly vpc: VpcRecord;
  readonly groups: Readonly<Record<GroupRole, SecurityGroupRecord>>;
}

interface RegionNetwork {
  readonly region: RegionState;
  /** The first VPC holds production; the last (the same one when there is only one) the rest. */
  readonly vpcs: readonly VpcNetwork[];
  readonly publicAddresses: AddressPool;
}

/** What one generation run shares between its steps. */
interface Build {
  readonly store: Store;
  readonly rng: Random;
  /** Every generated time is relative to this, in whole seconds. */
  readonly now: number;
  readonly networks: ReadonlyMap<string, RegionNetwork>;
  readonly names: NameBook;
  /** Data disks attached so far per instance, to hand out the next device without a scan. */
  readonly dataDiskCounts: Map<string, number>;
}

/** One instance to build; `buildInstance` draws the rest (type, image, zone, times, tags). */
interface InstanceSpec {
  readonly regionId: string;
  readonly app: App;
  readonly env: Env;
  readonly windows: boolean;
  readonly status: Exclude<InstanceStatus, 'Pending'>;
  readonly stoppedMode?: 'KeepCharging' | 'StopCharging';
  readonly publicAddress: 'none' | 'ip' | 'eip';
  readonly deletionProtection?: boolean;
  readonly financialLock?: boolean;
  /** Take a user snapshot of its system disk. */
  readonly systemSnapshot?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Regions, VPCs and security groups

function buildNetworks(store: Store, rng: Random, now: number): Map<string, RegionNetwork> {
  const networks = new Map<string, RegionNetwork>();
  for (const entry of REGION_CATALOG) {
    const regionId = entry.region.RegionId;
    const region = store.addRegion(entry.region, [...entry.zones]);
    const vpcCount = regionId === HOME_REGION || rng.chance(0.5) ? 2 : 1;
    const vpcs: VpcNetwork[] = [];
    for (let i = 0; i < vpcCount; i++) {
      const vpc = createVpc(store, region);
      const createdAt = now - rng.int(370 * 24, 400 * 24) * HOUR;
      vpcs.push({ vpc, groups: buildSecurityGroups(store, region, vpc, createdAt) });
    }
    const block = PUBLIC_BLOCKS[regionId] ?? OTHER_PUBLIC_BLOCK;
    networks.set(regionId, { region, vpcs, publicAddresses: new AddressPool(rng, block) });
  }
  return networks;
}

/** The three groups every VPC gets: web tier, databases (reachable from the web tier) and Windows. */
function buildSecurityGroups(
  store: Store,
  region: RegionState,
  vpc: VpcRecord,
  createdAt: number,
): Record<GroupRole, SecurityGroupRecord> {
  const group = (SecurityGroupName: string, Description: string): SecurityGroupRecord =>
    createSecurityGroup(store, region, {
      SecurityGroupName,
      Description,
      VpcId: vpc.VpcId,
      createdAt,
      tags: { team: 'platform' },
    });
  const rule = (target: SecurityGroupRecord, init: RuleInit): void => {
    createRule(store, region, target, { NicType: 'intranet', createdAt, ...init });
  };

  const web = group('sg-web', 'Web tier: HTTP and HTTPS from anywhere, SSH from the office');
  rule(web, {
    Direction: 'ingress',
    IpProtocol: 'TCP',
    PortRange: '80/80',
    SourceCidrIp: ANYWHERE,
    Description: 'HTTP',
  });
  rule(web, {
    Direction: 'ingress',
    IpProtocol: 'TCP',
    PortRange: '443/443',
    SourceCidrIp: ANYWHERE,
    Description: 'HTTPS',
  });
  rule(web, {
    Direction: 'ingress',
    IpProtocol: 'TCP',
    PortRange: '22/22',
    SourceCidrIp: OFFICE_CIDR,
    Description: 'SSH from the office',
  });
  rule(web, {
    Direction: 'ingress',
    IpProtocol: 'ICMP',
    PortRange: '-1/-1',
    SourceCidrIp: ANYWHERE,
    Description: 'Ping',
  });
  rule(web, {
    Direction: 'ingress',
    IpProtocol: 'TCP',
    PortRange: '22/22',
    SourceCidrIp: ANYWHERE,
    Policy: 'Drop',
    Priority: '100',
    Description: 'No SSH from anywhere else',
  });
  rule(web, {
    Direction: 'egress',
    IpProtocol: 'ALL',
    PortRange: '-1/-1',
    DestCidrIp: ANYWHERE,
    Description: 'All outbound',
  });

  const db = group('sg-db', 'Databases and caches: reachable from the web tier only');
  const fromWeb = { Direction: 'ingress', IpProtocol: 'TCP', SourceGroupId: web.SecurityGroupId } as const;
  rule(db, { ...fromWeb, PortRange: '3306/3306', Description: 'MySQL from the web tier' });
  rule(db, { ...fromWeb, PortRange: '6379/6379', Description: 'Redis from the web tier' });
  rule(db, {
    Direction: 'ingress',
    IpProtocol: 'TCP',
    PortRange: '22/22',
    SourceCidrIp: OFFICE_CIDR,
    Priority: '10',
    Description: 'SSH from the office',
  });
  rule(db, {
    Direction: 'ingress',
    IpProtocol: 'ALL',
    PortRange: '-1/-1',
    SourceCidrIp: ANYWHERE,
    Policy: 'Drop',
    Priority: '100',
    Description: 'Deny everything else',
  });
  rule(db, {
    Direction: 'egress',
    IpProtocol: 'TCP',
    PortRange: '443/443',
    DestCidrIp: CLOUD_SERVICES_CIDR,
    Description: 'HTTPS to Alibaba Cloud services only',
  });
  rule(db, {
    Direction: 'egress',
    IpProtocol: 'ALL',
    PortRange: '-1/-1',
    DestCidrIp: ANYWHERE,
    Policy: 'Drop',
    Priority: '100',
    Description: 'Deny other outbound',
  });

  const windows = group(
    'sg-windows',
    'Windows servers: RDP from the office and VPN, directory services inside the VPC',
  );
  rule(windows, {
    Direction: 'ingress',
    IpProtocol: 'TCP',
    PortRange: '3389/3389',
    SourceCidrIp: OFFICE_CIDR,
    Description: 'RDP from the office',
  });
  rule(windows, {
    Direction: 'ingress',
    IpProtocol: 'TCP',
    PortRange: '3389/3389',
    SourceCidrIp: VPN_CIDR,
    Priority: '5',
    Description: 'RDP from the VPN',
  });
  rule(windows, {
    Direction: 'ingress',
    IpProtocol: 'TCP',
    PortRange: '389/389',
    SourceCidrIp: vpc.cidr,
    Description: 'LDAP',
  });
  rule(windows, {
    Direction: 'ingress',
    IpProtocol: 'UDP',
    PortRange: '53/53',
    SourceCidrIp: vpc.cidr,
    Description: 'DNS',
  });
  rule(windows, {
    Direction: 'egress',
    IpProtocol: 'ALL',
    PortRange: '-1/-1',
    DestCidrIp: ANYWHERE,
    Description: 'All outbound',
  });

  return { web, db, windows };
}

// ---------------------------------------------------------------------------------------------
// Instances

/** The default estate: landmarks that tests and demos rely on, then random instances around them. */
function buildDefaultEstate(build: Build): void {
  const { rng } = build;
  const total = rng.int(36, 48);
  const specs = landmarkSpecs(rng);
  while (specs.length < total) specs.push(randomSpec(rng, rng.weighted(REGION_WEIGHTS)));

  const systemSnapshots = new Set<string>();
  for (const spec of specs) {
    const instance = buildInstance(build, spec);
    addDataDisks(build, instance, ROLES[spec.app]);
    if (spec.systemSnapshot) systemSnapshots.add(instance.InstanceId);
  }
  let homeSnapshots: SnapshotRecord[] = [];
  for (const network of build.networks.values()) {
    const snapshots = addSnapshots(build, network.region, systemSnapshots);
    if (network.region.region.RegionId === HOME_REGION) homeSnapshots = snapshots;
  }
  addRestoredDisks(build, build.networks.get(HOME_REGION)!.region, homeSnapshots);
  addSpareDisks(build);
}

/**
 * Instances every default estate has, whatever the seed: a bastion and a domain controller, a
 * protected database, a stopped instance of each StoppedMode (one locked for non-payment), one
 * instance stopping and one starting, and a web server in every other region.
 */
function landmarkSpecs(rng: Random): InstanceSpec[] {
  const home = (app: App, fixed: Partial<InstanceSpec>): InstanceSpec => ({
    ...randomSpec(rng, HOME_REGION, app),
    ...fixed,
  });
  const specs = [
    home('bastion', { status: 'Running', publicAddress: 'eip' }),
    home('ad', { status: 'Running', systemSnapshot: true }),
    home('db', { env: 'prod', status: 'Running', deletionProtection: true }),
    home('web', { env: 'prod', windows: false, status: 'Running', publicAddress: 'ip', systemSnapshot: true }),
    home('api', { env: 'dev', windows: false, status: 'Stopped', stoppedMode: 'StopCharging', financialLock: true }),
    home('cache', { env: 'dev', status: 'Stopped', stoppedMode: 'KeepCharging' }),
    home('api', { env: 'staging', windows: false, status: 'Stopping' }),
    home('web', { env: 'staging', windows: false, status: 'Starting' }),
  ];
  for (const entry of REGION_CATALOG) {
    const regionId = entry.region.RegionId;
    if (regionId !== HOME_REGION) specs.push({ ...randomSpec(rng, regionId, 'web'), env: 'prod', status: 'Running' });
  }
  return specs;
}

function randomSpec(rng: Random, regionId: string, app = rng.weighted(APP_WEIGHTS)): InstanceSpec {
  const role = ROLES[app];
  const env = role.prodOnly ? 'prod' : rng.weighted(ENV_WEIGHTS);
  const publicAddress = rng.chance(role.publicChance) ? (rng.chance(0.5) ? 'eip' : 'ip') : 'none';
  return {
    regionId,
    app,
    env,
    windows: rng.chance(role.windowsChance),
    status: rng.chance(STOP_CHANCE[env]) ? 'Stopped' : 'Running',
    publicAddress,
  };
}

/** A fleet of exactly `size` instances in one region, each with just its system disk. */
function buildFleet(build: Build, regionId: string, size: number): void {
  for (let i = 0; i < size; i++) buildInstance(build, randomSpec(build.rng, regionId));
}

function buildInstance(build: Build, spec: InstanceSpec): InstanceRecord {
  const { store, rng, now } = build;
  const network = build.networks.get(spec.regionId)!;
  const { region } = network;
  const role = ROLES[spec.app];
  const vpc = spec.env === 'prod' ? network.vpcs[0]! : network.vpcs[network.vpcs.length - 1]!;
  const name = build.names.next(`${spec.windows ? 'win-' : ''}${spec.app}${role.prodOnly ? '' : `-${spec.env}`}`);
  const image = spec.windows ? rng.pick(WINDOWS_IMAGES) : rng.weighted(LINUX_IMAGES);
  const createdAt = withinPastYear(rng, now);
  const prepaid = spec.env === 'prod' && rng.chance(0.2);
  const publicIp = spec.publicAddress === 'ip' ? network.publicAddresses.take() : undefined;
  const tags: TagMap = { env: spec.env, team: rng.pick(role.teams), app: spec.app };
  if (rng.chance(0.3)) tags['cost-center'] = rng.pick(COST_CENTERS);

  const hostName = spec.windows ? name.toUpperCase().slice(0, 15) : name;
  const instance = createInstance(store, region, {
    InstanceName: name,
    HostName: hostName,
    Description: role.description,
    ImageId: image.ImageId,
    InstanceType: rng.pick(role.instanceTypes),
    Status: spec.status,
    ZoneId: rng.pick(region.zones).ZoneId,
    VpcId: vpc.vpc.VpcId,
    createdAt,
    ...runHistory(rng, now, createdAt, spec.status, hostName),
    InstanceChargeType: prepaid ? 'PrePaid' : 'PostPaid',
    // Monthly subscriptions end at midnight China time (16:00 UTC).
    expiredAt: prepaid ? Math.floor(now / DAY) * DAY + rng.int(3, 330) * DAY + 16 * HOUR : undefined,
    InternetChargeType: publicIp && rng.chance(0.3) ? 'PayByBandwidth' : 'PayByTraffic',
    InternetMaxBandwidthOut: publicIp ? rng.pick([5, 10, 20, 100]) : 0,
    PublicIpAddress: publicIp,
    EipAddress: spec.publicAddress === 'eip' ? network.publicAddresses.take() : undefined,
    SecurityGroupIds: groupIds(rng, vpc, role, spec.windows),
    tags,
    lockReasons: spec.financialLock ? ['financial'] : [],
    // Subscription instances cannot stop charging while stopped.
    StoppedMode:
      spec.status === 'Stopped'
        ? prepaid
          ? 'KeepCharging'
          : (spec.stoppedMode ?? rng.pick(STOPPED_MODES))
        : 'Not-applicable',
    DeletionProtection: spec.deletionProtection ?? false,
    KeyPairName: spec.windows ? '' : 'ops-keypair',
    systemDiskSize: spec.windows ? rng.pick([40, 60, 80]) : rng.pick([20, 40, 40, 60, 100]),
    systemDiskCategory: rng.weighted(SYSTEM_DISK_CATEGORIES),
  });
  if (spec.status === 'Starting') {
    store.setTransition('instance', spec.regionId, instance, { to: 'Running', at: now + START_MS });
  } else if (spec.status === 'Stopping') {
    store.setTransition('instance', spec.regionId, instance, { to: 'Stopped', at: now + STOP_MS });
  }
  return instance;
}

/**
 * When the instance last booted and, if it is stopped or stopping, when that run ended: the start
 * time, the running periods monitoring reads and the console state. A starting instance ran before
 * and is booting again now.
 */
function runHistory(
  rng: Random,
  now: number,
  createdAt: number,
  status: InstanceSpec['status'],
  hostName: string,
): Pick<InstanceRecord, 'startedAt' | 'runningPeriods' | 'console'> {
  const startedAt = between(rng, createdAt, now);
  if (status === 'Running') {
    return {
      startedAt,
      runningPeriods: [{ from: startedAt, to: undefined }],
      console: { bootedAt: startedAt, hostName, stoppedAt: undefined, activeAt: startedAt },
    };
  }
  // The last run ended just now for a stopping instance, some time ago for the others.
  const stoppedAt = status === 'Stopping' ? now : between(rng, startedAt, now);
  const runningPeriods = [{ from: startedAt, to: stoppedAt }];
  if (status === 'Starting') {
    return { startedAt, runningPeriods, console: { bootedAt: now, hostName, stoppedAt: undefined, activeAt: now } };
  }
  return { startedAt, runningPeriods, console: { bootedAt: startedAt, hostName, stoppedAt, activeAt: startedAt } };
}

const STOPPED_MODES = ['KeepCharging', 'StopCharging'] as const;
const SYSTEM_DISK_CATEGORIES: readonly (readonly [string, number])[] = [
  ['cloud_essd', 6],
  ['cloud_efficiency', 2],
  ['cloud_auto', 1],
];

/** The role's groups in the instance's VPC, plus sometimes one more: one to three in all. */
function groupIds(rng: Random, vpc: VpcNetwork, role: Role, windows: boolean): string[] {
  const roles = new Set(role.groups);
  if (windows) roles.add('windows');
  if (role.extraGroup && rng.chance(role.extraGroup.chance)) roles.add(role.extraGroup.role);
  return [...roles].map((groupRole) => vpc.groups[groupRole].SecurityGroupId);
}

// ---------------------------------------------------------------------------------------------
// Disks and snapshots (default estate only)

function addDataDisks(build: Build, instance: InstanceRecord, role: Role): void {
  const { rng } = build;
  const count = rng.int(role.dataDisks.min, role.dataDisks.max);
  for (let i = 0; i < count; i++) {
    const isDatabase = instance.tags.app === 'db';
    attachNewDisk(build, instance, {
      DiskName: count === 1 ? `${instance.InstanceName}-data` : `${instance.InstanceName}-data${i + 1}`,
      Description: isDatabase ? 'MySQL data directory' : 'Application data',
      Category: isDatabase ? 'cloud_essd' : rng.weighted(SYSTEM_DISK_CATEGORIES),
      Size: rng.pick(role.dataDisks.sizes),
      DeleteWithInstance: !isDatabase && rng.chance(0.6),
      EnableAutoSnapshot: isDatabase,
      createdAt: instance.createdAt,
    });
  }
}

type DiskInit = Partial<Omit<DiskRecord, 'DiskId'>> & {
  readonly DiskName: string;
  readonly Category: string;
  readonly createdAt: number;
};

/** A data disk attached to `instance` on its next free device (/dev/xvdb, /dev/xvdc, ...). */
function attachNewDisk(build: Build, instance: InstanceRecord, init: DiskInit): DiskRecord {
  const region = build.store.regionOf(instance.InstanceId)!;
  const attached = build.dataDiskCounts.get(instance.InstanceId) ?? 0;
  build.dataDiskCounts.set(instance.InstanceId, attached + 1);
  return createDisk(build.store, region, {
    ...init,
    ZoneId: instance.ZoneId,
    Type: 'data',
    PerformanceLevel: performanceLevel(init.Category, init.Size ?? 40),
    InstanceId: instance.InstanceId,
    Device: `/dev/xvd${String.fromCharCode('b'.charCodeAt(0) + attached)}`,
    attachedAt: init.createdAt,
    tags: { ...instance.tags },
  });
}

/** ESSDs of 500 GiB and more run at PL2, smaller ones at PL1; other categories have no level. */
function performanceLevel(category: string, size: number): string {
  if (category !== 'cloud_essd') return '';
  return size >= 500 ? 'PL2' : 'PL1';
}

/**
 * Snapshots in one region: a user snapshot of each database data disk, a few nightly automatic
 * snapshots of disks with automatic snapshots on, and pre-upgrade snapshots of some system disks.
 * Returns the user snapshots of data disks, to restore disks from.
 */
function addSnapshots(build: Build, region: RegionState, systemSnapshots: ReadonlySet<string>): SnapshotRecord[] {
  const { store, rng, now } = build;
  const dataSnapshots: SnapshotRecord[] = [];
  for (const disk of region.disks.values()) {
    const instance = region.instances.get(disk.InstanceId);
    if (!instance) continue;
    if (disk.Type === 'system') {
      if (!systemSnapshots.has(instance.InstanceId) && !rng.chance(0.1)) continue;
      const startedAt = between(rng, disk.createdAt, now);
      createSnapshot(store, region, disk, {
        SnapshotName: `${instance.InstanceName}-system-${yyyymmdd(startedAt)}`,
        Description: 'Before the OS upgrade',
        startedAt,
      });
      continue;
    }
    if (instance.tags.app === 'db') {
      const startedAt = between(rng, disk.createdAt, now);
      dataSnapshots.push(
        createSnapshot(store, region, disk, {
          SnapshotName: `${disk.DiskName}-${yyyymmdd(startedAt)}`,
          Description: 'Before the schema migration',
          startedAt,
          tags: { ...disk.tags },
        }),
      );
    }
    if (disk.EnableAutoSnapshot) addNightlySnapshots(build, region, disk);
  }
  return dataSnapshots;
}

/** The last few nights' automatic snapshots, named as ECS names them: `auto_20261101_1`. */
function addNightlySnapshots(build: Build, region: RegionState, disk: DiskRecord): void {
  const { store, rng, now } = build;
  for (let nightsAgo = rng.int(2, 3); nightsAgo >= 1; nightsAgo--) {
    const startedAt = Math.floor((now - nightsAgo * DAY) / DAY) * DAY + 2 * HOUR;
    if (startedAt < disk.createdAt) continue;
    createSnapshot(store, region, disk, {
      SnapshotName: `auto_${yyyymmdd(startedAt)}_1`,
      SnapshotType: 'auto',
      RetentionDays: 7,
      startedAt,
    });
  }
}

/**
 * Disks made from database snapshots in the home region: a restored copy left unattached and a
 * copy of production data attached to a non-production instance.
 */
function addRestoredDisks(build: Build, region: RegionState, snapshots: readonly SnapshotRecord[]): void {
  const { store, rng, now } = build;
  const [restoreFrom, copyFrom] = [snapshots[0], snapshots[snapshots.length - 1]];
  if (restoreFrom) {
    const source = region.disks.get(restoreFrom.SourceDiskId)!;
    createDisk(store, region, {
      DiskName: `${source.DiskName}-restore`,
      Description: `Restored from ${restoreFrom.SnapshotName}`,
      ZoneId: source.ZoneId,
      Category: source.Category,
      PerformanceLevel: source.PerformanceLevel,
      Size: restoreFrom.SourceDiskSize,
      SourceSnapshotId: restoreFrom.SnapshotId,
      createdAt: between(rng, restoreFrom.startedAt, now),
      tags: { ...source.tags },
    });
  }
  const target = [...region.instances.values()].find((instance) => instance.tags.env !== 'prod');
  if (copyFrom && target) {
    attachNewDisk(build, target, {
      DiskName: `${target.InstanceName}-prod-copy`,
      Description: `Copy of production data from ${copyFrom.SnapshotName}`,
      Category: 'cloud_essd',
      Size: copyFrom.SourceDiskSize,
      SourceSnapshotId: copyFrom.SnapshotId,
      DeleteWithInstance: true,
      createdAt: between(rng, Math.max(copyFrom.startedAt, target.createdAt), now),
    });
  }
}

/** A few unattached disks: never-used scratch space and disks detached from their instance. */
function addSpareDisks(build: Build): void {
  const { store, rng, now } = build;
  const count = rng.int(3, 5);
  for (let i = 0; i < count; i++) {
    const region = build.networks.get(rng.weighted(REGION_WEIGHTS))!.region;
    const createdAt = withinPastYear(rng, now);
    const wasAttached = i % 2 === 1;
    const env = rng.weighted(ENV_WEIGHTS);
    const category = rng.weighted(SYSTEM_DISK_CATEGORIES);
    const size = rng.pick([20, 40, 100, 500]);
    createDisk(store, region, {
      DiskName: build.names.next(wasAttached ? `detached-${env}` : `scratch-${env}`),
      Description: wasAttached ? 'Detached during a migration' : 'Spare volume',
      ZoneId: rng.pick(region.zones).ZoneId,
      Category: category,
      PerformanceLevel: performanceLevel(category, size),
      Size: size,
      createdAt,
      everAttached: wasAttached,
      attachedAt: wasAttached ? createdAt : undefined,
      detachedAt: wasAttached ? between(rng, createdAt, now) : undefined,
      tags: { env, team: rng.pick(TEAMS) },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** A whole second from two hours to 364 days before `now`. */
function withinPastYear(rng: Random, now: number): number {
  return now - rng.int((2 * HOUR) / SECOND, (364 * DAY) / SECOND) * SECOND;
}

/** A whole second between `from` and `to`. */
function between(rng: Random, from: number, to: number): number {
  return Math.ceil(from / SECOND) * SECOND + rng.int(0, Math.max(0, Math.floor((to - from) / SECOND) - 1)) * SECOND;
}

function yyyymmdd(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
}

/** Numbered names per prefix: `web-prod-01`, `web-prod-02`, ... */
class NameBook {
  readonly #counts = new Map<string, number>();
  readonly #width: number;

  constructor(width: number) {
    this.#width = width;
  }

  next(prefix: string): string {
    const n = (this.#counts.get(prefix) ?? 0) + 1;
    this.#counts.set(prefix, n);
    return `${prefix}-${String(n).padStart(this.#width, '0')}`;
  }
}

/** Unique public addresses of one region's block, handed out in a seeded, increasing order. */
class AddressPool {
  readonly #rng: Random;
  readonly #block: readonly [number, number];
  #next: number;

  constructor(rng: Random, block: readonly [number, number]) {
    this.#rng = rng;
    this.#block = block;
    this.#next = rng.int(0, 40_000);
  }

  take(): string {
    const n = this.#next;
    this.#next += this.#rng.int(1, 16);
    // 254 usable host addresses per /24, 256 /24s per /16.
    const [first, second] = this.#block;
    return `${first}.${second + Math.floor(n / (254 * 256))}.${Math.floor(n / 254) % 256}.${(n % 254) + 1}`;
  }
}
