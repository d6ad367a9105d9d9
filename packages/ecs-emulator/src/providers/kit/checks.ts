import { apiError } from '../../protocol/errors.js';
import type { InstanceRecord } from '../../store/types.js';
import type { RequestParams } from './params.js';

/**
 * Checks many actions share. Each throws the ECS error a real endpoint answers; the order an
 * action calls them in is the order ECS reports problems in.
 */

/** Call once every other check has passed: a DryRun request ends here, as ECS answers it. */
export function stopIfDryRun(params: RequestParams): void {
  if (params.boolean('DryRun')) {
    throw apiError(400, 'DryRunOperation', 'Request validation has been passed with DryRun flag set.');
  }
}

/** An instance locked for security refuses every operation on it. */
export function rejectSecurityLock(
  instance: InstanceRecord,
  message = 'The specified operation is denied as your instance is locked for security reasons.',
): void {
  if (instance.lockReasons.includes('security')) throw apiError(403, 'InstanceLockedForSecurity', message);
}
