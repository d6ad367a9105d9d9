import { apiError, incorrectStatus } from '../../protocol/errors.js';
import { createSnapshot } from '../../store/factories.js';
import type { DiskRecord, RegionState } from '../../store/types.js';
import type { ActionContext, ActionHandler } from '../kit/context.js';
import {
  attachedInstance,
  checkDiskUnlocked,
  checkInstanceUnlocked,
  findDisk,
  progressingSnapshotOf,
} from '../disks/lookup.js';
import { readDescription, readName } from '../kit/names.js';
import { readNewTags } from '../kit/tags.js';
import { idempotent } from '../kit/idempotency.js';
import type { RequestParams } from '../kit/params.js';
import { MAX_MANUAL_SNAPSHOTS, snapshotDurationMs } from './lifecycle.js';

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
export const createSnapshotAction: ActionHandler = (context) =>
  idempotent(context, () => takeSnapshot(context), { mismatchStatus: 403 });
