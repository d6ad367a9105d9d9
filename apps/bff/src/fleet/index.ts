import type { EcsClient } from '@ecs-console/ecs-client';
import { callerFor } from '../ecs/fair-client.js';
import { listingTenant } from '../ecs/tenant.js';
import { REGION_LIST_KINDS, type RegionListKind } from './kinds.js';
import { listRegion } from './list-region.js';
import { RegionListings } from './region-listings.js';

export { describeById } from './by-id.js';
export { encodedBody } from './encoded-body.js';
export { ifNoneMatchHits } from './etag.js';
export { listQuery } from './ids-query.js';
export { REGION_LIST_KINDS, type RegionListKind } from './kinds.js';

/** The shared listings of every kind (instances, disks, snapshots, security groups), one RegionListings each. */
export class SharedListings {
  readonly #byKind: ReadonlyMap<RegionListKind, RegionListings>;

  constructor(
    byKind: ReadonlyMap<RegionListKind, RegionListings>,
    /** ECS calls one listing (or one `?ids=` answer) has in flight at most. */
    readonly concurrency: number,
  ) {
    this.#byKind = byKind;
  }

  of(kind: RegionListKind): RegionListings {
    const listings = this.#byKind.get(kind);
    if (!listings) throw new Error(`no shared listings of ${kind.path}`);
    return listings;
  }

  /**
   * The console wrote to the region: every kind's listing of it ends. A disk write changes disks
   * and the snapshots' Usage, a join changes an instance's groups and the group's EcsCount; a
   * snapshot write changes no disk field the list shows, but telling
   * writes apart by kind is not worth the mistakes it invites: one more listing after a write is cheap.
   */
  invalidate(regionId: string): void {
    for (const listings of this.#byKind.values()) listings.invalidate(regionId);
  }

  invalidateAll(): void {
    for (const listings of this.#byKind.values()) listings.invalidateAll();
  }
}

/**
 * The console's shared region listings. A listing's ECS calls are their own tenant of the fair
 * scheduler, not the user who happened to ask first: it serves everyone, and one user's
 * disconnect or turn must not be its.
 */
export function sharedRegionListings({
  client,
  concurrency,
  cacheSeconds,
}: {
  client: EcsClient;
  concurrency: number;
  cacheSeconds: number;
}): SharedListings {
  return new SharedListings(
    new Map(
      REGION_LIST_KINDS.map((kind) => [
        kind,
        new RegionListings({
          list: (regionId) =>
            listRegion(kind, callerFor(client, listingTenant(regionId, kind.path)), regionId, concurrency),
          cacheMs: cacheSeconds * 1000,
        }),
      ]),
    ),
    concurrency,
  );
}
