import { hasRole, type DiskSummary, type Role, type SnapshotSummary } from '@ecs-console/contract';
import { usedByImage } from './snapshot-fields';

/**
 * What may be done with which snapshots, as ECS and the BFF's registry decide it: the header's
 * actions are enabled only when both would accept them, and each disabled one says why.
 */

export const SNAPSHOT_ACTIONS = ['createDisk', 'rollback', 'delete'] as const;
export type SnapshotAction = (typeof SNAPSHOT_ACTIONS)[number];

/** The least role of each action and of creating a snapshot, as the BFF enforces them. */
export const SNAPSHOT_ACTION_ROLES: Readonly<Record<SnapshotAction | 'create', Role>> = {
  create: 'operator',
  createDisk: 'admin',
  rollback: 'admin',
  delete: 'admin',
};

/** What the rules read of a snapshot. */
export type RuledSnapshot = Pick<
  SnapshotSummary,
  'SnapshotId' | 'SnapshotName' | 'Status' | 'Available' | 'Usage' | 'SourceDiskId'
>;

type SimpleReason =
  | 'role'
  | 'noSelection'
  /** Create disk and roll back work on one snapshot at a time. */
  | 'oneOnly'
  /** Still progressing, or failed: only an accomplished snapshot makes a disk or a roll-back. */
  | 'notAccomplished'
  /** ECS says it cannot be used yet (`Available: false`). */
  | 'notAvailable'
  /** The disks of the region have not loaded (yet): whether the source disk exists is unknown. */
  | 'disksUnknown'
  /** The disk it was taken of has been deleted: nothing to roll back. */
  | 'sourceDiskGone'
  /** ResetDisk needs the disk attached (In_use) to a stopped instance. */
  | 'sourceDiskNotAttached';

export type SnapshotActionAvailability =
  | { readonly enabled: true }
  | { readonly enabled: false; readonly reason: SimpleReason }
  /** `snapshots`: the selected snapshots a custom image was created from (ECS: `SnapshotCreatedImage`). */
  | { readonly enabled: false; readonly reason: 'usedByImage'; readonly snapshots: readonly RuledSnapshot[] };

export interface SnapshotRuleContext {
  readonly role: Role;
  /** The region's disks by ID, `undefined` while they load (or when they failed to). */
  readonly disksById: ReadonlyMap<string, DiskSummary> | undefined;
}

const disabled = (reason: SimpleReason): SnapshotActionAvailability => ({ enabled: false, reason });

/** A snapshot a disk can be made of or rolled back to. */
function usableReason(snapshot: RuledSnapshot): SimpleReason | undefined {
  if (snapshot.Status !== 'accomplished') return 'notAccomplished';
  // Older answers leave `Available` out: only an explicit false says no.
  if (snapshot.Available === false) return 'notAvailable';
  return undefined;
}

export function snapshotActionAvailability(
  action: SnapshotAction,
  snapshots: readonly RuledSnapshot[],
  { role, disksById }: SnapshotRuleContext,
): SnapshotActionAvailability {
  if (!hasRole(role, SNAPSHOT_ACTION_ROLES[action])) return disabled('role');
  const [only] = snapshots;
  if (!only) return disabled('noSelection');
  switch (action) {
    case 'delete': {
      // Deleting a progressing snapshot cancels it, which ECS allows; an image's snapshot it refuses.
      const forImages = snapshots.filter(usedByImage);
      return forImages.length > 0 ? { enabled: false, reason: 'usedByImage', snapshots: forImages } : { enabled: true };
    }
    case 'createDisk': {
      if (snapshots.length > 1) return disabled('oneOnly');
      const reason = usableReason(only);
      return reason ? disabled(reason) : { enabled: true };
    }
    case 'rollback': {
      if (snapshots.length > 1) return disabled('oneOnly');
      const reason = usableReason(only);
      if (reason) return disabled(reason);
      if (!disksById) return disabled('disksUnknown');
      const disk = disksById.get(only.SourceDiskId);
      if (!disk) return disabled('sourceDiskGone');
      if (disk.Status !== 'In_use') return disabled('sourceDiskNotAttached');
      return { enabled: true };
    }
  }
}

/** Whether the user may create snapshots at all (which disk can be snapshotted is the picker's). */
export function canCreateSnapshots(role: Role): boolean {
  return hasRole(role, SNAPSHOT_ACTION_ROLES.create);
}
