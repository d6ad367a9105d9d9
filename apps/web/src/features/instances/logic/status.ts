import type { InstanceStatus } from '@ecs-console/ecs-client';

/** Every status ECS reports for an instance, in the order the console counts and filters them. */
export const INSTANCE_STATUSES = [
  'Pending',
  'Starting',
  'Running',
  'Stopping',
  'Stopped',
] as const satisfies readonly InstanceStatus[];

export type StatusCounts = Record<InstanceStatus, number>;

export function countByStatus(instances: readonly { readonly Status: InstanceStatus }[]): StatusCounts {
  const counts = Object.fromEntries(INSTANCE_STATUSES.map((status) => [status, 0])) as StatusCounts;
  for (const { Status } of instances) {
    // A status ECS adds later is simply not counted rather than breaking the header.
    if (Object.hasOwn(counts, Status)) counts[Status] += 1;
  }
  return counts;
}

const TRANSITIONAL: ReadonlySet<string> = new Set<InstanceStatus>(['Pending', 'Starting', 'Stopping']);

/** Statuses ECS moves out of by itself within seconds to minutes. */
export function isTransitional(status: string): boolean {
  return TRANSITIONAL.has(status);
}

/** While anything is changing state the list follows it closely; otherwise a slow background refresh. */
export const FAST_REFRESH_MS = 2_500;
export const SLOW_REFRESH_MS = 30_000;

export function refreshIntervalFor(instances: readonly { readonly Status: string }[] | undefined): number {
  return instances?.some((instance) => isTransitional(instance.Status)) ? FAST_REFRESH_MS : SLOW_REFRESH_MS;
}
