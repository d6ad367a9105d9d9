import { setMaxListeners } from 'node:events';
import type { EcsClient, Instance } from '@ecs-console/ecs-client';
import { FleetSnapshot, snapshotEntry, type SnapshotEntry } from './snapshot.js';
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
export async function listRegion(client: EcsClient, regionId: string, concurrency: number): Promise<FleetSnapshot> {
  const fetchedAt = new Date().toISOString();
  const controller = new AbortController();
  const { signal } = controller;
  // Every page in flight listens for the abort; that is expected, not a leak.
  setMaxListeners(2 * concurrency + 8, signal);
  const fetchPage = async (pageNumber: number): Promise<{ entries: SnapshotEntry[]; totalCount: number }> => {
    const page = await client.call(
      'DescribeInstances',
      { RegionId: regionId, PageNumber: pageNumber, PageSize: PAGE_SIZE },
      { signal },
    );
    return {
      entries: page.Instances.Instance.map((instance: Instance) => snapshotEntry(summarise(instance))),
      totalCount: page.TotalCount,
    };
  };

  const first = await fetchPage(1);
  const pageCount = Math.ceil(first.totalCount / PAGE_SIZE);
  const pages: SnapshotEntry[][] = [first.entries];
  if (pageCount > 1 && first.entries.length === PAGE_SIZE) {
    let nextPage = 2;
    const worker = async (): Promise<void> => {
      while (nextPage <= pageCount && !signal.aborted) {
        const pageNumber = nextPage++;
        pages[pageNumber - 1] = (await fetchPage(pageNumber)).entries;
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
  return new FleetSnapshot(regionId, withoutRepeats(pages.flat()), fetchedAt);
}

/**
 * Instances created or deleted while the pages were read shift the pages by number, so an
 * instance can appear on two of them: keep its first appearance.
 */
function withoutRepeats(entries: SnapshotEntry[]): SnapshotEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => !seen.has(entry.id) && (seen.add(entry.id), true));
}

/** The first real failure, not the aborts it caused in the other workers. */
function firstRootCause(results: PromiseSettledResult<void>[]): PromiseRejectedResult | undefined {
  const failures = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
  return failures.find((result) => (result.reason as { kind?: unknown }).kind !== 'aborted') ?? failures[0];
}
