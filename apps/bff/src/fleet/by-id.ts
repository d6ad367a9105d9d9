import type { EcsClient } from '@ecs-console/ecs-client';
import type { RegionListKind } from './kinds.js';
import type { ListingEntry } from './listing.js';

export interface ItemsById {
  /** In ECS's order, as the answer's JSON and digest (to patch the cached listing). */
  readonly entries: readonly ListingEntry[];
  readonly fetchedAt: string;
}

/** Some items' current state, straight from ECS in one call (the Describe actions take up to 100 IDs). */
export async function describeById(
  kind: RegionListKind,
  call: EcsClient['call'],
  regionId: string,
  ids: readonly string[],
): Promise<ItemsById> {
  const fetchedAt = new Date().toISOString();
  const answer = await call(kind.action, { RegionId: regionId, [kind.idsParam]: [...ids], PageSize: 100 });
  return { entries: kind.entriesOf(answer), fetchedAt };
}
