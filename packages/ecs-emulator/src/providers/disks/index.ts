import type { ActionHandler } from '../kit/context.js';
import { attachDisk } from './attach.js';
import { modifyDiskAttribute } from './attributes.js';
import { createDiskAction } from './create.js';
import { deleteDisk } from './delete.js';
import { detachDisk } from './detach.js';
import { reInitDisk } from './reinit.js';
import { describeDisks } from './describe.js';
import { resetDisk } from './reset.js';
import { resizeDisk } from './resize.js';

export const diskHandlers: Readonly<Record<string, ActionHandler>> = {
  DescribeDisks: describeDisks,
  CreateDisk: createDiskAction,
  AttachDisk: attachDisk,
  DetachDisk: detachDisk,
  ResizeDisk: resizeDisk,
  DeleteDisk: deleteDisk,
  ModifyDiskAttribute: modifyDiskAttribute,
  ResetDisk: resetDisk,
  ReInitDisk: reInitDisk,
};

export { registerDiskTransitions } from './transitions.js';
