import type { EcsClient } from '@ecs-console/ecs-client';
import type { RegionListKind } from './kinds.js';
import { listRegion } from './list-region.js';
import type { ListingEntry } from './listing.js';

export interface ItemsById {
  /** In ECS's order, as the answer's JSON and digest (to patch the cached listing). */
  readonly entries: readonly ListingEntry[];
  readonly fetchedAt: string;
}

/**
 * Some items' current state, straight from ECS: the Describe actions take up to 100 IDs, on as many
 * pages as the action's page size needs (DescribeSecurityGroups: 50), summarised as a listing
 * summarises them (with the same per-item calls, within `concurrency`).
 */
export async function describeById(
  kind: RegionListKind,
  call: EcsClient['call'],
  regionId: string,
  ids: readonly string[],
  concurrency: number,
): Promise<ItemsById> {
  const listing = await listRegion(kind, call, regionId, concurrency, { [kind.idsParam]: [...ids] });
  return { entries: listing.chunks.flatMap((chunk) => chunk.entries), fetchedAt: listing.fetchedAt };
}
