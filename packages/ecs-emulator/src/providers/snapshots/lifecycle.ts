import type { Store } from '../../store/store.js';
import type { SnapshotRecord, SnapshotStatus } from '../../store/types.js';
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

/** When the snapshot is (or was) complete: its scheduled transition, else start plus duration. */
export function completionTime(snapshot: SnapshotRecord): number {
  return snapshot.transition?.at ?? snapshot.startedAt + snapshotDurationMs(snapshot.SourceDiskSize);
}

/** progressing → accomplished. */
export function registerSnapshotTransitions(store: Store): void {
  store.onTransition('snapshot', (snapshot, transition) => {
    snapshot.Status = transition.to as SnapshotStatus;
  });
}
