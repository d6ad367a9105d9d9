import { listPages, type EcsClient } from '@ecs-console/ecs-client';
import type { RegionListKind } from './kinds.js';
import { chunkOf, Listing, type Chunk } from './listing.js';

/**
 * Every item of one kind in a region, fetched as ecs-client's listPages fetches pages (the first
 * says how many follow; the rest `concurrency` at a time). Each page is summarised, serialised and
 * hashed as it arrives, while the others are still on the wire, so little is left to do after the last.
 */
export async function listRegion(
  kind: RegionListKind,
  call: EcsClient['call'],
  regionId: string,
  concurrency: number,
): Promise<Listing> {
  const fetchedAt = new Date().toISOString();
  const pages = await listPages(
    { call },
    kind.action,
    { RegionId: regionId },
    (page) => chunkOf(kind.entriesOf(page)),
    {
      concurrency,
    },
  );
  return new Listing(regionId, kind.key, withoutRepeats(pages), fetchedAt);
}

/**
 * Items created or deleted while the pages were read shift the pages by number, so an item can
 * appear on two of them: keep its first appearance (the rare page that repeats one is joined again).
 */
function withoutRepeats(pages: readonly Chunk[]): Chunk[] {
  const seen = new Set<string>();
  return pages.map((page) => {
    const fresh = page.entries.filter((entry) => !seen.has(entry.id));
    for (const entry of fresh) seen.add(entry.id);
    return fresh.length === page.entries.length ? page : chunkOf(fresh);
  });
}
