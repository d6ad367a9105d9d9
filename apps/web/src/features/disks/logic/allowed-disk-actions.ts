import { hasRole, type DiskSummary, type InstanceSummary, type Role } from '@ecs-console/contract';
import type { DiskStatus, InstanceStatus } from '@ecs-console/ecs-client';

export const DISK_ACTIONS = [
  'attach',
  'detach',
  'resize',
  'modify',
  'reinit',
  'reset',
  'createSnapshot',
  'delete',
] as const;
export type DiskAction = (typeof DISK_ACTIONS)[number];

/** What the rules read of a disk. */
export type RuledDisk = Pick<
  DiskSummary,
  | 'DiskId'
  | 'DiskName'
  | 'Status'
  | 'Type'
  | 'InstanceId'
  | 'Portable'
  | 'DiskChargeType'
  | 'OperationLocks'
  | 'AttachedTime'
  | 'DetachedTime'
>;

/** What the rules read of the instance a disk is attached to. */
export type RuledInstance = Pick<
  InstanceSummary,
  'InstanceId' | 'InstanceName' | 'Status' | 'OperationLocks' | 'StartTime'
>;

export interface DiskRuleContext {
  readonly role: Role;
  /** The region's instances, to read the state of the one a disk is attached to. */
  readonly instancesById: ReadonlyMap<string, RuledInstance>;
  /** Disks with a snapshot being taken, when known: ECS refuses some actions until it is done. */
  readonly snapshotInProgress?: ReadonlySet<string>;
}

/** One disk as a refusal sees it: the disk and, when it is attached, its instance (if known). */
interface RuledTarget {
  readonly disk: RuledDisk;
  readonly instance: RuledInstance | undefined;
}

function diskHasLock(disk: RuledDisk, reason: string): boolean {
  // ECS sometimes answers an empty container as `{}`.
  return (disk.OperationLocks.OperationLock ?? []).some((lock) => lock.LockReason === reason);
}

function instanceHasLock(instance: RuledInstance | undefined, reason: string): boolean {
  return (instance?.OperationLocks.LockReason ?? []).some((lock) => lock.LockReason === reason);
}

/** The disk's attached instance matters only while the disk is on it. */
function isAttached(disk: RuledDisk): boolean {
  return disk.Status === 'In_use' && disk.InstanceId !== '';
}

/** Why ECS would refuse an action on one disk, and the error it answers then. */
const REFUSALS = {
  /** Disk locked for security: `OperationDenied`. */
  diskSecurityLock: ({ disk }: RuledTarget) => diskHasLock(disk, 'security'),
  /** Disk locked for arrears: `DiskInArrears`. */
  diskFinancialLock: ({ disk }: RuledTarget) => diskHasLock(disk, 'financial'),
  /** The attached instance is locked for security: `InstanceLockedForSecurity`. */
  instanceSecurityLock: ({ disk, instance }: RuledTarget) => isAttached(disk) && instanceHasLock(instance, 'security'),
  /** The attached instance has expired or is in arrears: `InstanceExpiredOrInArrears`. */
  instanceFinancialLock: ({ disk, instance }: RuledTarget) =>
    isAttached(disk) && instanceHasLock(instance, 'financial'),
  /**
   * The attached instance has never run (no StartTime): ECS neither re-initialises its disks
   * (`IncorrectInstanceStatus`) nor snapshots them (`IncorrectDiskStatus.NeverUsed`).
   */
  instanceNeverStarted: ({ disk, instance }: RuledTarget) =>
    isAttached(disk) && instance !== undefined && !instance.StartTime,
  /** A system disk stays with its instance: `DiskTypeViolation`. */
  systemDisk: ({ disk }: RuledTarget) => disk.Type === 'system',
  /** A subscription disk ends with its term (or its instance's), not with DeleteDisk. */
  subscription: ({ disk }: RuledTarget) => disk.DiskChargeType === 'PrePaid',
  /** A non-portable disk goes with its instance: `DiskNotPortable`. */
  notPortable: ({ disk }: RuledTarget) => !disk.Portable,
  /** An Available disk that was never attached has no data to snapshot: `IncorrectDiskStatus.NeverAttached`. */
  neverAttached: ({ disk }: RuledTarget) => disk.Status === 'Available' && !disk.AttachedTime && !disk.DetachedTime,
} as const satisfies Record<string, (target: RuledTarget) => boolean>;

/**
 * The refusals an action can meet: those above, the disk's status (`IncorrectDiskStatus`), a
 * snapshot being taken (`DiskCreatingSnapshot`), and the attached instance's status
 * (`IncorrectInstanceStatus`), or its state not yet known.
 */
export type DiskRefusal =
  | keyof typeof REFUSALS
  | 'status'
  | 'snapshotInProgress'
  | 'instanceUnknown'
  | 'instanceMustBeStopped'
  | 'instanceMustBeRunningOrStopped';

/** The refusals a rule lists; the status and instance checks follow from its other fields. */
type ListedRefusal = keyof typeof REFUSALS | 'snapshotInProgress';

interface DiskActionRule {
  /** The least role, as the BFF enforces it. */
  readonly role: Role;
  /** Whether it runs on several disks at once; otherwise it needs exactly one. */
  readonly batch: boolean;
  /** The disk statuses ECS accepts it in. */
  readonly statuses: readonly DiskStatus[];
  /** For a disk In_use: the statuses its instance must be in (unset: the instance does not matter). */
  readonly instanceStatuses?: readonly InstanceStatus[];
  /** What else ECS refuses it for, checked in this order before the status. */
  readonly refusals: readonly ListedRefusal[];
}

const LOCKS = ['diskSecurityLock', 'diskFinancialLock'] as const;
const INSTANCE_LOCKS = ['instanceSecurityLock', 'instanceFinancialLock'] as const;

/**
 * The disk's one rules table: what each action needs before ECS will accept it (DIGEST §6.2 and the
 * actions; the emulator enforces the same). Reset of an Available disk is allowed, as the SDK and
 * the emulator allow it; on a disk In_use, reset and re-initialise need the instance Stopped.
 */
export const DISK_ACTION_RULES: Readonly<Record<DiskAction, DiskActionRule>> = {
  attach: { role: 'admin', batch: false, statuses: ['Available'], refusals: [...LOCKS, 'notPortable'] },
  detach: {
    role: 'admin',
    batch: true,
    statuses: ['In_use'],
    instanceStatuses: ['Running', 'Stopped'],
    refusals: ['systemDisk', 'notPortable', ...INSTANCE_LOCKS],
  },
  resize: {
    role: 'admin',
    batch: false,
    statuses: ['In_use', 'Available'],
    instanceStatuses: ['Running', 'Stopped'],
    refusals: [...LOCKS, ...INSTANCE_LOCKS, 'snapshotInProgress'],
  },
  modify: {
    role: 'admin',
    batch: false,
    statuses: ['In_use', 'Available', 'Attaching', 'Detaching', 'ReIniting', 'Creating'],
    refusals: [],
  },
  reinit: {
    role: 'admin',
    batch: false,
    statuses: ['In_use'],
    instanceStatuses: ['Stopped'],
    refusals: [...LOCKS, ...INSTANCE_LOCKS, 'instanceNeverStarted', 'snapshotInProgress'],
  },
  reset: {
    role: 'admin',
    batch: false,
    statuses: ['In_use', 'Available'],
    instanceStatuses: ['Stopped'],
    refusals: [...LOCKS, ...INSTANCE_LOCKS],
  },
  createSnapshot: {
    role: 'operator',
    batch: false,
    statuses: ['In_use', 'Available'],
    instanceStatuses: ['Running', 'Stopped'],
    refusals: [...LOCKS, ...INSTANCE_LOCKS, 'instanceNeverStarted', 'snapshotInProgress', 'neverAttached'],
  },
  delete: {
    role: 'admin',
    batch: true,
    statuses: ['Available'],
    refusals: ['systemDisk', 'subscription', 'notPortable', ...LOCKS, 'snapshotInProgress'],
  },
};

export type DiskActionAvailability =
  | { readonly enabled: true }
  | { readonly enabled: false; readonly reason: 'noSelection' | 'role' | 'single' }
  /**
   * `disks`: the selected disks the refusal applies to; `allowed`: the statuses that would do (of
   * the disk, or of its instance); `instances`: for an instance's refusal, the instances at fault.
   */
  | {
      readonly enabled: false;
      readonly reason: DiskRefusal;
      readonly disks: readonly RuledDisk[];
      readonly allowed?: readonly string[];
      readonly instances?: readonly RuledInstance[];
    };

function refuses(refusal: ListedRefusal, target: RuledTarget, context: DiskRuleContext): boolean {
  if (refusal === 'snapshotInProgress') return context.snapshotInProgress?.has(target.disk.DiskId) ?? false;
  return REFUSALS[refusal](target);
}

/** The instance check a disk fails, if any, for a rule that cares about the instance. */
function instanceRefusal(rule: DiskActionRule, { disk, instance }: RuledTarget): DiskRefusal | undefined {
  const allowed = rule.instanceStatuses;
  if (!allowed || !isAttached(disk)) return undefined;
  if (!instance) return 'instanceUnknown';
  if (allowed.includes(instance.Status)) return undefined;
  return allowed.length === 1 && allowed[0] === 'Stopped' ? 'instanceMustBeStopped' : 'instanceMustBeRunningOrStopped';
}

/** The instances of some targets, each once. */
function instancesOf(targets: readonly RuledTarget[]): RuledInstance[] {
  const byId = new Map<string, RuledInstance>();
  for (const { instance } of targets) if (instance) byId.set(instance.InstanceId, instance);
  return [...byId.values()];
}

/**
 * Whether an action can run on the selected disks: the user's role must allow it, a single-disk
 * action needs exactly one, and every disk must be free of what ECS refuses it for, in a status ECS
 * accepts, on an instance in a status ECS accepts, so a batch never half-fails by design.
 */
export function diskActionAvailability(
  action: DiskAction,
  disks: readonly RuledDisk[],
  context: DiskRuleContext,
): DiskActionAvailability {
  const rule = DISK_ACTION_RULES[action];
  if (!hasRole(context.role, rule.role)) return { enabled: false, reason: 'role' };
  if (disks.length === 0) return { enabled: false, reason: 'noSelection' };
  if (!rule.batch && disks.length > 1) return { enabled: false, reason: 'single' };
  const targets = disks.map((disk) => ({
    disk,
    instance: isAttached(disk) ? context.instancesById.get(disk.InstanceId) : undefined,
  }));
  for (const refusal of rule.refusals) {
    const refused = targets.filter((target) => refuses(refusal, target, context));
    if (refused.length > 0) {
      return {
        enabled: false,
        reason: refusal,
        disks: refused.map(({ disk }) => disk),
        instances: instancesOf(refused),
      };
    }
  }
  const wrongStatus = disks.filter((disk) => !rule.statuses.includes(disk.Status));
  if (wrongStatus.length > 0) {
    return { enabled: false, reason: 'status', disks: wrongStatus, allowed: rule.statuses };
  }
  for (const target of targets) {
    const refusal = instanceRefusal(rule, target);
    if (refusal) {
      const refused = targets.filter((other) => instanceRefusal(rule, other) === refusal);
      return {
        enabled: false,
        reason: refusal,
        disks: refused.map(({ disk }) => disk),
        allowed: rule.instanceStatuses,
        instances: instancesOf(refused),
      };
    }
  }
  return { enabled: true };
}

export type DiskActionStates = Readonly<Record<DiskAction, DiskActionAvailability>>;

/** Every action's availability for the selected disks, as the header's buttons and menu show them. */
export function diskActionStates(disks: readonly RuledDisk[], context: DiskRuleContext): DiskActionStates {
  return Object.fromEntries(
    DISK_ACTIONS.map((action) => [action, diskActionAvailability(action, disks, context)]),
  ) as Record<DiskAction, DiskActionAvailability>;
}

/**
 * Whether a disk can grow without a restart (ResizeDisk Type=online): a category that supports it,
 * on a Running instance (`InvalidInstanceStatus.NotRunning` otherwise). An Available disk grows offline.
 */
export function canResizeOnline(
  disk: Pick<DiskSummary, 'Status' | 'Category'>,
  instance: Pick<InstanceSummary, 'Status'> | undefined,
  onlineCategories: ReadonlySet<string>,
): boolean {
  return disk.Status === 'In_use' && instance?.Status === 'Running' && onlineCategories.has(disk.Category);
}
