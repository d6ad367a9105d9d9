import { FLEET_IDS_MAX } from '@ecs-console/contract';
import { z } from 'zod';
import { instanceId } from '../registry/types.js';

const idList = z
  .string()
  .transform((text) => [...new Set(text.split(','))])
  .pipe(
    z
      .array(instanceId)
      .min(1, 'name at least one instance ID')
      .max(FLEET_IDS_MAX, `at most ${FLEET_IDS_MAX} instance IDs`),
  );

/** The region listing's query: nothing (the whole region), or `ids=i-1,i-2` (those instances, deduplicated). */
export const FleetQuery = z.strictObject({ ids: idList.optional() });
