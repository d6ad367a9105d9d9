import type { Store } from '../../store/store.js';
import type { InstanceStatus } from '../../store/types.js';
import type { ActionHandler } from '../kit/context.js';
import { modifyInstanceAttribute } from './attributes.js';
import {
  describeInstanceVncUrl,
  getInstanceConsoleOutput,
  getInstanceScreenshot,
  modifyInstanceVncPasswd,
} from './console.js';
import { deleteInstance } from './delete.js';
import { describeInstances } from './describe.js';
import { beginRunningPeriod, powerOn, rebootInstance, startInstance, stopInstance } from './power.js';
import { describeInstanceStatus } from './status.js';

/**
 * The instance actions (DIGEST §6.1, §7): listing and status, the power state machine
 * (Stopped → Starting → Running → Stopping → Stopped), release, attribute changes, and the
 * console actions (VNC URL and password, screenshot, serial output).
 */

export const instanceHandlers: Readonly<Record<string, ActionHandler>> = {
  DescribeInstances: describeInstances,
  DescribeInstanceStatus: describeInstanceStatus,
  StartInstance: startInstance,
  StopInstance: stopInstance,
  RebootInstance: rebootInstance,
  DeleteInstance: deleteInstance,
  ModifyInstanceAttribute: modifyInstanceAttribute,
  DescribeInstanceVncUrl: describeInstanceVncUrl,
  ModifyInstanceVncPasswd: modifyInstanceVncPasswd,
  GetInstanceScreenshot: getInstanceScreenshot,
  GetInstanceConsoleOutput: getInstanceConsoleOutput,
};

/** Pending → Starting → Running (a new instance), Starting → Running, Stopping → Stopped. */
export function registerInstanceTransitions(store: Store): void {
  store.onTransition('instance', (instance, transition, region, owner) => {
    switch (transition.to) {
      case 'Starting':
        powerOn(owner, region, instance, transition.at);
        break;
      case 'Running':
        instance.Status = 'Running';
        instance.startedAt = transition.at;
        beginRunningPeriod(instance, transition.at);
        break;
      case 'Stopped':
        instance.Status = 'Stopped';
        instance.StoppedMode = instance.pendingStoppedMode ?? 'KeepCharging';
        instance.pendingStoppedMode = undefined;
        break;
      default:
        instance.Status = transition.to as InstanceStatus;
    }
  });
}
