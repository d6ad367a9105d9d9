import type { InstanceSummary } from '@ecs-console/contract';
import type { InstanceStatus } from '@ecs-console/ecs-client';
import { countByStatus as countItemsByStatus } from '@/components/resource-list';
import {
  INSTANCE_LIST,
  INSTANCE_TRANSITIONAL_STATUSES,
  refreshIntervalFor as refreshListIntervalFor,
} from '@/lib/region-list';

/** Every status ECS reports for an instance, in the order the console counts and filters them. */
export const INSTANCE_STATUSES = [
  'Pending',
  'Starting',
  'Running',
  'Stopping',
  'Stopped',
] as const satisfies readonly InstanceStatus[];

export type StatusCounts = Record<InstanceStatus, number>;

/** How many instances are in each status; a status ECS adds later is not counted. */
export function countByStatus(instances: readonly { readonly Status: InstanceStatus }[]): StatusCounts {
  return countItemsByStatus(instances, INSTANCE_STATUSES);
}

/** Statuses ECS moves out of by itself within seconds to minutes. */
export function isTransitional(status: string): boolean {
  return INSTANCE_TRANSITIONAL_STATUSES.has(status);
}

export { FAST_REFRESH_MS, SLOW_REFRESH_MS } from '@/lib/region-list';

/** Every 2.5 s while any of the instances changes state, else every 30 s. */
export function refreshIntervalFor(instances: readonly InstanceSummary[] | undefined): number {
  return refreshListIntervalFor(INSTANCE_LIST, instances);
}
