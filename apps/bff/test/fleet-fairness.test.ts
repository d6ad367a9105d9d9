import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FairScheduler } from '../src/ecs/fair-scheduler.js';
import { FLEET_PATH, startFleetBed, type FleetBed } from './support/fleet-bed.js';
import { signedInBrowser } from './support/console-harness.js';

/** A task that runs until the test finishes it, and records when it started. */
function controlledTask(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { task: () => (started.push(name), done), finish: () => finish() };
}

describe('FairScheduler', () => {
  it('runs at most its limit at once and serves waiting tenants in turn', async () => {
    const scheduler = new FairScheduler(2);
    const started: string[] = [];
    const listing = Array.from({ length: 6 }, (_, n) => controlledTask(started, `list${n + 1}`));
    const read = controlledTask(started, 'read');
    const listed = listing.map(({ task }) => scheduler.run('listing', task));
    const readDone = scheduler.run('user:vic', read.task);
    expect(started).toEqual(['list1', 'list2']);
    expect(scheduler.waiting).toBe(5);

    listing[0]!.finish();
    await vi.waitFor(() => expect(started).toHaveLength(3));
    listing[1]!.finish();
    await vi.waitFor(() => expect(started).toHaveLength(4));
    // The read waited behind one listing page, not behind the four the listing still had queued.
    expect(started).toEqual(['list1', 'list2', 'list3', 'read']);

    read.finish();
    for (const { finish } of listing) finish();
    await Promise.all([...listed, readDone]);
    expect(started).toHaveLength(7);
    expect(scheduler.running).toBe(0);
  });

  it("passes a failed task's error to its caller and frees its slot", async () => {
    const scheduler = new FairScheduler(1);
    const failing = scheduler.run('a', () => Promise.reject(new Error('refused')));
    const next = scheduler.run('b', () => Promise.resolve('ran'));
    await expect(failing).rejects.toThrow('refused');
    await expect(next).resolves.toBe('ran');
  });
});

describe('fair sharing of the ECS rate between users (emulator with latency)', () => {
  /** 2,000 instances: 20 pages, 16 wanted at once but only 2 ECS calls in flight. */
  let bed: FleetBed;
  beforeAll(async () => {
    bed = await startFleetBed(2000, { CONSOLE_FLEET_CONCURRENCY: '16', CONSOLE_ECS_CONCURRENCY: '2' });
  }, 60_000);
  afterAll(() => bed.close());

  it("another user's single read starts before most of a running listing's remaining pages", async () => {
    await bed.app.users.create('vic', 'viewer-password-1', 'viewer');
    const viewer = await signedInBrowser(bed.app.url, 'vic', 'viewer-password-1');
    bed.emulator.control.setFaults({ latencyMs: 100 });
    try {
      const before = bed.describeCalls();
      const listing = bed.admin.get(FLEET_PATH);
      // The first page told the listing how many follow, and its pages queue.
      await vi.waitFor(() => expect(bed.describeCalls() - before).toBeGreaterThanOrEqual(2), { timeout: 20_000 });
      const read = await viewer.post('/api/ecs/DescribeRegions', {});
      expect(read.status).toBe(200);
      expect((await listing).status).toBe(200);

      const order = bed.emulator.control.recentActions();
      const readAt = order.lastIndexOf('DescribeRegions');
      const pagesAfterRead = order.slice(readAt).filter((action) => action === 'DescribeInstances').length;
      // 20 pages, at least 2 before the read: first come, first served would put it behind the
      // 14 or more queued pages; in turn, it waits for one.
      expect(pagesAfterRead).toBeGreaterThan(10);
    } finally {
      bed.emulator.control.setFaults({ latencyMs: 0 });
    }
  }, 60_000);
});
