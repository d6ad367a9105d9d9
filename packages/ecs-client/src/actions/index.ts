import type { PaginationSpec } from './define.js';
import { regionActions } from './regions.js';
import { instanceActions } from './instances.js';
import { diskActions } from './disks.js';
import { snapshotActions } from './snapshots.js';
import { securityGroupActions } from './security-groups.js';
import { tagActions } from './tags.js';
import { monitoringActions } from './monitoring.js';

export * from './define.js';
export * from './regions.js';
export * from './instances.js';
export * from './disks.js';
export * from './snapshots.js';
export * from './security-groups.js';
export * from './tags.js';
export * from './monitoring.js';

/** Every ECS action the console uses, with its typed request, response and calling rules. */
export const ecsActions = {
  ...regionActions,
  ...instanceActions,
  ...diskActions,
  ...snapshotActions,
  ...securityGroupActions,
  ...tagActions,
  ...monitoringActions,
};

export type EcsActions = typeof ecsActions;
export type EcsActionName = keyof EcsActions;

type TypesOf<A extends EcsActionName> = NonNullable<EcsActions[A]['types']>;
export type ActionRequest<A extends EcsActionName> = TypesOf<A>['request'];
export type ActionResponse<A extends EcsActionName> = TypesOf<A>['response'];

/** Actions that can be walked page by page. */
export type PaginatedActionName = {
  [A in EcsActionName]: EcsActions[A] extends { readonly pagination: PaginationSpec<never> } ? A : never;
}[EcsActionName];

/** The element type of a paginated action's list (e.g. `Instance` for DescribeInstances). */
export type ActionItem<A extends PaginatedActionName> = EcsActions[A] extends {
  readonly pagination: { readonly items: (response: never) => readonly (infer Item)[] };
}
  ? Item
  : never;

export function isKnownAction(action: string): action is EcsActionName {
  return Object.hasOwn(ecsActions, action);
}
