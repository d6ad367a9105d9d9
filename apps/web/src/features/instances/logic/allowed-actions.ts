import { hasRole, type Role } from '@ecs-console/contract';
import type { InstanceStatus } from '@ecs-console/ecs-client';

export const INSTANCE_ACTIONS = ['start', 'stop', 'reboot', 'delete'] as const;
export type InstanceAction = (typeof INSTANCE_ACTIONS)[number];

/** The least role for each action, as the BFF enforces it. */
const ACTION_REQUIRED_ROLE: Record<InstanceAction, Role> = {
  start: 'operator',
  stop: 'operator',
  reboot: 'operator',
  delete: 'admin',
};

/**
 * The statuses ECS accepts each action in. Deleting a Running instance also needs `Force`, which
 * the delete dialog asks for.
 */
const ACTION_ALLOWED_STATUSES: Record<InstanceAction, readonly InstanceStatus[]> = {
  start: ['Stopped'],
  stop: ['Running'],
  reboot: ['Running'],
  delete: ['Stopped', 'Running'],
};

export type ActionAvailability =
  { readonly enabled: true } | { readonly enabled: false; readonly reason: 'noSelection' | 'role' | 'status' };

/**
 * Whether an action can run on the selected instances: the user's role must allow it and every
 * selected instance must be in a status ECS accepts, so a batch never half-fails by design.
 */
export function actionAvailability(
  action: InstanceAction,
  statuses: readonly string[],
  role: Role,
): ActionAvailability {
  if (!hasRole(role, ACTION_REQUIRED_ROLE[action])) return { enabled: false, reason: 'role' };
  if (statuses.length === 0) return { enabled: false, reason: 'noSelection' };
  const allowed: readonly string[] = ACTION_ALLOWED_STATUSES[action];
  if (!statuses.every((status) => allowed.includes(status))) return { enabled: false, reason: 'status' };
  return { enabled: true };
}
