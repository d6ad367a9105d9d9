import { recordBoot, recordShutdown } from '../../console/screen.js';
import type { Store } from '../../store/store.js';
import type { InstanceRecord, RegionState } from '../../store/types.js';
import type { ActionHandler } from '../kit/context.js';
import { rejectSecurityLock, stopIfDryRun } from '../kit/checks.js';
import { FORCE_STOP_MS, RUNNING_HISTORY_MS, START_MS, STOP_MS } from './limits.js';
import { namedInstance, rejectFinancialLock, requireStatus } from './lookup.js';

// The power state machine -------------------------------------------------------------------------

/** Power on (StartInstance, RebootInstance, or a new instance leaving Pending): Starting, then Running. */
export function powerOn(store: Store, region: RegionState, instance: InstanceRecord, at: number): void {
  instance.Status = 'Starting';
  instance.StoppedMode = 'Not-applicable';
  instance.everStarted = true;
  recordBoot(instance, at);
  store.setTransition('instance', region.region.RegionId, instance, { to: 'Running', at: at + START_MS });
}

/** Monitoring shows data only while the instance runs, so the running periods are kept. */
export function beginRunningPeriod(instance: InstanceRecord, at: number): void {
  instance.runningPeriods = instance.runningPeriods.filter((period) => (period.to ?? at) >= at - RUNNING_HISTORY_MS);
  instance.runningPeriods.push({ from: at, to: undefined });
}

function endRunningPeriod(instance: InstanceRecord, at: number): void {
  const current = instance.runningPeriods.at(-1);
  if (current && current.to === undefined) current.to = at;
}

export const startInstance: ActionHandler = (context) => {
  const { region, instance } = namedInstance(context);
  // Accepted for compatibility: no emulated instance type has local disks to initialise.
  context.params.boolean('InitLocalDisk');
  rejectSecurityLock(instance);
  rejectFinancialLock(instance, 'InstanceExpired');
  requireStatus(instance, ['Stopped'], 'StartInstance');
  stopIfDryRun(context.params);
  powerOn(context.store, region, instance, context.now);
  return {};
};

export const stopInstance: ActionHandler = (context) => {
  const { region, instance } = namedInstance(context);
  const { params } = context;
  const forceStop = params.boolean('ForceStop') ?? false;
  const requestedMode = params.oneOf('StoppedMode', ['StopCharging', 'KeepCharging']) ?? 'KeepCharging';
  // Accepted for compatibility: no local-storage family needs confirming, and hibernation stops normally.
  params.boolean('ConfirmStop');
  params.boolean('Hibernate');
  rejectSecurityLock(instance);
  rejectFinancialLock(instance, 'InstanceExpiredOrInArrears');
  requireStatus(instance, ['Running'], 'StopInstance');
  stopIfDryRun(context.params);
  instance.Status = 'Stopping';
  // Only pay-as-you-go VPC instances can stop charging; others silently stop normally (every instance here is VPC).
  instance.pendingStoppedMode = instance.InstanceChargeType === 'PostPaid' ? requestedMode : 'KeepCharging';
  recordShutdown(instance, context.now);
  endRunningPeriod(instance, context.now);
  const duration = forceStop ? FORCE_STOP_MS : STOP_MS;
  context.store.setTransition('instance', region.region.RegionId, instance, {
    to: 'Stopped',
    at: context.now + duration,
  });
  return {};
};

export const rebootInstance: ActionHandler = (context) => {
  const { region, instance } = namedInstance(context);
  // A forced reboot skips the OS shutdown; either way the OS boots afresh, so it only needs validating.
  context.params.boolean('ForceStop');
  rejectSecurityLock(instance);
  rejectFinancialLock(instance, 'InstanceExpiredOrInArrears');
  requireStatus(instance, ['Running'], 'RebootInstance');
  stopIfDryRun(context.params);
  endRunningPeriod(instance, context.now);
  powerOn(context.store, region, instance, context.now);
  return {};
};
