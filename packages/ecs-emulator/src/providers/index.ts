import type { Store } from '../store/store.js';
import type { ActionHandler } from './kit/context.js';
import { regionHandlers } from './regions.js';
import { instanceHandlers, registerInstanceTransitions } from './instances/index.js';
import { monitoringHandlers } from './monitoring.js';
import { diskHandlers, registerDiskTransitions } from './disks/index.js';
import { snapshotHandlers, registerSnapshotTransitions } from './snapshots/index.js';
import { securityGroupHandlers } from './security-groups/index.js';
import { tagHandlers } from './tags.js';

/** Every action the emulator answers, by name. Anything else is `InvalidAction.NotFound`. */
export const actionHandlers: Readonly<Record<string, ActionHandler>> = {
  ...regionHandlers,
  ...instanceHandlers,
  ...monitoringHandlers,
  ...diskHandlers,
  ...snapshotHandlers,
  ...securityGroupHandlers,
  ...tagHandlers,
};

/** Teaches the store how each resource's timed transitions play out. */
export function registerTransitions(store: Store): void {
  registerInstanceTransitions(store);
  registerDiskTransitions(store);
  registerSnapshotTransitions(store);
}
