import { Router, type Request, type Response } from 'express';
import type { EcsClient } from '@ecs-console/ecs-client';
import { z } from 'zod';
import { callerFor } from '../ecs/fair-client.js';
import { userTenant } from '../ecs/tenant.js';
import { isEcsFailure, sendEcsError, sendError } from '../errors.js';
import { chooseEncoding, COMPRESSION_THRESHOLD_BYTES } from '../http/compression.js';
import {
  describeById,
  encodedBody,
  ifNoneMatchHits,
  listQuery,
  REGION_LIST_KINDS,
  type RegionListKind,
  type SharedListings,
} from '../fleet/index.js';
import { regionId } from '../registry/types.js';

/**
 * `GET /api/regions/:regionId/{instances,disks,snapshots,security-groups}`: every item of that kind in a region,
 * from the listing all staff share (src/fleet), with an ETag so an unchanged region answers 304;
 * `?ids=a,b`: those items straight from ECS (RegionListByIdAnswer), which also patches the shared listing.
 */
export function regionListRoutes({ client, listings }: { client: EcsClient; listings: SharedListings }): Router {
  const router = Router();
  for (const kind of REGION_LIST_KINDS) {
    const query = listQuery(kind);
    router.get(`/:regionId/${kind.path}`, async (request, response) => {
      const region = regionId.safeParse(request.params.regionId);
      if (!region.success) {
        sendError(response, 400, 'InvalidParameter', `regionId: ${z.prettifyError(region.error)}`);
        return;
      }
      const parsed = query.safeParse(request.query);
      if (!parsed.success) {
        sendError(response, 400, 'InvalidParameter', z.prettifyError(parsed.error));
        return;
      }
      try {
        const ids = parsed.data.ids;
        if (ids) await sendByIds(kind, { client, listings }, region.data, ids, response);
        else await sendListing(kind, listings, region.data, request, response);
      } catch (error) {
        if (!isEcsFailure(error)) throw error;
        sendEcsError(response, error);
      }
    });
  }
  return router;
}

async function sendByIds(
  kind: RegionListKind,
  { client, listings }: { client: EcsClient; listings: SharedListings },
  regionId: string,
  ids: readonly string[],
  response: Response,
): Promise<void> {
  const found = await describeById(kind, callerFor(client, userTenant(response)), regionId, ids, listings.concurrency);
  listings.of(kind).learn(regionId, found.entries, ids);
  response
    .type('json')
    .send(
      `{"regionId":${JSON.stringify(regionId)},${JSON.stringify(kind.listKey)}:[${found.entries.map((entry) => entry.json).join(',')}],` +
        `"requestedIds":${JSON.stringify(ids)},"fetchedAt":${JSON.stringify(found.fetchedAt)}}`,
    );
}

async function sendListing(
  kind: RegionListKind,
  listings: SharedListings,
  regionId: string,
  request: Request,
  response: Response,
): Promise<void> {
  // Shared: a browser that goes away does not abort it for the others.
  const listing = await listings.of(kind).get(regionId);
  response.setHeader('etag', listing.etag);
  if (ifNoneMatchHits(request.get('if-none-match'), listing.etag)) {
    response.status(304).end();
    return;
  }
  response.type('json');
  // Compressed once per listing and encoding, not once per request (the compression middleware
  // leaves an answer that already has a Content-Encoding alone).
  const encoding = chooseEncoding(request, ['br', 'gzip']);
  response.vary('Accept-Encoding');
  if ((encoding === 'br' || encoding === 'gzip') && listing.body().length >= COMPRESSION_THRESHOLD_BYTES) {
    const body = await encodedBody(listing, encoding);
    response.setHeader('content-encoding', encoding);
    response.send(body);
    return;
  }
  response.send(listing.body());
}
