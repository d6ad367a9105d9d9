// @vitest-environment happy-dom
// TanStack Query runs refetch intervals only where there is a window.
import type { FleetAnswer, InstanceSummary } from '@ecs-console/contract';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fleetQueryKey, fleetQueryOptions, refreshFleetInstances } from '@/features/instances/api/fleet';
import { FAST_REFRESH_MS, SLOW_REFRESH_MS } from '@/features/instances/logic/status';
import { markUserRequest } from '@/lib/background-fetch';
import { fakeRegionList } from './fake-region-list';
import { makeInstance } from './fixtures';

const REGION = 'cn-hangzhou';

/** The region's instances, served as the BFF would. */
const fakeRegion = (initial: InstanceSummary[]) =>
  fakeRegionList<InstanceSummary>('instances', (instance) => instance.InstanceId, initial);

describe('incremental refresh of the instance list', () => {
  let client: QueryClient;
  let observer: QueryObserver<FleetAnswer, Error, FleetAnswer, FleetAnswer, ReturnType<typeof fleetQueryKey>>;
  let unsubscribe: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.mount();
  });

  afterEach(() => {
    unsubscribe();
    client.unmount();
    client.clear();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const observe = () => {
    observer = new QueryObserver(client, fleetQueryOptions(REGION));
    unsubscribe = observer.subscribe(() => {});
  };
  const loaded = () => vi.waitFor(() => expect(observer.getCurrentResult().isSuccess).toBe(true));
  const data = () => client.getQueryData<FleetAnswer>(fleetQueryKey(REGION))!;
  const statuses = () => data().instances.map((instance) => `${instance.InstanceId}:${instance.Status}`);

  const running = makeInstance({ InstanceId: 'i-a', Status: 'Running' });
  const stopping = makeInstance({ InstanceId: 'i-b', Status: 'Stopping' });
  const stopped = { ...stopping, Status: 'Stopped' as const };

  it('polls only the instances in transition, merges them, and refreshes the whole list conditionally', async () => {
    const region = fakeRegion([running, stopping]);
    observe();
    await loaded();
    expect(region.requests()[0]).toEqual({ ids: null, ifNoneMatch: null, background: false });

    // 2.5 s later: only the stopping instance, as a background request.
    await vi.advanceTimersByTimeAsync(FAST_REFRESH_MS);
    expect(region.requests()[1]).toEqual({ ids: 'i-b', ifNoneMatch: null, background: true });
    expect(statuses()).toEqual(['i-a:Running', 'i-b:Stopping']);

    const unchanged = data().instances[0];
    region.set([running, stopped]);
    await vi.advanceTimersByTimeAsync(FAST_REFRESH_MS);
    expect(region.requests()[2]).toMatchObject({ ids: 'i-b' });
    expect(statuses()).toEqual(['i-a:Running', 'i-b:Stopped']);
    expect(data().instances[0]).toBe(unchanged);

    // Nothing in transition: the next fetch is the periodic whole one, sent with the list's version.
    const before = region.requests().length;
    await vi.advanceTimersByTimeAsync(SLOW_REFRESH_MS);
    expect(region.requests().slice(before)).toEqual([{ ids: null, ifNoneMatch: '"v1"', background: true }]);
    // The BFF's list is newer than v1, so it came whole.
    expect(data().version).toBe('v2');

    // Unchanged: 304, the same list is kept and counts as fresh.
    const kept = data();
    const updatedAt = observer.getCurrentResult().dataUpdatedAt;
    await vi.advanceTimersByTimeAsync(SLOW_REFRESH_MS);
    expect(region.requests().at(-1)).toEqual({ ids: null, ifNoneMatch: '"v2"', background: true });
    expect(data()).toBe(kept);
    expect(observer.getCurrentResult().dataUpdatedAt).toBeGreaterThan(updatedAt);
    expect(observer.getCurrentResult().isError).toBe(false);
  });

  it('still refreshes the whole list every 30 s while instances stay in transition', async () => {
    const region = fakeRegion([running, stopping]);
    observe();
    await loaded();
    await vi.advanceTimersByTimeAsync(SLOW_REFRESH_MS);
    const whole = region.requests().filter((request) => request.ids === null);
    const polls = region.requests().filter((request) => request.ids !== null);
    expect(whole).toEqual([
      { ids: null, ifNoneMatch: null, background: false },
      { ids: null, ifNoneMatch: '"v1"', background: true },
    ]);
    expect(polls.length).toBeGreaterThanOrEqual(10);
  });

  it("makes the user's Refresh and an action's invalidation whole refreshes, the Refresh as the user's", async () => {
    const region = fakeRegion([running, stopping]);
    observe();
    await loaded();

    markUserRequest(client, fleetQueryKey(REGION));
    await observer.refetch();
    expect(region.requests()[1]).toEqual({ ids: null, ifNoneMatch: '"v1"', background: false });

    region.set([running, stopped]);
    await client.invalidateQueries({ queryKey: fleetQueryKey(REGION) });
    expect(region.requests()[2]).toEqual({ ids: null, ifNoneMatch: '"v1"', background: true });
    expect(statuses()).toEqual(['i-a:Running', 'i-b:Stopped']);
  });

  it('after an action asks only for the instances it acted on, then polls them while they change', async () => {
    const region = fakeRegion([running, stopped]);
    observe();
    await loaded();
    const untouched = data().instances[0];

    // The console started i-b: ECS now says Starting.
    region.set([running, { ...stopped, Status: 'Starting' }]);
    await refreshFleetInstances(client, REGION, ['i-b']);
    expect(region.requests().slice(1)).toEqual([{ ids: 'i-b', ifNoneMatch: null, background: false }]);
    expect(statuses()).toEqual(['i-a:Running', 'i-b:Starting']);
    expect(data().instances[0]).toBe(untouched);

    // Starting is a transition: the list now polls i-b alone until it settles.
    region.set([running, { ...stopped, Status: 'Running' }]);
    await vi.advanceTimersByTimeAsync(FAST_REFRESH_MS);
    expect(region.requests().at(-1)).toEqual({ ids: 'i-b', ifNoneMatch: null, background: true });
    expect(statuses()).toEqual(['i-a:Running', 'i-b:Running']);
    expect(region.requests().filter((request) => request.ids === null)).toHaveLength(1);
  });

  it('refreshes the whole list after an action when it has none yet or the request by ID fails', async () => {
    const region = fakeRegion([running]);
    await refreshFleetInstances(client, REGION, ['i-a']);
    expect(region.requests()).toEqual([]);

    observe();
    await loaded();
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('network down')));
    const invalidated = vi.spyOn(client, 'invalidateQueries');
    await refreshFleetInstances(client, REGION, ['i-a']);
    expect(invalidated).toHaveBeenCalledWith({ queryKey: fleetQueryKey(REGION) });
  });

  it('asks for at most 100 IDs per request and drops instances that are gone', async () => {
    const many = Array.from({ length: 150 }, (_, i) =>
      makeInstance({ InstanceId: `i-${String(i).padStart(3, '0')}`, Status: 'Starting' }),
    );
    const region = fakeRegion(many);
    observe();
    await loaded();
    region.set(many.slice(1));
    await vi.advanceTimersByTimeAsync(FAST_REFRESH_MS);
    const polls = region.requests().slice(1);
    expect(polls.map((request) => request.ids?.split(',').length)).toEqual([100, 50]);
    expect(polls.every((request) => request.background)).toBe(true);
    expect(data().instances).toHaveLength(149);
    expect(data().instances[0]?.InstanceId).toBe('i-001');
  });
});
