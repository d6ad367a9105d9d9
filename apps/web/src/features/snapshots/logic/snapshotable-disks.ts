import type { DiskSummary, SnapshotSummary } from '@ecs-console/contract';

/**
 * Which disks a snapshot can be taken of now, as CreateSnapshot decides it: a disk in use, or an
 * available one that has been attached before; not while it changes state; one snapshot at a time.
 * (Whether the instance is Running or Stopped, and has ever run, ECS still checks and says.)
 */
export type SnapshotBlocker = 'diskChanging' | 'neverAttached' | 'snapshotInProgress';

export function snapshotBlocker(
  disk: Pick<DiskSummary, 'DiskId' | 'Status' | 'AttachedTime' | 'DetachedTime'>,
  progressingDiskIds: ReadonlySet<string>,
): SnapshotBlocker | undefined {
  if (disk.Status !== 'In_use' && disk.Status !== 'Available') return 'diskChanging';
  // ECS: IncorrectDiskStatus.NeverAttached. A disk attached once keeps an attach or detach time.
  if (disk.Status === 'Available' && !disk.AttachedTime && !disk.DetachedTime) return 'neverAttached';
  if (progressingDiskIds.has(disk.DiskId)) return 'snapshotInProgress';
  return undefined;
}

/** The disks with a snapshot in progress (ECS: IncorrectDiskStatus.CreatingSnapshot). */
export function disksWithProgressingSnapshot(
  snapshots: readonly Pick<SnapshotSummary, 'Status' | 'SourceDiskId'>[] | undefined,
): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const snapshot of snapshots ?? []) if (snapshot.Status === 'progressing') ids.add(snapshot.SourceDiskId);
  return ids;
}
