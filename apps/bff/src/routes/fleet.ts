import { Router } from 'express';
import { listAll, type EcsClient } from '@ecs-console/ecs-client';
import { z } from 'zod';
import { isEcsFailure, sendEcsError, sendError } from '../errors.js';
import { regionId } from '../registry/types.js';

/**
 * `GET /api/regions/:regionId/instances`: every instance of a region in one answer. The first
 * page says how many there are; the rest are fetched concurrently, so 10,000 instances (100 pages)
 * arrive in about a second even when each ECS call takes 50 ms.
 */
export function fleetRoutes({ client, concurrency }: { client: EcsClient; concurrency: number }): Router {
  const router = Router();
  router.get('/:regionId/instances', async (request, response) => {
    const region = regionId.safeParse(request.params.regionId);
    if (!region.success) {
      sendError(response, 400, 'InvalidParameter', `regionId: ${z.prettifyError(region.error)}`);
      return;
    }
    try {
      const instances = await listAll(client, 'DescribeInstances', { RegionId: region.data }, { concurrency });
      response.json({
        regionId: region.data,
        instances,
        totalCount: instances.length,
        pages: Math.max(1, Math.ceil(instances.length / 100)),
        fetchedAt: new Date().toISOString(),
      });
    } catch (error) {
      if (!isEcsFailure(error)) throw error;
      sendEcsError(response, error);
    }
  });
  return router;
}
