import { setMaxListeners } from 'node:events';
import type { EcsClient, Instance } from '@ecs-console/ecs-client';
import { chunkOf, FleetSnapshot, snapshotEntry, type Chunk } from './snapshot.js';
import { summarise } from './summarise.js';

/** DescribeInstances' largest page. */
const PAGE_SIZE = 100;

/**
 * Every instance of a region: the first page says how many pages follow; the rest are fetched
 * `concurrency` at a time. Each page is summarised, serialised and hashed as it arrives, while the
 * others are still on the wire, so little is left to do after the last one. (ecs-client's listAll
 * does the same fetching but hands back only the whole list at the end.) The first failure stops
 * the remaining pages and is thrown.
 */
export async function listRegion(
  call: EcsClient['call'],
  regionId: string,
  concurrency: number,
): Promise<FleetSnapshot> {
  const fetchedAt = new Date().toISOString();
  const controller = new AbortController();
  const { signal } = controller;
  // Every page in flight listens for the abort; that is expected, not a leak.
  setMaxListeners(2 * concurrency + 8, signal);
  const fetchPage = async (pageNumber: number): Promise<{ chunk: Chunk; totalCount: number }> => {
    const page = await call(
      'DescribeInstances',
      { RegionId: regionId, PageNumber: pageNumber, PageSize: PAGE_SIZE },
      { signal },
    );
    const entries = page.Instances.Instance.map((instance: Instance) => snapshotEntry(summarise(instance)));
    return { chunk: chunkOf(entries), totalCount: page.TotalCount };
  };

  const first = await fetchPage(1);
  const pageCount = Math.ceil(first.totalCount / PAGE_SIZE);
  const pages: Chunk[] = [first.chunk];
  if (pageCount > 1 && first.chunk.entries.length === PAGE_SIZE) {
    let nextPage = 2;
    const worker = async (): Promise<void> => {
      while (nextPage <= pageCount && !signal.aborted) {
        const pageNumber = nextPage++;
        pages[pageNumber - 1] = (await fetchPage(pageNumber)).chunk;
      }
    };
    const workers = Array.from({ length: Math.min(concurrency, pageCount - 1) }, () =>
      worker().catch((error: unknown) => {
        controller.abort();
        throw error;
      }),
    );
    const results = await Promise.allSettled(workers);
    const failure = firstRootCause(results);
    if (failure) throw failure.reason;
  }
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

/** The first real failure, not the aborts it caused in the other workers. */
function firstRootCause(results: PromiseSettledResult<void>[]): PromiseRejectedResult | undefined {
  const failures = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
  return failures.find((result) => (result.reason as { kind?: unknown }).kind !== 'aborted') ?? failures[0];
}
