import { Router } from 'express';
import type { EcsClient } from '@ecs-console/ecs-client';
import { z } from 'zod';
import { callerFor } from '../ecs/fair-client.js';
import { userTenant } from '../ecs/tenant.js';
import { isEcsFailure, sendEcsError, sendError } from '../errors.js';
import { chooseEncoding, COMPRESSION_THRESHOLD_BYTES } from '../http/compression.js';
import {
  describeInstancesById,
  encodedBody,
  FleetQuery,
  ifNoneMatchHits,
  type RegionListings,
} from '../fleet/index.js';
import { regionId } from '../registry/types.js';

/**
 * `GET /api/regions/:regionId/instances`: every instance of a region, from the listing all staff
 * share (src/fleet), with an ETag so an unchanged region answers 304; `?ids=i-1,i-2`: those
 * instances straight from ECS (FleetInstancesAnswer), which also patches the shared listing.
 */
export function fleetRoutes({ client, listings }: { client: EcsClient; listings: RegionListings }): Router {
  const router = Router();
  router.get('/:regionId/instances', async (request, response) => {
    const region = regionId.safeParse(request.params.regionId);
    if (!region.success) {
      sendError(response, 400, 'InvalidParameter', `regionId: ${z.prettifyError(region.error)}`);
      return;
    }
    const query = FleetQuery.safeParse(request.query);
    if (!query.success) {
      sendError(response, 400, 'InvalidParameter', z.prettifyError(query.error));
      return;
    }
    try {
      const ids = query.data.ids;
      if (ids) {
        const found = await describeInstancesById(callerFor(client, userTenant(response)), region.data, ids);
        listings.learn(region.data, found.entries, ids);
        response
          .type('json')
          .send(
            `{"regionId":${JSON.stringify(region.data)},"instances":[${found.entries.map((entry) => entry.json).join(',')}],` +
              `"requestedIds":${JSON.stringify(ids)},"fetchedAt":${JSON.stringify(found.fetchedAt)}}`,
          );
        return;
      }
      // Shared: a browser that goes away does not abort it for the others.
      const snapshot = await listings.get(region.data);
      response.setHeader('etag', snapshot.etag);
      if (ifNoneMatchHits(request.get('if-none-match'), snapshot.etag)) {
        response.status(304).end();
        return;
      }
      response.type('json');
      // Compressed once per listing and encoding, not once per request (the compression
      // middleware leaves an answer that already has a Content-Encoding alone).
      const encoding = chooseEncoding(request, ['br', 'gzip']);
      response.vary('Accept-Encoding');
      if ((encoding === 'br' || encoding === 'gzip') && snapshot.body().length >= COMPRESSION_THRESHOLD_BYTES) {
        const body = await encodedBody(snapshot, encoding);
        response.setHeader('content-encoding', encoding);
        response.send(body);
        return;
      }
      response.send(snapshot.body());
    } catch (error) {
      if (!isEcsFailure(error)) throw error;
      sendEcsError(response, error);
    }
  });
  return router;
}
