import { CREATABLE_CATEGORIES, PERFORMANCE_LEVELS, sizeRange } from '@ecs-console/contract';
import { apiError, invalidParameter, missingParameter, notFound } from '../../protocol/errors.js';
import { createDisk } from '../../store/factories.js';
import type { RegionState, SnapshotRecord } from '../../store/types.js';
import { requireRegion, type ActionContext, type ActionHandler } from '../kit/context.js';
import { idempotent } from '../kit/idempotency.js';
import { digitsFor, readDescription, readName } from '../kit/names.js';
import type { RequestParams } from '../kit/params.js';
import { readNewTags } from '../kit/tags.js';
import { CREATE_MS } from './limits.js';
import { checkDataDiskRoom, checkInstanceStatus, checkInstanceUnlocked, findInstance } from './lookup.js';

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

export const createDiskAction: ActionHandler = (context) => {
  const region = requireRegion(context);
  const instanceId = context.params.string('InstanceId');
  if (instanceId === undefined) return idempotent(context, () => createPayAsYouGoDisk(context, region));
  if (context.params.has('ZoneId')) throw invalidParameter('ZoneId', 'ZoneId and InstanceId cannot both be specified');
  return createSubscriptionDisk(context, region, instanceId);
};
