// @vitest-environment happy-dom
// TanStack Query runs refetch intervals only where there is a window.
import type { DiskListAnswer, DiskSummary, SnapshotSummary } from '@ecs-console/contract';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DISK_LIST,
  FAST_REFRESH_MS,
  refreshRegionListItems,
  regionListQueryKey,
  regionListQueryOptions,
  SLOW_REFRESH_MS,
  SNAPSHOT_LIST,
} from '@/lib/region-list';
import { fakeRegionList as fakeRegion } from './fake-region-list';
import { makeDisk, makeSnapshot } from './fixtures';

const REGION = 'cn-hangzhou';

describe('the generic region list, on disks and snapshots', () => {
  let client: QueryClient;
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

  const diskData = () => client.getQueryData<DiskListAnswer>(regionListQueryKey(DISK_LIST, REGION))!;
  const diskStatuses = () => diskData().disks.map((disk) => `${disk.DiskId}:${disk.Status}`);

  async function observeDisks() {
    const observer = new QueryObserver(client, regionListQueryOptions(DISK_LIST, REGION));
    unsubscribe = observer.subscribe(() => {});
    await vi.waitFor(() => expect(observer.getCurrentResult().isSuccess).toBe(true));
    return observer;
  }

  const attached = makeDisk({ DiskId: 'd-a', Status: 'In_use' });
  const attaching = makeDisk({ DiskId: 'd-b', Status: 'Attaching', InstanceId: '', Device: '' });

  it('polls only the disks in transition, then keeps the list on a 304', async () => {
    const region = fakeRegion<DiskSummary>('disks', (disk) => disk.DiskId, [attached, attaching]);
    const observer = await observeDisks();
    expect(region.requests()).toEqual([{ ids: null, ifNoneMatch: null, background: false }]);
    const unchanged = diskData().disks[0];

    region.set([attached, { ...attaching, Status: 'In_use', Device: '/dev/xvdc' }]);
    await vi.advanceTimersByTimeAsync(FAST_REFRESH_MS);
    expect(region.requests()[1]).toEqual({ ids: 'd-b', ifNoneMatch: null, background: true });
    expect(diskStatuses()).toEqual(['d-a:In_use', 'd-b:In_use']);
    expect(diskData().disks[0]).toBe(unchanged);

    // Settled: the next fetch is the whole list, conditional on v1; the BFF has v2 so it comes whole.
    await vi.advanceTimersByTimeAsync(SLOW_REFRESH_MS);
    expect(region.requests().at(-1)).toEqual({ ids: null, ifNoneMatch: '"v1"', background: true });
    expect(diskData().version).toBe('v2');

    // Unchanged since: 304, and the same answer object stays (rows are not rebuilt).
    const kept = diskData();
    const updatedAt = observer.getCurrentResult().dataUpdatedAt;
    await vi.advanceTimersByTimeAsync(SLOW_REFRESH_MS);
    expect(region.requests().at(-1)).toEqual({ ids: null, ifNoneMatch: '"v2"', background: true });
    expect(diskData()).toBe(kept);
    expect(observer.getCurrentResult().dataUpdatedAt).toBeGreaterThan(updatedAt);
  });

  it('after an action asks only for the disks it acted on and follows them while they change', async () => {
    const available = makeDisk({ DiskId: 'd-b', Status: 'Available', InstanceId: '', Device: '' });
    const region = fakeRegion<DiskSummary>('disks', (disk) => disk.DiskId, [attached, available]);
    await observeDisks();

    region.set([attached, { ...available, Status: 'Attaching' }]);
    await refreshRegionListItems(client, DISK_LIST, REGION, ['d-b']);
    expect(region.requests().slice(1)).toEqual([{ ids: 'd-b', ifNoneMatch: null, background: false }]);
    expect(diskStatuses()).toEqual(['d-a:In_use', 'd-b:Attaching']);

    region.set([attached, { ...available, Status: 'In_use' }]);
    await vi.advanceTimersByTimeAsync(FAST_REFRESH_MS);
    expect(region.requests().at(-1)).toEqual({ ids: 'd-b', ifNoneMatch: null, background: true });
    expect(diskStatuses()).toEqual(['d-a:In_use', 'd-b:In_use']);
    expect(region.requests().filter((request) => request.ids === null)).toHaveLength(1);
  });

  it('shows a disk the console just created as soon as it is asked for by ID, then follows it', async () => {
    const region = fakeRegion<DiskSummary>('disks', (disk) => disk.DiskId, [attached]);
    await observeDisks();
    const created = makeDisk({ DiskId: 'd-new', Status: 'Creating', InstanceId: '', Device: '' });
    region.set([attached, created]);
    await refreshRegionListItems(client, DISK_LIST, REGION, ['d-new']);
    expect(diskStatuses()).toEqual(['d-a:In_use', 'd-new:Creating']);
    expect(diskData().totalCount).toBe(2);

    region.set([attached, { ...created, Status: 'Available' }]);
    await vi.advanceTimersByTimeAsync(FAST_REFRESH_MS);
    expect(region.requests().at(-1)).toEqual({ ids: 'd-new', ifNoneMatch: null, background: true });
    expect(diskStatuses()).toEqual(['d-a:In_use', 'd-new:Available']);
  });

  it('keeps a snapshot just taken when a listing that began before it lands afterwards', async () => {
    const done = makeSnapshot({ SnapshotId: 's-a' });
    const region = fakeRegion<SnapshotSummary>('snapshots', (snapshot) => snapshot.SnapshotId, [done]);
    const observer = new QueryObserver(client, regionListQueryOptions(SNAPSHOT_LIST, REGION));
    unsubscribe = observer.subscribe(() => {});
    await vi.waitFor(() => expect(observer.getCurrentResult().isSuccess).toBe(true));
    const ids = () => observer.getCurrentResult().data?.snapshots.map((snapshot) => snapshot.SnapshotId);

    // The periodic refresh reads the region, and is slow to answer; meanwhile a snapshot is taken.
    const release = region.holdNext('listing');
    await vi.advanceTimersByTimeAsync(SLOW_REFRESH_MS);
    expect(observer.getCurrentResult().isFetching).toBe(true);
    // A small one, done at once: nothing is polled by ID, only whole listings follow.
    const taken = makeSnapshot({ SnapshotId: 's-new' });
    region.set([done, taken]);
    await refreshRegionListItems(client, SNAPSHOT_LIST, REGION, ['s-new']);
    expect(ids()).toEqual(['s-a', 's-new']);

    release();
    await vi.waitFor(() => expect(observer.getCurrentResult().isFetching).toBe(false));
    expect(ids()).toEqual(['s-a', 's-new']);
    expect(observer.getCurrentResult().data?.totalCount).toBe(2);

    // A listing that began after the snapshot was asked for answers for itself (it was deleted).
    region.set([done]);
    await vi.advanceTimersByTimeAsync(SLOW_REFRESH_MS);
    await vi.waitFor(() => expect(observer.getCurrentResult().isFetching).toBe(false));
    expect(region.requests().filter((request) => request.ids === null)).toHaveLength(3);
    expect(ids()).toEqual(['s-a']);
  });

  it('keeps a snapshot whose answer arrives while a poll of progressing ones is in flight', async () => {
    const progressing = makeSnapshot({ SnapshotId: 's-b', Status: 'progressing', Progress: '40%' });
    const region = fakeRegion<SnapshotSummary>('snapshots', (snapshot) => snapshot.SnapshotId, [progressing]);
    const observer = new QueryObserver(client, regionListQueryOptions(SNAPSHOT_LIST, REGION));
    unsubscribe = observer.subscribe(() => {});
    await vi.waitFor(() => expect(observer.getCurrentResult().isSuccess).toBe(true));
    const ids = () => observer.getCurrentResult().data?.snapshots.map((snapshot) => snapshot.SnapshotId);

    // The action's request by ID is asked first and answers late; the poll starts from the list without it.
    const taken = makeSnapshot({ SnapshotId: 's-new', Status: 'progressing', Progress: '0%' });
    region.set([progressing, taken]);
    const answerAction = region.holdNext('ids');
    const action = refreshRegionListItems(client, SNAPSHOT_LIST, REGION, ['s-new']);
    const answerPoll = region.holdNext('ids');
    await vi.advanceTimersByTimeAsync(FAST_REFRESH_MS);
    expect(region.requests().map((request) => request.ids)).toEqual([null, 's-new', 's-b']);

    answerAction();
    await action;
    expect(ids()).toEqual(['s-b', 's-new']);
    answerPoll();
    await vi.waitFor(() => expect(observer.getCurrentResult().isFetching).toBe(false));
    expect(ids()).toEqual(['s-b', 's-new']);
  });

  it('drops a deleted disk it asked for, and invalidates the list when the request by ID fails', async () => {
    const region = fakeRegion<DiskSummary>('disks', (disk) => disk.DiskId, [attached, attaching]);
    await observeDisks();
    region.set([attached]);
    await refreshRegionListItems(client, DISK_LIST, REGION, ['d-b']);
    expect(diskStatuses()).toEqual(['d-a:In_use']);
    expect(diskData().totalCount).toBe(1);

    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('network down')));
    const invalidated = vi.spyOn(client, 'invalidateQueries');
    await refreshRegionListItems(client, DISK_LIST, REGION, ['d-a']);
    expect(invalidated).toHaveBeenCalledWith({ queryKey: regionListQueryKey(DISK_LIST, REGION) });
  });

  it('polls progressing snapshots by SnapshotId until they are done', async () => {
    const done = makeSnapshot({ SnapshotId: 's-a' });
    const progressing = makeSnapshot({ SnapshotId: 's-b', Status: 'progressing', Progress: '40%' });
    const region = fakeRegion<SnapshotSummary>('snapshots', (snapshot) => snapshot.SnapshotId, [done, progressing]);
    const observer = new QueryObserver(client, regionListQueryOptions(SNAPSHOT_LIST, REGION));
    unsubscribe = observer.subscribe(() => {});
    await vi.waitFor(() => expect(observer.getCurrentResult().isSuccess).toBe(true));

    region.set([done, { ...progressing, Status: 'accomplished', Progress: '100%' }]);
    await vi.advanceTimersByTimeAsync(FAST_REFRESH_MS);
    expect(region.requests()[1]).toEqual({ ids: 's-b', ifNoneMatch: null, background: true });
    expect(observer.getCurrentResult().data?.snapshots.map((snapshot) => snapshot.Progress)).toEqual(['100%', '100%']);
    // Nothing progressing any more: no further polling by ID, only the slow whole refresh.
    await vi.advanceTimersByTimeAsync(SLOW_REFRESH_MS);
    expect(region.requests().filter((request) => request.ids !== null)).toHaveLength(1);
    expect(region.requests().at(-1)).toMatchObject({ ids: null, ifNoneMatch: '"v1"' });
  });
});
