import type { DiskSummary } from '@ecs-console/contract';
import type { EcsCallParams } from '@/lib/api-client';

/** The attributes ModifyDiskAttribute changes; an unset one stays as it is. */
export interface DiskAttributeChanges {
  readonly DiskName?: string;
  readonly Description?: string;
  readonly DeleteWithInstance?: boolean;
  readonly DeleteAutoSnapshot?: boolean;
  readonly EnableAutoSnapshot?: boolean;
}

/** What the user chose in a disk action's dialog (create, resize and snapshot are forms of their own). */
export type DiskActionRequest =
  | { readonly action: 'attach'; readonly instanceId: string; readonly deleteWithInstance: boolean }
  | { readonly action: 'detach' }
  | { readonly action: 'modify'; readonly changes: DiskAttributeChanges }
  | { readonly action: 'reinit'; readonly autoStartInstance: boolean }
  | { readonly action: 'reset'; readonly snapshotId: string }
  | { readonly action: 'delete' };

export type DiskActionName = DiskActionRequest['action'];

const ECS_ACTION_NAMES = {
  attach: 'AttachDisk',
  detach: 'DetachDisk',
  modify: 'ModifyDiskAttribute',
  reinit: 'ReInitDisk',
  reset: 'ResetDisk',
  delete: 'DeleteDisk',
} as const satisfies Record<DiskActionName, string>;

type EcsDiskActionName = (typeof ECS_ACTION_NAMES)[keyof typeof ECS_ACTION_NAMES];

/** One ECS call, its parameters typed by its action. */
export type DiskEcsCall = {
  [A in EcsDiskActionName]: { readonly action: A; readonly params: EcsCallParams<A> };
}[EcsDiskActionName];

/** What a call reads of the disk it acts on. */
export type TargetDisk = Pick<DiskSummary, 'RegionId' | 'DiskId' | 'InstanceId'>;

/**
 * The ECS call for one disk. Most of these actions take no RegionId: the BFF uses it as the
 * endpoint. Detach names the instance the disk is on (ECS refuses any other with DependencyViolation).
 */
export function diskEcsCallFor(request: DiskActionRequest, disk: TargetDisk): DiskEcsCall {
  const target = { RegionId: disk.RegionId, DiskId: disk.DiskId };
  switch (request.action) {
    case 'attach':
      return {
        action: ECS_ACTION_NAMES.attach,
        params: { ...target, InstanceId: request.instanceId, DeleteWithInstance: request.deleteWithInstance },
      };
    case 'detach':
      return { action: ECS_ACTION_NAMES.detach, params: { ...target, InstanceId: disk.InstanceId } };
    case 'modify':
      return { action: ECS_ACTION_NAMES.modify, params: { ...target, ...request.changes } };
    case 'reinit':
      return { action: ECS_ACTION_NAMES.reinit, params: { ...target, AutoStartInstance: request.autoStartInstance } };
    case 'reset':
      return { action: ECS_ACTION_NAMES.reset, params: { ...target, SnapshotId: request.snapshotId } };
    case 'delete':
      return { action: ECS_ACTION_NAMES.delete, params: target };
  }
}

/** How messages name a disk: its ID, and its name when it has one. */
export function diskLabel(disk: { readonly DiskId: string; readonly DiskName?: string }): string {
  return disk.DiskName ? `${disk.DiskId} (${disk.DiskName})` : disk.DiskId;
}
