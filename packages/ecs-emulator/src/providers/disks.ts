import { isoMinutes, isoSeconds } from '../clock.js';
import { apiError, incorrectStatus, invalidParameter, missingParameter, notFound } from '../protocol/errors.js';
import { createDisk, nextDevice } from '../store/factories.js';
import type { Store } from '../store/store.js';
import type { DiskRecord, DiskStatus, InstanceRecord, RegionState, SnapshotRecord } from '../store/types.js';
import { requireRegion, regionOfResource, type ActionContext, type ActionHandler } from './kit/context.js';
import { idempotent } from './kit/idempotency.js';
import { paginate, type PageLimits } from './kit/pagination.js';
import { rejectSecurityLock, stopIfDryRun } from './kit/checks.js';
import { creationTimeMatcher } from './kit/filters.js';
import { digitsFor, readDescription, readName } from './kit/names.js';
import type { RequestParams } from './kit/params.js';
import { checkPassword } from './kit/passwords.js';
import { readNewTags, renderTags, tagMatcher } from './kit/tags.js';

// Emulated durations of the disk state machine (DIGEST §6.2).
const CREATE_MS = 5_000;
const ATTACH_MS = 5_000;
const DETACH_MS = 10_000;
const REINIT_MS = 20_000;

/** An instance takes at most 16 data disks. */
const MAX_DATA_DISKS = 16;

/** ECS shows this ExpiredTime on pay-as-you-go resources. */
const POSTPAID_EXPIRED_TIME = '2999-09-08T16:00Z';

const DISK_PAGES: PageLimits = {
  defaultPageSize: 10,
  maxPageSize: 100,
  tokens: { defaultMax: 10, minMax: 10, maxMax: 500 },
};

/** Categories CreateDisk can make (SDK). */
const CREATABLE_CATEGORIES = [
  'cloud',
  'cloud_efficiency',
  'cloud_ssd',
  'cloud_essd',
  'cloud_auto',
  'cloud_essd_entry',
  'cloud_regional_disk_auto',
  'elastic_ephemeral_disk_standard',
  'elastic_ephemeral_disk_premium',
] as const;

/** Every category DescribeDisks knows (DIGEST §6.2), including local disks. */
const ALL_CATEGORIES = [
  ...CREATABLE_CATEGORIES,
  'local_ssd_pro',
  'local_hdd_pro',
  'ephemeral',
  'ephemeral_ssd',
] as const;

const PERFORMANCE_LEVELS = ['PL0', 'PL1', 'PL2', 'PL3'] as const;
type PerformanceLevel = (typeof PERFORMANCE_LEVELS)[number];

const DISK_STATUSES: readonly DiskStatus[] = ['In_use', 'Available', 'Attaching', 'Detaching', 'Creating', 'ReIniting'];

/** Categories that can grow without a restart (SDK ResizeDisk). */
const ONLINE_RESIZE_CATEGORIES = new Set([
  'cloud_efficiency',
  'cloud_ssd',
  'cloud_essd',
  'elastic_ephemeral_disk_standard',
  'elastic_ephemeral_disk_premium',
]);

// Lookups and shared checks ---------------------------------------------------------------------

export function diskNotFound(diskId: string) {
  return notFound('InvalidDiskId.NotFound', 'disk', diskId);
}

function instanceNotFound(instanceId: string) {
  return notFound('InvalidInstanceId.NotFound', 'instance', instanceId);
}

/** The disk an action names by DiskId (no RegionId needed), or InvalidDiskId.NotFound. */
export function findDisk(context: ActionContext, diskId: string): { region: RegionState; disk: DiskRecord } {
  const region = regionOfResource(context, diskId);
  const disk = region?.disks.get(diskId);
  if (!region || !disk) throw diskNotFound(diskId);
  return { region, disk };
}

function findInstance(region: RegionState, instanceId: string): InstanceRecord {
  const instance = region.instances.get(instanceId);
  if (!instance) throw instanceNotFound(instanceId);
  return instance;
}

/** The instance a disk is attached to. */
export function attachedInstance(region: RegionState, disk: DiskRecord): InstanceRecord {
  return findInstance(region, disk.InstanceId);
}

/** Instances locked for security refuse every operation; other locks mean arrears. */
export function checkInstanceUnlocked(instance: InstanceRecord): void {
  rejectSecurityLock(instance, `The instance "${instance.InstanceId}" is locked for security reasons.`);
  if (instance.lockReasons.length > 0) {
    throw apiError(
      403,
      'InstanceExpiredOrInArrears',
      `The instance "${instance.InstanceId}" has expired or is in arrears.`,
    );
  }
}

/** A disk locked for arrears refuses operations (`financial`); any other lock denies them. */
export function checkDiskUnlocked(disk: DiskRecord): void {
  if (disk.lockReasons.includes('financial')) {
    throw apiError(403, 'DiskInArrears', `The disk "${disk.DiskId}" is in arrears.`);
  }
  if (disk.lockReasons.length > 0) {
    throw apiError(403, 'OperationDenied', `The disk "${disk.DiskId}" is locked (${disk.lockReasons.join(', ')}).`);
  }
}

function checkInstanceStatus(
  instance: InstanceRecord,
  allowed: readonly string[],
  action: string,
  httpStatus = 403,
): void {
  if (!allowed.includes(instance.Status)) {
    throw apiError(
      httpStatus,
      'IncorrectInstanceStatus',
      `The current status of the instance (${instance.Status}) does not support ${action}.`,
    );
  }
}

function incorrectDiskStatus(disk: DiskRecord, action: string) {
  return incorrectStatus('IncorrectDiskStatus', 'disk', disk.Status, action);
}

/** The snapshot of this disk still being taken, if any: one at a time, and it blocks resize and delete. */
export function progressingSnapshotOf(region: RegionState, diskId: string): SnapshotRecord | undefined {
  for (const snapshot of region.snapshots.values()) {
    if (snapshot.SourceDiskId === diskId && snapshot.Status === 'progressing') return snapshot;
  }
  return undefined;
}

function checkNoSnapshotInProgress(region: RegionState, disk: DiskRecord): void {
  if (progressingSnapshotOf(region, disk.DiskId)) {
    throw apiError(403, 'DiskCreatingSnapshot', `A snapshot of the disk "${disk.DiskId}" is being created.`);
  }
}

function dataDiskCount(region: RegionState, instanceId: string): number {
  let count = 0;
  for (const disk of region.disks.values()) if (disk.InstanceId === instanceId && disk.Type === 'data') count++;
  return count;
}

function checkDataDiskRoom(region: RegionState, instance: InstanceRecord): void {
  if (dataDiskCount(region, instance.InstanceId) >= MAX_DATA_DISKS) {
    throw apiError(
      403,
      'InstanceDiskLimitExceeded',
      `The instance "${instance.InstanceId}" already has ${MAX_DATA_DISKS} data disks.`,
    );
  }
}

// Sizes and performance -------------------------------------------------------------------------

interface SizeRange {
  readonly min: number;
  readonly max: number;
}

const ESSD_MIN_SIZE: Readonly<Record<PerformanceLevel, number>> = { PL0: 1, PL1: 20, PL2: 461, PL3: 1261 };

const DATA_DISK_SIZES: Readonly<Record<string, SizeRange>> = {
  cloud: { min: 5, max: 2000 },
  cloud_efficiency: { min: 20, max: 32768 },
  cloud_ssd: { min: 20, max: 32768 },
  cloud_auto: { min: 1, max: 65536 },
  cloud_essd_entry: { min: 10, max: 32768 },
  cloud_regional_disk_auto: { min: 10, max: 65536 },
  elastic_ephemeral_disk_standard: { min: 64, max: 8192 },
  elastic_ephemeral_disk_premium: { min: 64, max: 8192 },
};

function performanceLevelOf(level: string): PerformanceLevel {
  return (PERFORMANCE_LEVELS as readonly string[]).includes(level) ? (level as PerformanceLevel) : 'PL1';
}

/** Sizes (GiB) a disk may have, by type, category and ESSD performance level (SDK CreateDisk/ResizeDisk). */
function sizeRange(type: 'system' | 'data', category: string, level: string): SizeRange {
  if (type === 'system') {
    if (category === 'cloud') return { min: 20, max: 500 };
    if (category === 'cloud_essd') return { min: ESSD_MIN_SIZE[performanceLevelOf(level)], max: 2048 };
    if (category === 'cloud_auto') return { min: 1, max: 2048 };
    return { min: 20, max: 2048 };
  }
  if (category === 'cloud_essd') return { min: ESSD_MIN_SIZE[performanceLevelOf(level)], max: 65536 };
  return DATA_DISK_SIZES[category] ?? { min: 20, max: 32768 };
}

/** Max IOPS, IOPS per GiB over 1,800, max throughput (MB/s), base MB/s, MB/s per GiB. */
type PerformanceFormula = readonly [number, number, number, number, number];

/** Alibaba's published baseline formulas, by category (ESSD by performance level). */
const PERFORMANCE_FORMULAS: Readonly<Record<string, PerformanceFormula>> = {
  cloud_efficiency: [5000, 8, 140, 100, 0.15],
  cloud_ssd: [25000, 30, 300, 120, 0.5],
  cloud_essd_entry: [6000, 8, 150, 100, 0.15],
  cloud_auto: [50000, 50, 350, 120, 0.5],
  cloud_regional_disk_auto: [50000, 50, 350, 120, 0.5],
  'cloud_essd:PL0': [10000, 12, 180, 100, 0.25],
  'cloud_essd:PL1': [50000, 50, 350, 120, 0.5],
  'cloud_essd:PL2': [100000, 50, 750, 120, 0.5],
  'cloud_essd:PL3': [1000000, 50, 4000, 120, 0.5],
};

/** Baseline IOPS and throughput (MB/s) of a disk from its category and size. */
function diskPerformance(disk: DiskRecord): { IOPS: number; Throughput: number } {
  // Basic disks offer a flat few hundred IOPS.
  if (disk.Category === 'cloud') return { IOPS: 300, Throughput: 30 };
  const key =
    disk.Category === 'cloud_essd' ? `cloud_essd:${performanceLevelOf(disk.PerformanceLevel)}` : disk.Category;
  const [maxIops, iopsPerGiB, maxThroughput, baseThroughput, throughputPerGiB] =
    PERFORMANCE_FORMULAS[key] ?? PERFORMANCE_FORMULAS.cloud_efficiency!;
  const iops = Math.min(maxIops, 1800 + iopsPerGiB * disk.Size);
  return {
    // AutoPL disks never drop below 3,000 IOPS.
    IOPS: disk.Category.endsWith('_auto') ? Math.max(3000, iops) : iops,
    Throughput: Math.floor(Math.min(maxThroughput, baseThroughput + throughputPerGiB * disk.Size)),
  };
}

// Transitions -----------------------------------------------------------------------------------

/**
 * Creating → Available (or In_use when created attached), Attaching → In_use, Detaching →
 * Available (the disk leaves the instance), ReIniting → In_use.
 */
export function registerDiskTransitions(store: Store): void {
  store.onTransition('disk', (disk, transition) => {
    const from = disk.Status;
    disk.Status = transition.to as DiskStatus;
    if (transition.to === 'In_use' && (from === 'Attaching' || from === 'Creating')) {
      disk.attachedAt = transition.at;
      disk.everAttached = true;
    }
    if (from === 'Detaching') {
      disk.InstanceId = '';
      disk.Device = '';
      disk.detachedAt = transition.at;
      disk.DeleteWithInstance = false;
    }
  });
}

// DescribeDisks ---------------------------------------------------------------------------------

type DiskPredicate = (disk: DiskRecord) => boolean;

/** Every filter the request sends, as predicates; validating them throws the documented errors. */
function diskFilters(params: RequestParams, region: RegionState): DiskPredicate[] {
  const filters: DiskPredicate[] = [];
  const add = <T>(value: T | undefined, predicate: (value: T) => DiskPredicate) => {
    if (value !== undefined) filters.push(predicate(value));
  };

  const zoneId = params.string('ZoneId');
  if (zoneId !== undefined && !region.zones.some((zone) => zone.ZoneId === zoneId)) {
    throw apiError(400, 'InvalidZoneId.NotFound', `The specified ZoneId "${zoneId}" does not exist.`);
  }
  add(zoneId, (id) => (disk) => disk.ZoneId === id);
  const diskIds = params.jsonArray('DiskIds', { code: 'InvalidParameter.DiskIds' });
  if (diskIds && diskIds.length > 100) {
    throw apiError(403, 'InvalidDiskIds.Malformed', 'The specified DiskIds holds more than 100 disk IDs.');
  }
  add(diskIds && new Set(diskIds), (ids) => (disk) => ids.has(disk.DiskId));
  add(params.string('InstanceId'), (id) => (disk) => disk.InstanceId === id);
  add(params.string('SnapshotId'), (id) => (disk) => disk.SourceSnapshotId === id);
  add(params.string('DiskName'), (name) => (disk) => disk.DiskName === name);
  // The emulator keeps no resource groups, automatic snapshot policies or KMS keys: disks have none.
  for (const unset of ['ResourceGroupId', 'AutoSnapshotPolicyId', 'KMSKeyId'])
    add(params.string(unset), () => () => false);

  const diskType = params.oneOf('DiskType', ['all', 'system', 'data'], { code: 'InvalidDiskType.ValueNotSupported' });
  if (diskType !== 'all') add(diskType, (type) => (disk) => disk.Type === type);
  const category = params.oneOf('Category', ['all', ...ALL_CATEGORIES], { code: 'InvalidCategory.ValueNotSupported' });
  if (category !== 'all') add(category, (wanted) => (disk) => disk.Category === wanted);
  const status = params.oneOf('Status', [...DISK_STATUSES, 'All'], { code: 'InvalidStatus.ValueNotSupported' });
  if (status !== 'All') add(status, (wanted) => (disk) => disk.Status === wanted);
  add(
    params.oneOf('DiskChargeType', ['PrePaid', 'PostPaid'], { code: 'InvalidDiskChargeType.NotFound', status: 404 }),
    (type) => (disk) => disk.DiskChargeType === type,
  );
  add(
    params.oneOf('LockReason', ['financial', 'security'], { code: 'InvalidLockReason.NotFound', status: 404 }),
    (reason) => (disk) => disk.lockReasons.includes(reason),
  );
  // Multi-attach, shared block storage and automated snapshot policies are not emulated: every disk is Disabled / false.
  add(params.oneOf('MultiAttach', ['Disabled', 'Enabled', 'LegacyShared']), (mode) => () => mode === 'Disabled');
  add(params.boolean('EnableShared'), (shared) => () => !shared);
  add(params.boolean('EnableAutomatedSnapshotPolicy'), (enabled) => () => !enabled);

  add(params.boolean('Portable'), (flag) => (disk) => disk.Portable === flag);
  add(params.boolean('DeleteWithInstance'), (flag) => (disk) => disk.DeleteWithInstance === flag);
  add(params.boolean('DeleteAutoSnapshot'), (flag) => (disk) => disk.DeleteAutoSnapshot === flag);
  add(params.boolean('EnableAutoSnapshot'), (flag) => (disk) => disk.EnableAutoSnapshot === flag);
  add(params.boolean('Encrypted'), (flag) => (disk) => disk.Encrypted === flag);
  add(tagMatcher(params), (matches) => (disk) => matches(disk.tags));
  add(creationTimeMatcher(params), (inWindow) => (disk) => inWindow(disk.createdAt));
  return filters;
}

/** ECS shows Device, and the attachment, only while the disk is In_use (S0 DiskItemType). */
function isShownAttached(disk: DiskRecord): boolean {
  return disk.Status === 'In_use' && disk.InstanceId !== '';
}

/** PrePaid disks follow a one-month subscription from their creation. */
function expiredTime(disk: DiskRecord): string {
  if (disk.DiskChargeType === 'PostPaid') return POSTPAID_EXPIRED_TIME;
  const expiry = new Date(disk.createdAt);
  expiry.setUTCMonth(expiry.getUTCMonth() + 1);
  return isoMinutes(expiry.getTime());
}

/** A disk in the response shape of DescribeDisks (`Disk` of the client). */
function renderDisk(disk: DiskRecord, regionId: string, withPlacement: boolean): Record<string, unknown> {
  const attached = isShownAttached(disk);
  const attachedTime = disk.attachedAt === undefined ? '' : isoSeconds(disk.attachedAt);
  const { IOPS, Throughput } = diskPerformance(disk);
  return {
    DiskId: disk.DiskId,
    DiskName: disk.DiskName,
    Description: disk.Description,
    RegionId: regionId,
    ZoneId: disk.ZoneId,
    Type: disk.Type,
    Category: disk.Category,
    Size: disk.Size,
    Status: disk.Status,
    InstanceId: disk.InstanceId,
    Device: attached ? disk.Device : '',
    ImageId: disk.ImageId,
    SourceSnapshotId: disk.SourceSnapshotId,
    Portable: disk.Portable,
    DeleteWithInstance: disk.DeleteWithInstance,
    DeleteAutoSnapshot: disk.DeleteAutoSnapshot,
    EnableAutoSnapshot: disk.EnableAutoSnapshot,
    EnableAutomatedSnapshotPolicy: false,
    AutoSnapshotPolicyId: '',
    Encrypted: disk.Encrypted,
    KMSKeyId: '',
    DiskChargeType: disk.DiskChargeType,
    CreationTime: isoSeconds(disk.createdAt),
    AttachedTime: attachedTime,
    DetachedTime: disk.detachedAt === undefined ? '' : isoSeconds(disk.detachedAt),
    ExpiredTime: expiredTime(disk),
    OperationLocks: { OperationLock: disk.lockReasons.map((LockReason) => ({ LockReason })) },
    Tags: renderTags(disk.tags),
    IOPS,
    Throughput,
    PerformanceLevel: disk.PerformanceLevel,
    BurstingEnabled: false,
    ProvisionedIops: 0,
    ProductCode: '',
    SerialNumber: disk.DiskId.slice(2),
    ResourceGroupId: '',
    MultiAttach: 'Disabled',
    Attachments: {
      Attachment: attached ? [{ InstanceId: disk.InstanceId, Device: disk.Device, AttachedTime: attachedTime }] : [],
    },
    ...(withPlacement ? { Placement: { ZoneIds: disk.ZoneId } } : {}),
  };
}

const describeDisks: ActionHandler = (context) => {
  const region = requireRegion(context);
  const { params } = context;
  const filters = diskFilters(params, region);
  const withPlacement = params.repeatList('AdditionalAttributes').includes('Placement');
  stopIfDryRun(params);
  const matched: DiskRecord[] = [];
  for (const disk of region.disks.values()) if (filters.every((matches) => matches(disk))) matched.push(disk);
  const page = paginate(matched, params, DISK_PAGES);
  const regionId = region.region.RegionId;
  return { ...page.fields, Disks: { Disk: page.items.map((disk) => renderDisk(disk, regionId, withPlacement)) } };
};

// CreateDisk ------------------------------------------------------------------------------------

/** The snapshot a new disk starts from: it must exist in the region and be complete. */
function readSourceSnapshot(params: RequestParams, region: RegionState): SnapshotRecord | undefined {
  const snapshotId = params.string('SnapshotId');
  if (snapshotId === undefined) return undefined;
  const snapshot = region.snapshots.get(snapshotId);
  if (!snapshot) throw notFound('InvalidSnapshotId.NotFound', 'snapshot', snapshotId);
  if (snapshot.Status !== 'accomplished') {
    throw apiError(
      403,
      'InvalidSnapshotId.NotReady',
      `The snapshot "${snapshotId}" is not ready (${snapshot.Status}).`,
    );
  }
  return snapshot;
}

/**
 * The new disk's size: Size within the category's range; from a snapshot, the larger of the
 * snapshot's size and Size (SDK; the 2018 reference ignored Size instead).
 */
function newDiskSize(
  params: RequestParams,
  category: string,
  level: string,
  snapshot: SnapshotRecord | undefined,
): number {
  const range = sizeRange('data', category, level);
  const requested = params.integer('Size', { code: 'InvalidSize.ValueNotSupported' });
  if (requested === undefined && !snapshot) throw missingParameter('Size');
  if (requested !== undefined && (requested < range.min || requested > range.max)) {
    throw apiError(
      400,
      'InvalidSize.ValueNotSupported',
      `Size ${requested} is outside ${range.min}-${range.max} GiB for ${category}.`,
    );
  }
  if (!snapshot) return requested!;
  if (snapshot.SourceDiskSize > range.max) {
    throw apiError(
      403,
      'InvalidSnapshot.TooLarge',
      `The snapshot is larger than ${range.max} GiB, the most a ${category} disk holds.`,
    );
  }
  const size = Math.max(snapshot.SourceDiskSize, requested ?? 0);
  if (size < range.min) {
    throw apiError(
      403,
      'InvalidDiskSize.TooSmall',
      `A ${category} disk needs at least ${range.min} GiB; specify a larger Size.`,
    );
  }
  return size;
}

interface NewDiskSpec {
  readonly ZoneId: string;
  readonly Category: string;
  readonly PerformanceLevel: string;
  readonly Size: number;
  readonly DiskName: string;
  readonly Description: string;
  readonly Encrypted: boolean;
  readonly SourceSnapshotId: string;
}

/** The parameters every new disk takes, validated; `zoneId` comes from ZoneId or the instance. */
function readNewDiskSpec(params: RequestParams, region: RegionState, zoneId: string): NewDiskSpec {
  const zone = region.zones.find((candidate) => candidate.ZoneId === zoneId);
  if (!zone) throw notFound('InvalidZoneId.NotFound', 'zone', zoneId);
  const category =
    params.oneOf('DiskCategory', CREATABLE_CATEGORIES, { code: 'InvalidDiskCategory.ValueNotSupported' }) ?? 'cloud';
  if (!zone.diskCategories.includes(category)) {
    throw apiError(403, 'InvalidDiskCategory.NotSupported', `The zone "${zoneId}" does not offer ${category} disks.`);
  }
  const level = params.oneOf('PerformanceLevel', PERFORMANCE_LEVELS, { code: 'InvalidPerformanceLevel.Malformed' });
  const performanceLevel = category === 'cloud_essd' ? (level ?? 'PL1') : '';
  if (params.oneOf('MultiAttach', ['Disabled', 'Enabled']) === 'Enabled') {
    throw apiError(403, 'OperationDenied', 'This endpoint does not offer multi-attach disks.');
  }
  const snapshot = readSourceSnapshot(params, region);
  return {
    ZoneId: zoneId,
    Category: category,
    PerformanceLevel: performanceLevel,
    Size: newDiskSize(params, category, performanceLevel, snapshot),
    DiskName: readName(params, 'DiskName', 'InvalidDiskName.Malformed') ?? '',
    Description: readDescription(params, 'InvalidDescription.Malformed', 400) ?? '',
    Encrypted: (params.boolean('Encrypted') ?? false) || (snapshot?.Encrypted ?? false),
    SourceSnapshotId: snapshot?.SnapshotId ?? '',
  };
}

/** A pay-as-you-go data disk in a zone: Creating, then Available. */
function createPayAsYouGoDisk(context: ActionContext, region: RegionState): Record<string, unknown> {
  const zoneId = context.params.string('ZoneId');
  if (zoneId === undefined) throw missingParameter('ZoneId');
  const spec = readNewDiskSpec(context.params, region, zoneId);
  const tags = readNewTags(context.params);
  const disk = createDisk(context.store, region, { ...spec, Status: 'Creating', tags, createdAt: context.now });
  context.store.setTransition('disk', region.region.RegionId, disk, { to: 'Available', at: context.now + CREATE_MS });
  return { DiskId: disk.DiskId };
}

/**
 * A subscription data disk created on, and attached to, a subscription instance (SDK: then Tag.N
 * and ClientToken are ignored). It is not portable and goes with the instance.
 */
function createSubscriptionDisk(
  context: ActionContext,
  region: RegionState,
  instanceId: string,
): Record<string, unknown> {
  const instance = findInstance(region, instanceId);
  const spec = readNewDiskSpec(context.params, region, instance.ZoneId);
  checkInstanceUnlocked(instance);
  if (instance.InstanceChargeType !== 'PrePaid') {
    throw apiError(
      403,
      'ChargeTypeViolation',
      `The instance "${instanceId}" is pay-as-you-go; only subscription instances take subscription disks.`,
    );
  }
  checkInstanceStatus(instance, ['Running', 'Stopped'], 'CreateDisk');
  checkDataDiskRoom(region, instance);
  const disk = createDisk(context.store, region, {
    ...spec,
    Status: 'Creating',
    InstanceId: instanceId,
    DiskChargeType: 'PrePaid',
    Portable: false,
    DeleteWithInstance: true,
    createdAt: context.now,
  });
  context.store.setTransition('disk', region.region.RegionId, disk, { to: 'In_use', at: context.now + CREATE_MS });
  return { DiskId: disk.DiskId, OrderId: digitsFor(disk.DiskId, 15) };
}

const createDiskAction: ActionHandler = (context) => {
  const region = requireRegion(context);
  const instanceId = context.params.string('InstanceId');
  if (instanceId === undefined) return idempotent(context, () => createPayAsYouGoDisk(context, region));
  if (context.params.has('ZoneId')) throw invalidParameter('ZoneId', 'ZoneId and InstanceId cannot both be specified');
  return createSubscriptionDisk(context, region, instanceId);
};

// AttachDisk ------------------------------------------------------------------------------------

/** The deprecated Device parameter: a free `/dev/xvd[b-z]` of the instance; else the next free one. */
function readDevice(params: RequestParams, region: RegionState, instanceId: string): string {
  const device = params.string('Device', { pattern: /^\/dev\/xvd[b-z]$/, code: 'InvalidDevice.Malformed' });
  if (device === undefined) return nextDevice(region, instanceId);
  for (const disk of region.disks.values()) {
    if (disk.InstanceId === instanceId && disk.Device === device) {
      throw apiError(403, 'InvalidDevice.InUse', `The device "${device}" is already used by the instance.`);
    }
  }
  return device;
}

/**
 * Attaching as a system disk (Bootable) needs a Stopped instance without a system disk (SDK). This
 * emulator never detaches system disks, so every instance has one and the request is refused.
 */
function checkBootable(params: RequestParams, instance: InstanceRecord): void {
  if (!params.boolean('Bootable')) return;
  checkInstanceStatus(instance, ['Stopped'], 'attaching a system disk', 400);
  throw invalidParameter('Bootable', `the instance "${instance.InstanceId}" already has a system disk`);
}

const attachDisk: ActionHandler = (context) => {
  const { params, store } = context;
  const instanceId = params.requiredString('InstanceId');
  const diskId = params.requiredString('DiskId');
  const deleteWithInstance = params.boolean('DeleteWithInstance') ?? false;
  const { region, disk } = findDisk(context, diskId);
  const instance = findInstance(region, instanceId);
  checkInstanceUnlocked(instance);
  checkDiskUnlocked(disk);
  // AttachDisk documents IncorrectInstanceStatus as 400 (S0, D21).
  checkInstanceStatus(instance, ['Running', 'Stopped'], 'AttachDisk', 400);
  checkBootable(params, instance);
  if (disk.Status !== 'Available') throw incorrectDiskStatus(disk, 'AttachDisk');
  if (!disk.Portable) throw apiError(403, 'DiskNotPortable', `The disk "${diskId}" is not portable.`);
  if (disk.ZoneId !== instance.ZoneId) {
    throw apiError(
      403,
      'ResourcesNotInSameZone',
      `The disk (${disk.ZoneId}) and the instance (${instance.ZoneId}) are in different zones.`,
    );
  }
  checkDataDiskRoom(region, instance);
  disk.Device = readDevice(params, region, instanceId);
  disk.InstanceId = instanceId;
  disk.DeleteWithInstance = deleteWithInstance;
  disk.Status = 'Attaching';
  store.setTransition('disk', region.region.RegionId, disk, { to: 'In_use', at: context.now + ATTACH_MS });
  return {};
};

// DetachDisk ------------------------------------------------------------------------------------

/**
 * System disks are refused with DiskTypeViolation (the 2018 reference): this emulator keeps every
 * instance's system disk attached, which its instance actions rely on.
 */
const detachDisk: ActionHandler = (context) => {
  const { params, store } = context;
  const instanceId = params.requiredString('InstanceId');
  const diskId = params.requiredString('DiskId');
  const { region, disk } = findDisk(context, diskId);
  const instance = findInstance(region, instanceId);
  if (disk.InstanceId !== instanceId) {
    throw apiError(403, 'DependencyViolation', `The disk "${diskId}" is not attached to the instance "${instanceId}".`);
  }
  checkInstanceUnlocked(instance);
  if (disk.Status !== 'In_use') throw incorrectDiskStatus(disk, 'DetachDisk');
  if (disk.Type === 'system') throw apiError(403, 'DiskTypeViolation', `The disk "${diskId}" is a system disk.`);
  if (!disk.Portable) throw apiError(403, 'DiskNotPortable', `The disk "${diskId}" is not portable.`);
  checkInstanceStatus(instance, ['Running', 'Stopped'], 'DetachDisk');
  disk.Status = 'Detaching';
  store.setTransition('disk', region.region.RegionId, disk, { to: 'Available', at: context.now + DETACH_MS });
  return {};
};

// ResizeDisk ------------------------------------------------------------------------------------

function resize(context: ActionContext): Record<string, unknown> {
  const { params } = context;
  const diskId = params.requiredString('DiskId');
  const newSize = params.integer('NewSize');
  if (newSize === undefined) throw missingParameter('NewSize');
  const type = params.oneOf('Type', ['offline', 'online'], { code: 'InvalidParam.Type' }) ?? 'offline';
  const { region, disk } = findDisk(context, diskId);
  checkDiskUnlocked(disk);
  if (disk.Status !== 'In_use' && disk.Status !== 'Available') throw incorrectDiskStatus(disk, 'ResizeDisk');
  if (disk.Status === 'In_use') {
    const instance = attachedInstance(region, disk);
    checkInstanceUnlocked(instance);
    checkInstanceStatus(instance, ['Running', 'Stopped'], 'ResizeDisk');
    if (type === 'online' && instance.Status !== 'Running') {
      throw apiError(403, 'InvalidInstanceStatus.NotRunning', 'Online resizing needs a Running instance.');
    }
  }
  if (type === 'online' && !ONLINE_RESIZE_CATEGORIES.has(disk.Category)) {
    throw apiError(403, 'InvalidDiskCategory.NotSupported', `${disk.Category} disks cannot be resized online.`);
  }
  checkNoSnapshotInProgress(region, disk);
  if (newSize <= disk.Size) {
    throw apiError(403, 'InvalidDiskSize.TooSmall', `NewSize must exceed the current size (${disk.Size} GiB).`);
  }
  const { max } = sizeRange(disk.Type, disk.Category, disk.PerformanceLevel);
  if (newSize > max)
    throw apiError(403, 'InvalidDiskSize.TooLarge', `NewSize exceeds ${max} GiB, the most this disk takes.`);
  disk.Size = newSize;
  return disk.DiskChargeType === 'PrePaid' ? { OrderId: digitsFor(`${disk.DiskId}:${newSize}`, 15) } : {};
}

const resizeDisk: ActionHandler = (context) => idempotent(context, () => resize(context));

// DeleteDisk ------------------------------------------------------------------------------------

/** Removes a disk and, when it says so, its automatic snapshots; manual snapshots stay. */
function removeDisk(store: Store, region: RegionState, disk: DiskRecord): void {
  region.disks.delete(disk.DiskId);
  store.unindex(disk.DiskId);
  if (!disk.DeleteAutoSnapshot) return;
  for (const snapshot of [...region.snapshots.values()]) {
    if (snapshot.SourceDiskId === disk.DiskId && snapshot.SnapshotType === 'auto') {
      region.snapshots.delete(snapshot.SnapshotId);
      store.unindex(snapshot.SnapshotId);
    }
  }
}

const deleteDisk: ActionHandler = (context) => {
  const diskId = context.params.requiredString('DiskId');
  const region = regionOfResource(context, diskId);
  const disk = region?.disks.get(diskId);
  // An unknown DiskId is ignored (S0, SDK).
  if (!region || !disk) return {};
  if (disk.Type === 'system') throw apiError(403, 'DiskTypeViolation', `The disk "${diskId}" is a system disk.`);
  if (!disk.Portable) throw apiError(403, 'DiskNotPortable', `The disk "${diskId}" is not portable.`);
  if (disk.Status === 'In_use') throw apiError(403, 'DiskStillAttached', `The disk "${diskId}" is still attached.`);
  if (disk.Status !== 'Available') throw incorrectDiskStatus(disk, 'DeleteDisk');
  checkDiskUnlocked(disk);
  checkNoSnapshotInProgress(region, disk);
  removeDisk(context.store, region, disk);
  return {};
};

// ModifyDiskAttribute ---------------------------------------------------------------------------

/** The disks to modify: DiskIds.N (with RegionId) or DiskId; all must exist. */
function disksToModify(context: ActionContext): DiskRecord[] {
  const ids = context.params.repeatList('DiskIds', { max: 100 });
  if (ids.length === 0) return [findDisk(context, context.params.requiredString('DiskId')).disk];
  const region = requireRegion(context);
  return ids.map((id) => {
    const disk = region.disks.get(id);
    if (!disk) throw diskNotFound(id);
    return disk;
  });
}

const modifyDiskAttribute: ActionHandler = (context) => {
  const { params } = context;
  const disks = disksToModify(context);
  const name = readName(params, 'DiskName', 'InvalidDiskName.Malformed');
  // ModifyDiskAttribute documents a malformed Description as 404 (sic).
  const description = readDescription(params, 'InvalidDescription.Malformed', 404);
  const deleteWithInstance = params.boolean('DeleteWithInstance');
  const deleteAutoSnapshot = params.boolean('DeleteAutoSnapshot');
  const enableAutoSnapshot = params.boolean('EnableAutoSnapshot');
  const changes = [name, description, deleteWithInstance, deleteAutoSnapshot, enableAutoSnapshot];
  if (changes.every((change) => change === undefined)) {
    throw apiError(400, 'NoAttributeToModify', 'No attribute to be modified is specified.');
  }
  // Check every disk before changing any, so a batch applies wholly or not at all.
  if (deleteWithInstance === false) {
    const pinned = disks.find((disk) => !disk.Portable);
    if (pinned)
      throw apiError(403, 'DiskNotPortable', `The disk "${pinned.DiskId}" is not portable: it goes with its instance.`);
  }
  for (const disk of disks) {
    if (name !== undefined) disk.DiskName = name;
    if (description !== undefined) disk.Description = description;
    if (deleteWithInstance !== undefined) disk.DeleteWithInstance = deleteWithInstance;
    if (deleteAutoSnapshot !== undefined) disk.DeleteAutoSnapshot = deleteAutoSnapshot;
    if (enableAutoSnapshot !== undefined) disk.EnableAutoSnapshot = enableAutoSnapshot;
  }
  return {};
};

// ResetDisk -------------------------------------------------------------------------------------

/**
 * Rolls a disk back to one of its own snapshots. The disk is In_use on a Stopped instance, or
 * Available (SDK; the 2018 reference knew only the attached case).
 */
const resetDisk: ActionHandler = (context) => {
  const { params } = context;
  const diskId = params.requiredString('DiskId');
  const snapshotId = params.requiredString('SnapshotId');
  const { region, disk } = findDisk(context, diskId);
  const snapshot = region.snapshots.get(snapshotId);
  if (!snapshot) throw notFound('InvalidSnapshotId.NotFound', 'snapshot', snapshotId);
  if (snapshot.SourceDiskId !== diskId) {
    throw apiError(
      403,
      'InvalidParameter.Mismatch',
      `The snapshot "${snapshotId}" was not taken of the disk "${diskId}".`,
    );
  }
  if (snapshot.Status !== 'accomplished') {
    throw apiError(
      403,
      'InvalidSnapshotId.NotReady',
      `The snapshot "${snapshotId}" is not ready (${snapshot.Status}).`,
    );
  }
  checkDiskUnlocked(disk);
  if (disk.Status === 'In_use') {
    const instance = attachedInstance(region, disk);
    checkInstanceUnlocked(instance);
    checkInstanceStatus(instance, ['Stopped'], 'ResetDisk');
  } else if (disk.Status !== 'Available') {
    throw incorrectDiskStatus(disk, 'ResetDisk');
  }
  stopIfDryRun(params);
  return {};
};

// ReInitDisk ------------------------------------------------------------------------------------

/** Password and KeyPairName apply to a system disk; a key pair only to Linux. */
function checkCredentials(params: RequestParams, disk: DiskRecord, instance: InstanceRecord): void {
  const password = params.string('Password');
  if (password !== undefined && disk.Type === 'system') checkPassword(password, instance.OSType);
  const keyPairName = params.string('KeyPairName');
  if (keyPairName !== undefined && disk.Type === 'system' && instance.OSType === 'windows') {
    throw invalidParameter('KeyPairName', 'Windows instances do not take key pairs');
  }
}

/** A data disk made from a snapshot returns to that snapshot, so it must still exist. */
function checkSourceSnapshot(region: RegionState, disk: DiskRecord): void {
  if (disk.SourceSnapshotId !== '' && !region.snapshots.has(disk.SourceSnapshotId)) {
    throw apiError(
      403,
      'InvalidSourceSnapshot',
      `The snapshot "${disk.SourceSnapshotId}" the disk was created from has been deleted.`,
    );
  }
}

/**
 * With AutoStartInstance the instance boots once the disk is back: it stays Stopped while the disk
 * re-initialises, then the instance provider's power-on (Starting → Running) takes over.
 */
function startAfterReInit(store: Store, region: RegionState, instance: InstanceRecord, reInitDone: number): void {
  store.setTransition('instance', region.region.RegionId, instance, { to: 'Starting', at: reInitDone });
}

const reInitDisk: ActionHandler = (context) => {
  const { params, store } = context;
  const diskId = params.requiredString('DiskId');
  const autoStart = params.boolean('AutoStartInstance') ?? false;
  // Validated only: the emulator runs no security agent to enable or disable.
  params.oneOf('SecurityEnhancementStrategy', ['Active', 'Deactive']);
  const { region, disk } = findDisk(context, diskId);
  checkDiskUnlocked(disk);
  if (disk.Status !== 'In_use') throw incorrectDiskStatus(disk, 'ReInitDisk');
  const instance = attachedInstance(region, disk);
  checkInstanceUnlocked(instance);
  checkInstanceStatus(instance, ['Stopped'], 'ReInitDisk');
  if (!instance.everStarted) {
    throw apiError(403, 'IncorrectInstanceStatus', `The instance "${instance.InstanceId}" has never been started.`);
  }
  checkCredentials(params, disk, instance);
  checkNoSnapshotInProgress(region, disk);
  checkSourceSnapshot(region, disk);
  const done = context.now + REINIT_MS;
  disk.Status = 'ReIniting';
  store.setTransition('disk', region.region.RegionId, disk, { to: 'In_use', at: done });
  if (autoStart) startAfterReInit(store, region, instance, done);
  return {};
};

export const diskHandlers: Readonly<Record<string, ActionHandler>> = {
  DescribeDisks: describeDisks,
  CreateDisk: createDiskAction,
  AttachDisk: attachDisk,
  DetachDisk: detachDisk,
  ResizeDisk: resizeDisk,
  DeleteDisk: deleteDisk,
  ModifyDiskAttribute: modifyDiskAttribute,
  ResetDisk: resetDisk,
  ReInitDisk: reInitDisk,
};
