import { setMaxListeners } from 'node:events';
import { listPages, type EcsClient } from '@ecs-console/ecs-client';
import type { RegionListKind } from './kinds.js';
import { limitedCalls } from './limited-call.js';
import { chunkOf, Listing, type Chunk } from './listing.js';

/**
 * Every item of one kind in a region, fetched as ecs-client's listPages fetches pages (the first
 * says how many follow; the rest `concurrency` at a time). Each page is summarised, serialised and
 * hashed as it arrives, while the others are still on the wire, so little is left to do after the
 * last. A kind whose summaries need more calls per item makes them then too, within the same
 * `concurrency`; the first failure of a page or of an item's call fails the listing and stops the rest.
 */
export async function listRegion(
  kind: RegionListKind,
  call: EcsClient['call'],
  regionId: string,
  concurrency: number,
  /** Narrows the listing (`?ids=`: the Describe action's IDs parameter). */
  filter: Record<string, unknown> = {},
): Promise<Listing> {
  const fetchedAt = new Date().toISOString();
  const limited = limitedCalls(call, concurrency);
  const controller = new AbortController();
  // Every call in flight (at most `concurrency`) listens for the abort; that is expected, not a leak.
  setMaxListeners(2 * concurrency + 8, controller.signal);
  const calls = { call: limited.items, regionId, signal: controller.signal };
  let itemFailure: { error: unknown } | undefined;
  let pages: Promise<Chunk[]>[];
  try {
    pages = await listPages(
      { call: limited.pages },
      kind.action,
      { ...filter, RegionId: regionId },
      (page) => {
        const chunks = kind.chunksOf(page, calls);
        // Handled at once (not only when every page is in): an item's failure stops the pages still to come.
        chunks.catch((error: unknown) => {
          itemFailure ??= { error };
          controller.abort();
        });
        return chunks;
      },
      { concurrency, signal: controller.signal },
    );
  } catch (error) {
    controller.abort();
    throw itemFailure ? itemFailure.error : error;
  }
  let chunks: Chunk[];
  try {
    chunks = (await Promise.all(pages)).flat();
  } catch (error) {
    throw itemFailure ? itemFailure.error : error;
  }
  return new Listing(regionId, kind.listKey, withoutRepeats(chunks), fetchedAt);
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
