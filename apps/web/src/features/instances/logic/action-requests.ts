import type { EcsCallParams } from '@/lib/api-client';

/** What the user chose in an action's dialog. */
export type ActionRequest =
  | { readonly action: 'start' }
  | { readonly action: 'stop'; readonly forceStop: boolean; readonly stoppedMode: 'KeepCharging' | 'StopCharging' }
  | { readonly action: 'reboot'; readonly forceStop: boolean }
  | { readonly action: 'delete'; readonly force: boolean };

const ECS_ACTION_NAMES = {
  start: 'StartInstance',
  stop: 'StopInstance',
  reboot: 'RebootInstance',
  delete: 'DeleteInstance',
} as const;

type InstanceActionName = (typeof ECS_ACTION_NAMES)[keyof typeof ECS_ACTION_NAMES];

/** One ECS call, its parameters typed by its action. */
export type EcsCall = {
  [A in InstanceActionName]: { readonly action: A; readonly params: EcsCallParams<A> };
}[InstanceActionName];

/** The ECS call for one instance. These actions take no RegionId: the BFF uses it as the endpoint. */
export function ecsCallFor(request: ActionRequest, instance: { RegionId: string; InstanceId: string }): EcsCall {
  const target = { RegionId: instance.RegionId, InstanceId: instance.InstanceId };
  switch (request.action) {
    case 'start':
      return { action: ECS_ACTION_NAMES.start, params: target };
    case 'stop':
      return {
        action: ECS_ACTION_NAMES.stop,
        params: { ...target, ForceStop: request.forceStop, StoppedMode: request.stoppedMode },
      };
    case 'reboot':
      return { action: ECS_ACTION_NAMES.reboot, params: { ...target, ForceStop: request.forceStop } };
    case 'delete':
      return { action: ECS_ACTION_NAMES.delete, params: { ...target, Force: request.force } };
  }
}

/** How messages name an instance: its ID, and its name when it has one. */
export function instanceLabel(instance: { readonly InstanceId: string; readonly InstanceName?: string }): string {
  return instance.InstanceName ? `${instance.InstanceId} (${instance.InstanceName})` : instance.InstanceId;
}
