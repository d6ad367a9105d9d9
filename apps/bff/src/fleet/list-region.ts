import { listPages, type EcsClient } from '@ecs-console/ecs-client';
import { chunkOf, FleetSnapshot, snapshotEntry, type Chunk } from './snapshot.js';
import { summarise } from './summarise.js';

/**
 * Every instance of a region, fetched as ecs-client's listPages fetches pages (the first says how
 * many follow; the rest `concurrency` at a time). Each page is summarised, serialised and hashed
 * as it arrives, while the others are still on the wire, so little is left to do after the last.
 */
export async function listRegion(
  call: EcsClient['call'],
  regionId: string,
  concurrency: number,
): Promise<FleetSnapshot> {
  const fetchedAt = new Date().toISOString();
  const pages = await listPages(
    { call },
    'DescribeInstances',
    { RegionId: regionId },
    (page) => chunkOf(page.Instances.Instance.map((instance) => snapshotEntry(summarise(instance)))),
    { concurrency },
  );
  return new FleetSnapshot(regionId, withoutRepeats(pages), fetchedAt);
}

/**
 * Instances created or deleted while the pages were read shift the pages by number, so an
 * instance can appear on two of them: keep its first appearance (the rare page that repeats one
 * is joined again).
 */
function withoutRepeats(pages: readonly Chunk[]): Chunk[] {
  const seen = new Set<string>();
  return pages.map((page) => {
    const fresh = page.entries.filter((entry) => !seen.has(entry.id));
    for (const entry of fresh) seen.add(entry.id);
    return fresh.length === page.entries.length ? page : chunkOf(fresh);
  });
}
