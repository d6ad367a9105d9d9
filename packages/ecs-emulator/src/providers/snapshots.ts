import { isoSeconds } from '../clock.js';
import { apiError, incorrectStatus } from '../protocol/errors.js';
import { createSnapshot } from '../store/factories.js';
import type { Store } from '../store/store.js';
import type { DiskRecord, RegionState, SnapshotRecord, SnapshotStatus } from '../store/types.js';
import { requireRegion, regionOfResource, type ActionContext, type ActionHandler } from './kit/context.js';
import {
  attachedInstance,
  checkDiskUnlocked,
  checkInstanceUnlocked,
  findDisk,
  progressingSnapshotOf,
} from './disks/lookup.js';
import { stopIfDryRun } from './kit/checks.js';
import { creationTimeMatcher } from './kit/filters.js';
import { digitsFor, readDescription, readName } from './kit/names.js';
import { readNewTags, renderTags, tagMatcher } from './kit/tags.js';
import { idempotent } from './kit/idempotency.js';
import { paginate, type PageLimits } from './kit/pagination.js';
import type { RequestParams } from './kit/params.js';

/** A disk keeps at most 256 manual snapshots. */
const MAX_MANUAL_SNAPSHOTS = 256;

const SNAPSHOT_PAGES: PageLimits = {
  defaultPageSize: 10,
  maxPageSize: 100,
  tokens: { defaultMax: 10, minMax: 1, maxMax: 100 },
};

/** Emulated time a snapshot takes: about a second per GiB, never under 15 seconds. */
export function snapshotDurationMs(sizeGiB: number): number {
  return Math.max(15_000, sizeGiB * 1_000);
}

/** When the snapshot is (or was) complete: its scheduled transition, else start plus duration. */
function completionTime(snapshot: SnapshotRecord): number {
  return snapshot.transition?.at ?? snapshot.startedAt + snapshotDurationMs(snapshot.SourceDiskSize);
}

/** progressing → accomplished. */
export function registerSnapshotTransitions(store: Store): void {
  store.onTransition('snapshot', (snapshot, transition) => {
    snapshot.Status = transition.to as SnapshotStatus;
  });
}

// CreateSnapshot --------------------------------------------------------------------------------

/**
 * A disk can be snapshotted when In_use on a Running or Stopped instance that has run, or when
 * Available after having been attached once; one snapshot at a time; at most 256 manual ones.
 */
function checkSnapshotable(region: RegionState, disk: DiskRecord): void {
  checkDiskUnlocked(disk);
  if (disk.Status === 'In_use') {
    const instance = attachedInstance(region, disk);
    checkInstanceUnlocked(instance);
    if (instance.Status !== 'Running' && instance.Status !== 'Stopped') {
      // CreateSnapshot documents IncorrectInstanceStatus as 400.
      throw apiError(
        400,
        'IncorrectInstanceStatus',
        `The current status of the instance (${instance.Status}) does not support CreateSnapshot.`,
      );
    }
    if (!instance.everStarted) {
      throw apiError(
        403,
        'IncorrectDiskStatus.NeverUsed',
        `The instance "${instance.InstanceId}" has never been started.`,
      );
    }
  } else if (disk.Status === 'Available') {
    if (!disk.everAttached) {
      throw apiError(
        403,
        'IncorrectDiskStatus.NeverAttached',
        `The disk "${disk.DiskId}" has never been attached to an instance.`,
      );
    }
  } else {
    throw incorrectStatus('IncorrectDiskStatus', 'disk', disk.Status, 'CreateSnapshot');
  }
  if (progressingSnapshotOf(region, disk.DiskId)) {
    throw apiError(
      403,
      'IncorrectDiskStatus.CreatingSnapshot',
      `A snapshot of the disk "${disk.DiskId}" is already being created.`,
    );
  }
  let manual = 0;
  for (const snapshot of region.snapshots.values()) {
    if (snapshot.SourceDiskId === disk.DiskId && snapshot.SnapshotType === 'user') manual++;
  }
  if (manual >= MAX_MANUAL_SNAPSHOTS) {
    throw apiError(
      403,
      'QuotaExceed.Snapshot',
      `The disk "${disk.DiskId}" already has ${MAX_MANUAL_SNAPSHOTS} manual snapshots.`,
    );
  }
}

/** SnapshotName follows the naming rule and may not start with `auto` (kept for automatic snapshots). */
function readSnapshotName(params: RequestParams): string {
  const name = readName(params, 'SnapshotName', 'InvalidSnapshotName.Malformed');
  if (name?.startsWith('auto')) {
    throw apiError(400, 'InvalidSnapshotName.Malformed', 'The snapshot name may not start with "auto".');
  }
  return name ?? '';
}

function takeSnapshot(context: ActionContext): Record<string, unknown> {
  const { params, store } = context;
  const diskId = params.requiredString('DiskId');
  const snapshotName = readSnapshotName(params);
  // CreateSnapshot documents a malformed Description as 404.
  const description = readDescription(params, 'InvalidDescription.Malformed', 404) ?? '';
  const retentionDays = params.integer('RetentionDays', { min: 1, max: 65536 });
  const category = params.oneOf('Category', ['Standard', 'Flash']) ?? 'Standard';
  const instantAccess = params.boolean('InstantAccess') ?? false;
  const tags = readNewTags(params);
  const { region, disk } = findDisk(context, diskId);
  checkSnapshotable(region, disk);
  const snapshot = createSnapshot(store, region, disk, {
    SnapshotName: snapshotName,
    Description: description,
    Status: 'progressing',
    startedAt: context.now,
    RetentionDays: retentionDays,
    Category: category,
    InstantAccess: instantAccess,
    tags,
  });
  store.setTransition('snapshot', region.region.RegionId, snapshot, {
    to: 'accomplished',
    at: context.now + snapshotDurationMs(snapshot.SourceDiskSize),
  });
  return { SnapshotId: snapshot.SnapshotId };
}

// CreateSnapshot documents IdempotentParameterMismatch as 403.
const createSnapshotAction: ActionHandler = (context) =>
  idempotent(context, () => takeSnapshot(context), { mismatchStatus: 403 });

// DescribeSnapshots -----------------------------------------------------------------------------

type Usage = 'image' | 'disk' | 'image_disk' | 'none';

/** IDs of the snapshots existing disks were created from (the emulator has no custom images). */
function snapshotsUsedByDisks(region: RegionState): Set<string> {
  const used = new Set<string>();
  for (const disk of region.disks.values()) if (disk.SourceSnapshotId !== '') used.add(disk.SourceSnapshotId);
  return used;
}

function usageOf(snapshot: SnapshotRecord, usedByDisks: ReadonlySet<string>): Usage {
  return usedByDisks.has(snapshot.SnapshotId) ? 'disk' : 'none';
}

/** Each snapshot of a disk belongs to the disk's snapshot chain. */
function snapshotLinkId(snapshot: SnapshotRecord): string {
  return `sl-${snapshot.SourceDiskId.slice(2)}`;
}

type SnapshotPredicate = (snapshot: SnapshotRecord) => boolean;

/** Every filter the request sends, as predicates; validating them throws the documented errors. */
function snapshotFilters(
  params: RequestParams,
  region: RegionState,
  usedByDisks: () => ReadonlySet<string>,
): SnapshotPredicate[] {
  const filters: SnapshotPredicate[] = [];
  const add = <T>(value: T | undefined, predicate: (value: T) => SnapshotPredicate) => {
    if (value !== undefined) filters.push(predicate(value));
  };

  add(params.string('InstanceId'), (instanceId) => {
    // Snapshots of the disks now attached to the instance.
    const disks = new Set([...region.disks.values()].filter((d) => d.InstanceId === instanceId).map((d) => d.DiskId));
    return (snapshot) => disks.has(snapshot.SourceDiskId);
  });
  add(params.string('DiskId'), (diskId) => (snapshot) => snapshot.SourceDiskId === diskId);
  const ids = params.jsonArray('SnapshotIds', { max: 100, code: 'InvalidSnapshotIds.Malformed', status: 403 });
  add(ids && new Set(ids), (wanted) => (snapshot) => wanted.has(snapshot.SnapshotId));
  add(params.string('SnapshotLinkId'), (linkId) => (snapshot) => snapshotLinkId(snapshot) === linkId);
  add(params.string('SnapshotName'), (name) => (snapshot) => snapshot.SnapshotName === name);
  // The emulator keeps no resource groups or KMS keys: snapshots have none.
  for (const unset of ['ResourceGroupId', 'KMSKeyId']) add(params.string(unset), () => () => false);

  const status = params.oneOf('Status', ['progressing', 'accomplished', 'failed', 'all'], {
    code: 'InvalidStatus.NotFound',
    status: 404,
  });
  if (status !== 'all') add(status, (wanted) => (snapshot) => snapshot.Status === wanted);
  const type = params.oneOf('SnapshotType', ['auto', 'user', 'all'], {
    code: 'InvalidSnapshotType.NotFound',
    status: 404,
  });
  if (type !== 'all') add(type, (wanted) => (snapshot) => snapshot.SnapshotType === wanted);
  add(
    params.oneOf('SourceDiskType', ['system', 'data'], {
      code: 'InvalidSourceDiskType',
      status: 404,
      caseInsensitive: true,
    }),
    (wanted) => (snapshot) => snapshot.SourceDiskType === wanted,
  );
  add(
    params.oneOf('Usage', ['image', 'disk', 'image_disk', 'none'], { code: 'InvalidUsage', status: 404 }),
    (wanted) => {
      const used = usedByDisks();
      return (snapshot) => usageOf(snapshot, used) === wanted;
    },
  );
  add(
    params.oneOf('Category', ['Standard', 'Flash', 'archive'], {
      code: 'InvalidSnapshotCategory.Malformed',
      status: 403,
      caseInsensitive: true,
    }),
    (wanted) => (snapshot) => snapshot.Category === wanted,
  );
  add(params.boolean('Encrypted'), (flag) => (snapshot) => snapshot.Encrypted === flag);
  add(tagMatcher(params), (matches) => (snapshot) => matches(snapshot.tags));
  add(creationTimeMatcher(params), (inWindow) => (snapshot) => inWindow(snapshot.startedAt));
  return filters;
}

/** Progress and seconds left, from the time elapsed between start and completion. */
function progressOf(snapshot: SnapshotRecord, now: number): { Progress: string; RemainTime: number } {
  if (snapshot.Status === 'accomplished') return { Progress: '100%', RemainTime: 0 };
  if (snapshot.Status === 'failed') return { Progress: '0%', RemainTime: 0 };
  const done = completionTime(snapshot);
  const fraction = (now - snapshot.startedAt) / (done - snapshot.startedAt);
  return {
    // A progressing snapshot shows at most 99%; 100% comes with accomplished.
    Progress: `${Math.min(99, Math.max(0, Math.floor(fraction * 100)))}%`,
    RemainTime: Math.max(0, Math.ceil((done - now) / 1000)),
  };
}

/** A snapshot in the response shape of DescribeSnapshots (`Snapshot` of the client). */
function renderSnapshot(
  snapshot: SnapshotRecord,
  regionId: string,
  usage: Usage,
  now: number,
): Record<string, unknown> {
  const accomplished = snapshot.Status === 'accomplished';
  const lastModified = accomplished ? Math.min(now, completionTime(snapshot)) : snapshot.startedAt;
  return {
    SnapshotId: snapshot.SnapshotId,
    SnapshotName: snapshot.SnapshotName,
    Description: snapshot.Description,
    Status: snapshot.Status,
    ...progressOf(snapshot, now),
    CreationTime: isoSeconds(snapshot.startedAt),
    LastModifiedTime: isoSeconds(lastModified),
    SourceDiskId: snapshot.SourceDiskId,
    SourceDiskSize: String(snapshot.SourceDiskSize),
    SourceDiskType: snapshot.SourceDiskType,
    SourceStorageType: 'disk',
    SnapshotType: snapshot.SnapshotType,
    Usage: usage,
    ...(snapshot.RetentionDays === undefined ? {} : { RetentionDays: snapshot.RetentionDays }),
    Encrypted: snapshot.Encrypted,
    KMSKeyId: '',
    Category: snapshot.Category,
    InstantAccess: snapshot.InstantAccess,
    Available: accomplished,
    ProductCode: '',
    SnapshotSN: `${digitsFor(snapshot.SnapshotId, 5)}-${digitsFor(snapshot.SourceDiskId, 9)}-${digitsFor(snapshot.SnapshotId + '#', 8)}`,
    SnapshotLinkId: snapshotLinkId(snapshot),
    RegionId: regionId,
    ResourceGroupId: '',
    Tags: renderTags(snapshot.tags),
  };
}

const describeSnapshots: ActionHandler = (context) => {
  const region = requireRegion(context);
  const { params } = context;
  // Which snapshots disks were made from is worked out once, and only when needed.
  let used: Set<string> | undefined;
  const usedByDisks = () => (used ??= snapshotsUsedByDisks(region));
  const filters = snapshotFilters(params, region, usedByDisks);
  stopIfDryRun(params);
  const matched: SnapshotRecord[] = [];
  for (const snapshot of region.snapshots.values())
    if (filters.every((matches) => matches(snapshot))) matched.push(snapshot);
  const page = paginate(matched, params, SNAPSHOT_PAGES);
  const regionId = region.region.RegionId;
  const rendered = page.items.map((snapshot) =>
    renderSnapshot(snapshot, regionId, usageOf(snapshot, usedByDisks()), context.now),
  );
  return { ...page.fields, Snapshots: { Snapshot: rendered } };
};

// DeleteSnapshot --------------------------------------------------------------------------------

/**
 * Deletes a snapshot; an unknown ID is ignored and one in progress is cancelled (SDK). One that
 * disks were created from needs Force=true.
 */
const deleteSnapshot: ActionHandler = (context) => {
  const { params, store } = context;
  const snapshotId = params.requiredString('SnapshotId');
  const force = params.boolean('Force') ?? false;
  const region = regionOfResource(context, snapshotId);
  const snapshot = region?.snapshots.get(snapshotId);
  if (!region || !snapshot) return {};
  if (!force && snapshotsUsedByDisks(region).has(snapshotId)) {
    throw apiError(
      403,
      'SnapshotCreatedDisk',
      `Disks have been created from the snapshot "${snapshotId}"; set Force=true to delete it.`,
    );
  }
  store.setTransition('snapshot', region.region.RegionId, snapshot, undefined);
  region.snapshots.delete(snapshotId);
  store.unindex(snapshotId);
  return {};
};

export const snapshotHandlers: Readonly<Record<string, ActionHandler>> = {
  CreateSnapshot: createSnapshotAction,
  DescribeSnapshots: describeSnapshots,
  DeleteSnapshot: deleteSnapshot,
};
