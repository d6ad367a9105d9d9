import { scheduleRelease } from '../../store/factories.js';
import type { Store } from '../../store/store.js';
import type { RegionState, SnapshotRecord, SnapshotStatus } from '../../store/types.js';
import type { PageLimits } from '../kit/pagination.js';

/** A disk keeps at most 256 manual snapshots. */
export const MAX_MANUAL_SNAPSHOTS = 256;

export const SNAPSHOT_PAGES: PageLimits = {
  defaultPageSize: 10,
  maxPageSize: 100,
  tokens: { defaultMax: 10, minMax: 1, maxMax: 100 },
};

/** Emulated time a snapshot takes: about a second per GiB, never under 15 seconds. */
export function snapshotDurationMs(sizeGiB: number): number {
  return Math.max(15_000, sizeGiB * 1_000);
}

/** When the snapshot is (or was) complete: while progressing its scheduled end, else start plus duration. */
export function completionTime(snapshot: SnapshotRecord): number {
  const { transition } = snapshot;
  if (transition?.to === 'accomplished') return transition.at;
  return snapshot.startedAt + snapshotDurationMs(snapshot.SourceDiskSize);
}

/**
 * Released at the end of its retention, unless a custom image still needs it (ECS refuses to delete
 * those); disks made from it keep their SourceSnapshotId, as after a forced delete.
 */
function release(store: Store, region: RegionState, snapshot: SnapshotRecord): void {
  for (const image of region.images.values()) if (image.SourceSnapshotId === snapshot.SnapshotId) return;
  region.snapshots.delete(snapshot.SnapshotId);
  store.unindex(snapshot.SnapshotId);
}

/** progressing → accomplished, then, with RetentionDays, released when they are over. */
export function registerSnapshotTransitions(store: Store): void {
  store.onTransition('snapshot', (snapshot, transition, region) => {
    if (transition.to === 'released') {
      release(store, region, snapshot);
      return;
    }
    snapshot.Status = transition.to as SnapshotStatus;
    scheduleRelease(store, region.region.RegionId, snapshot);
  });
}
