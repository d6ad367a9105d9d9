import type { EcsClient } from '@ecs-console/ecs-client';
import { callerFor } from '../ecs/fair-client.js';
import { listingTenant } from '../ecs/tenant.js';
import { listRegion } from './list-region.js';
import { RegionListings } from './region-listings.js';

export { describeInstancesById } from './instances-by-id.js';
export { encodedBody } from './encoded-body.js';
export { ifNoneMatchHits } from './etag.js';
export { FleetQuery } from './ids-query.js';
export { RegionListings } from './region-listings.js';

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
}): RegionListings {
  return new RegionListings({
    list: (regionId) => listRegion(callerFor(client, listingTenant(regionId)), regionId, concurrency),
    cacheMs: cacheSeconds * 1000,
  });
}
