import { z } from 'zod';
import type { RegionListKind } from './kinds.js';

/** A region listing's query: nothing (the whole region), or `ids=a,b` (those items, deduplicated). */
export function listQuery(kind: RegionListKind) {
  const idList = z
    .string()
    .transform((text) => [...new Set(text.split(','))])
    .pipe(
      z
        .array(kind.idSchema)
        .min(1, `name at least one ${kind.noun} ID`)
        .max(kind.idsMax, `at most ${kind.idsMax} ${kind.noun} IDs`),
    );
  return z.strictObject({ ids: idList.optional() });
}
