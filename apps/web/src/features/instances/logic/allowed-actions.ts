import { hasRole, type InstanceSummary, type Role } from '@ecs-console/contract';
import type { InstanceStatus } from '@ecs-console/ecs-client';

export const INSTANCE_ACTIONS = ['start', 'stop', 'reboot', 'delete'] as const;
export type InstanceAction = (typeof INSTANCE_ACTIONS)[number];

/** What the rules read of an instance. */
export type RuledInstance = Pick<
  InstanceSummary,
  'InstanceId' | 'InstanceName' | 'Status' | 'InstanceChargeType' | 'DeletionProtection' | 'OperationLocks'
>;

/** Why ECS would refuse an action on one instance, and the error it answers then. */
export const REFUSALS = {
  /** LockReason `security`: every operation is refused (`InstanceLockedForSecurity`). */
  securityLock: (instance: RuledInstance) => hasLock(instance, 'security'),
  /**
   * LockReason `financial`, expired or in arrears: no start (`InstanceExpired`), stop or reboot
   * (`InstanceExpiredOrInArrears`); releasing it is still allowed.
   */
  financialLock: (instance: RuledInstance) => hasLock(instance, 'financial'),
  /** A subscription ends with its term, not with DeleteInstance (`ChargeTypeViolation`). */
  subscription: (instance: RuledInstance) => instance.InstanceChargeType === 'PrePaid',
  /** `InvalidOperation.DeletionProtection`. */
  deletionProtection: (instance: RuledInstance) => instance.DeletionProtection,
} as const satisfies Record<string, (instance: RuledInstance) => boolean>;
export type Refusal = keyof typeof REFUSALS;

function hasLock(instance: RuledInstance, reason: string): boolean {
  // ECS sometimes answers an empty container as `{}`.
  return (instance.OperationLocks.LockReason ?? []).some((lock) => lock.LockReason === reason);
}

interface ActionRule {
  /** The least role, as the BFF enforces it. */
  readonly role: Role;
  /** The statuses ECS accepts it in (deleting a Running instance also needs Force, which the dialog asks for). */
  readonly statuses: readonly InstanceStatus[];
  /** What else ECS refuses it for, checked in this order. */
  readonly refusals: readonly Refusal[];
}

/** The instance's one rules table: what each action needs before ECS will accept it. */
export const INSTANCE_ACTION_RULES: Readonly<Record<InstanceAction, ActionRule>> = {
  start: { role: 'operator', statuses: ['Stopped'], refusals: ['securityLock', 'financialLock'] },
  stop: { role: 'operator', statuses: ['Running'], refusals: ['securityLock', 'financialLock'] },
  reboot: { role: 'operator', statuses: ['Running'], refusals: ['securityLock', 'financialLock'] },
  delete: {
    role: 'admin',
    statuses: ['Stopped', 'Running'],
    refusals: ['securityLock', 'deletionProtection', 'subscription'],
  },
};

export type ActionAvailability =
  | { readonly enabled: true }
  | { readonly enabled: false; readonly reason: 'noSelection' | 'role' | 'status' }
  /** `instances`: the selected instances the refusal applies to. */
  | { readonly enabled: false; readonly reason: Refusal; readonly instances: readonly RuledInstance[] };

/**
 * Whether an action can run on the selected instances: the user's role must allow it, and every
 * selected instance must be in a status ECS accepts and free of anything ECS refuses it for, so a
 * batch never half-fails by design.
 */
export function actionAvailability(
  action: InstanceAction,
  instances: readonly RuledInstance[],
  role: Role,
): ActionAvailability {
  const rule = INSTANCE_ACTION_RULES[action];
  if (!hasRole(role, rule.role)) return { enabled: false, reason: 'role' };
  if (instances.length === 0) return { enabled: false, reason: 'noSelection' };
  for (const refusal of rule.refusals) {
    const refused = instances.filter(REFUSALS[refusal]);
    if (refused.length > 0) return { enabled: false, reason: refusal, instances: refused };
  }
  const allowed: readonly string[] = rule.statuses;
  if (!instances.every((instance) => allowed.includes(instance.Status))) return { enabled: false, reason: 'status' };
  return { enabled: true };
}
