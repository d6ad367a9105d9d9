import { createInstance } from '../../store/factories.js';
import type { InstanceRecord, SnapshotRecord, TagMap } from '../../store/types.js';
import { REGION_CATALOG } from '../catalog.js';
import type { Random } from '../random.js';
import type { Build, InstanceSpec, VpcNetwork } from './build.js';
import { between, withinPastYear } from './helpers.js';
import {
  APP_WEIGHTS,
  type App,
  COST_CENTERS,
  DAY,
  ENV_WEIGHTS,
  HOME_REGION,
  HOUR,
  LINUX_IMAGES,
  REGION_WEIGHTS,
  ROLES,
  type Role,
  START_MS,
  STOP_CHANCE,
  STOP_MS,
  WINDOWS_IMAGES,
} from './scenario.js';
import { addDataDisks, addRestoredDisks, addSnapshots, addSpareDisks } from './storage.js';
import { addStorageLandmarks } from './storage-variety.js';
import { addSecurityGroupLandmarks } from './security-group-variety.js';

// ---------------------------------------------------------------------------------------------
// Instances

/** The default estate: landmarks that tests and demos rely on, then random instances around them. */
export function buildDefaultEstate(build: Build): void {
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
  addStorageLandmarks(build);
  addSecurityGroupLandmarks(build);
}

/** Days left on a landmark's subscription. */
const SUBSCRIPTION_DAYS_LEFT = 90;

/**
 * Instances every default estate has, whatever the seed: a bastion and a domain controller (on a
 * subscription), a protected database, a stopped instance of each StoppedMode (one locked for
 * non-payment), one instance stopping and one starting, and a web server in every other region.
 */
function landmarkSpecs(rng: Random): InstanceSpec[] {
  const home = (app: App, fixed: Partial<InstanceSpec>): InstanceSpec => ({
    ...randomSpec(rng, HOME_REGION, app),
    ...fixed,
  });
  const specs = [
    home('bastion', { status: 'Running', publicAddress: 'eip' }),
    home('ad', { status: 'Running', systemSnapshot: true, subscription: true }),
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
export function buildFleet(build: Build, regionId: string, size: number): void {
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
  const drawnPrepaid = spec.env === 'prod' && rng.chance(0.2);
  const prepaid = drawnPrepaid || spec.subscription === true;
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
    // A subscription by spec takes no draw, so the rest of the estate is the same as without it.
    expiredAt: prepaid
      ? Math.floor(now / DAY) * DAY + (drawnPrepaid ? rng.int(3, 330) : SUBSCRIPTION_DAYS_LEFT) * DAY + 16 * HOUR
      : undefined,
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
export const SYSTEM_DISK_CATEGORIES: readonly (readonly [string, number])[] = [
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
