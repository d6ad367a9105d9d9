import type { DiskSummary } from '@ecs-console/contract';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitForDiskAvailable } from '@/features/disks/api/create-disk';
import { makeDisk } from './fixtures';

/** Answers the disk list's `?ids=` with each of `states` in turn (undefined: not listed), the last one after. */
function stubDiskStates(states: (DiskSummary['Status'] | undefined)[]) {
  const paths: string[] = [];
  const headers: Headers[] = [];
  let call = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>((input, init) => {
      paths.push(input instanceof Request ? input.url : input.toString());
      headers.push(new Headers(init?.headers));
      const status = states[Math.min(call++, states.length - 1)];
      const disks = status ? [makeDisk({ DiskId: 'd-new', Status: status })] : [];
      return Promise.resolve(
        Response.json({ regionId: 'cn-hangzhou', requestedIds: ['d-new'], fetchedAt: '2026-12-01T00:00Z', disks }),
      );
    }),
  );
  return { paths, headers };
}

/** A clock that moves only when the waiter sleeps, recording each pause. */
function fakeClock() {
  let now = 0;
  const pauses: number[] = [];
  return {
    pauses,
    now: () => now,
    sleep: (ms: number) => {
      pauses.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('waiting for a new disk before attaching it', () => {
  it('polls the disk by ID in the background, sooner at first, until it is Available', async () => {
    const { paths, headers } = stubDiskStates([undefined, 'Creating', 'Creating', 'Available']);
    const clock = fakeClock();
    const wait = await waitForDiskAvailable('cn-hangzhou', 'd-new', clock);
    expect(wait).toMatchObject({ outcome: 'available', disk: { DiskId: 'd-new', Status: 'Available' } });
    expect(clock.pauses).toEqual([1_000, 2_000, 3_000]);
    expect(paths).toEqual(Array(4).fill('/api/regions/cn-hangzhou/disks?ids=d-new'));
    expect(headers.every((header) => header.get('x-console-background') === '1')).toBe(true);
  });

  it('gives up when the disk stays Creating past the timeout', async () => {
    stubDiskStates(['Creating']);
    const clock = fakeClock();
    const wait = await waitForDiskAvailable('cn-hangzhou', 'd-new', { ...clock, timeoutMs: 60_000 });
    expect(wait).toEqual({ outcome: 'stuck', status: 'Creating' });
    expect(clock.now()).toBeGreaterThanOrEqual(60_000);
  });

  it('stops when the disk moves to another state, or is never listed', async () => {
    stubDiskStates(['Creating', 'In_use']);
    expect(await waitForDiskAvailable('cn-hangzhou', 'd-new', fakeClock())).toEqual({
      outcome: 'stuck',
      status: 'In_use',
    });
    stubDiskStates([undefined]);
    expect(await waitForDiskAvailable('cn-hangzhou', 'd-new', fakeClock())).toEqual({ outcome: 'gone' });
  });

  it("throws the list's failure with its code", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(() =>
        Promise.resolve(Response.json({ code: 'Throttling', message: 'slow down', requestId: 'R-1' }, { status: 503 })),
      ),
    );
    await expect(waitForDiskAvailable('cn-hangzhou', 'd-new', fakeClock())).rejects.toMatchObject({
      code: 'Throttling',
      requestId: 'R-1',
    });
  });
});
