import type { ActionHandler } from '../kit/context.js';
import { createSnapshotAction } from './create.js';
import { deleteSnapshot } from './delete.js';
import { describeSnapshots } from './describe.js';

export const snapshotHandlers: Readonly<Record<string, ActionHandler>> = {
  CreateSnapshot: createSnapshotAction,
  DescribeSnapshots: describeSnapshots,
  DeleteSnapshot: deleteSnapshot,
};
export { registerSnapshotTransitions } from './lifecycle.js';
