import { apiError, incorrectStatus, notFound } from '../../protocol/errors.js';
import type { InstanceRecord, InstanceStatus, RegionState } from '../../store/types.js';
import { regionOfResource, requireRegion, type ActionContext } from '../kit/context.js';

// Finding the instance and the checks every action shares ------------------------------------------

interface Located {
  readonly region: RegionState;
  readonly instance: InstanceRecord;
}

/** For actions that take InstanceId without a required RegionId (StartInstance, ...). */
export function namedInstance(context: ActionContext): Located {
  const id = context.params.requiredString('InstanceId');
  const region = regionOfResource(context, id);
  const instance = region?.instances.get(id);
  if (!region || !instance) throw notFound('InvalidInstanceId.NotFound', 'InstanceId', id);
  return { region, instance };
}

/** For actions whose RegionId is required: the instance must be in that region. */
export function instanceInRegion(context: ActionContext, missing: (id: string) => Error): Located {
  const region = requireRegion(context);
  const id = context.params.requiredString('InstanceId');
  const instance = region.instances.get(id);
  if (!instance) throw missing(id);
  return { region, instance };
}

export const instanceNotFound = (id: string) => notFound('InvalidInstanceId.NotFound', 'InstanceId', id);

/** GetInstanceScreenshot and GetInstanceConsoleOutput document an unknown ID as 404 InvalidParameter. */
export const invalidInstanceParameter = (id: string) =>
  apiError(404, 'InvalidParameter', `The specified parameter "InstanceId" (${id}) is not valid.`);

/** An expired or overdue instance carries the `financial` lock; each action names the error its own way. */
export function rejectFinancialLock(
  instance: InstanceRecord,
  code: 'InstanceExpired' | 'InstanceExpiredOrInArrears',
): void {
  if (instance.lockReasons.includes('financial')) {
    throw apiError(403, code, 'The specified operation is denied as your instance is expired or in arrears.');
  }
}

export function requireStatus(instance: InstanceRecord, allowed: readonly InstanceStatus[], action: string): void {
  if (!allowed.includes(instance.Status)) {
    throw incorrectStatus('IncorrectInstanceStatus', 'instance', instance.Status, action);
  }
}
