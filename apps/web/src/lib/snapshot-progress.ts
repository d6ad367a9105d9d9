import type { SnapshotSummary } from '@ecs-console/contract';

/** Percent done, 0–100; an accomplished snapshot is 100 whatever its text says. */
export function progressPercent(snapshot: Pick<SnapshotSummary, 'Progress' | 'Status'>): number {
  if (snapshot.Status === 'accomplished') return 100;
  const value = Number.parseFloat(snapshot.Progress);
  if (!Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, Math.round(value)));
}
