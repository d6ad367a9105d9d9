import type { DiskListAnswer, FleetAnswer, FleetInstancesAnswer, InstanceSummary } from '@ecs-console/contract';
import { describe, expect, it } from 'vitest';
import {
  chunkIds,
  DISK_LIST,
  INSTANCE_LIST,
  mergeRegionListItems,
  SNAPSHOT_LIST,
  transitionalIds,
} from '@/lib/region-list';
import { makeDisk, makeInstance, makeSnapshot } from './fixtures';

const mergeFleetInstances = (fleet: FleetAnswer, partials: FleetInstancesAnswer[]) =>
  mergeRegionListItems(INSTANCE_LIST, fleet, partials);

const fleetOf = (instances: InstanceSummary[]): FleetAnswer => ({
  regionId: 'cn-hangzhou',
  instances,
  totalCount: instances.length,
  pages: 1,
  fetchedAt: '2026-11-30T10:00:00Z',
  version: 'v1',
});
const partial = (requestedIds: string[], instances: InstanceSummary[]): FleetInstancesAnswer => ({
  regionId: 'cn-hangzhou',
  instances,
  requestedIds,
  fetchedAt: '2026-11-30T10:00:05Z',
});

const a = makeInstance({ InstanceId: 'i-a', Status: 'Running' });
const b = makeInstance({ InstanceId: 'i-b', Status: 'Stopping' });
const c = makeInstance({ InstanceId: 'i-c', Status: 'Starting' });
const d = makeInstance({ InstanceId: 'i-d', Status: 'Pending' });

describe('instances in transition', () => {
  it('are those starting, stopping or pending, in list order', () => {
    expect(
      transitionalIds(INSTANCE_LIST, [a, b, c, d, makeInstance({ InstanceId: 'i-e', Status: 'Stopped' })]),
    ).toEqual(['i-b', 'i-c', 'i-d']);
  });

  it('are asked for in requests of at most 100 IDs', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `i-${i}`);
    const chunks = chunkIds(ids);
    expect(chunks.map((chunk) => chunk.length)).toEqual([100, 100, 50]);
    expect(chunks.flat()).toEqual(ids);
    expect(chunkIds([])).toEqual([]);
  });
});

describe('merging polled instances into the list', () => {
  it('replaces the changed ones in place and keeps the others (same objects)', () => {
    const fleet = fleetOf([a, b, c]);
    const stopped = { ...b, Status: 'Stopped' as const };
    const merged = mergeFleetInstances(fleet, [partial(['i-b', 'i-c'], [c, stopped])]);
    expect(merged.instances.map((instance) => [instance.InstanceId, instance.Status])).toEqual([
      ['i-a', 'Running'],
      ['i-b', 'Stopped'],
      ['i-c', 'Starting'],
    ]);
    expect(merged.instances[0]).toBe(a);
    expect(merged.instances[2]).toBe(c);
    expect(merged.version).toBe('v1');
    // The list held before is left as it was.
    expect(fleet.instances[1]).toBe(b);
  });

  it('drops instances asked for and not returned (they no longer exist)', () => {
    const merged = mergeFleetInstances(fleetOf([a, b, c, d]), [partial(['i-b'], []), partial(['i-d'], [d])]);
    expect(merged.instances.map((instance) => instance.InstanceId)).toEqual(['i-a', 'i-c', 'i-d']);
    expect(merged.totalCount).toBe(3);
  });

  it('returns the very same answer when nothing changed, even as equal copies', () => {
    const fleet = fleetOf([a, b, c]);
    const copies = [structuredClone(b), structuredClone(c)];
    expect(mergeFleetInstances(fleet, [partial(['i-b', 'i-c'], copies)])).toBe(fleet);
    expect(mergeFleetInstances(fleet, [])).toBe(fleet);
  });

  it('ignores instances nobody asked for that the list does not have', () => {
    const stranger = makeInstance({ InstanceId: 'i-new', Status: 'Pending' });
    const fleet = fleetOf([a, b]);
    expect(mergeFleetInstances(fleet, [partial(['i-b'], [b, stranger])])).toBe(fleet);
  });

  it('adds an item asked for that the list does not have yet (just created) at the end', () => {
    const created = makeInstance({ InstanceId: 'i-new', Status: 'Pending' });
    const merged = mergeFleetInstances(fleetOf([a, b]), [partial(['i-new'], [created])]);
    expect(merged.instances.map((instance) => instance.InstanceId)).toEqual(['i-a', 'i-b', 'i-new']);
    expect(merged.instances[0]).toBe(a);
    expect(merged.totalCount).toBe(3);
  });
});

describe('disks and snapshots in transition', () => {
  it('are disks creating, attaching, detaching or re-initialising, and snapshots progressing', () => {
    const disks = (['Creating', 'Attaching', 'In_use', 'Detaching', 'Available', 'ReIniting'] as const).map(
      (Status, i) => makeDisk({ DiskId: `d-${i}`, Status }),
    );
    expect(transitionalIds(DISK_LIST, disks)).toEqual(['d-0', 'd-1', 'd-3', 'd-5']);
    const snapshots = (['progressing', 'accomplished', 'failed'] as const).map((Status, i) =>
      makeSnapshot({ SnapshotId: `s-${i}`, Status }),
    );
    expect(transitionalIds(SNAPSHOT_LIST, snapshots)).toEqual(['s-0']);
  });

  it('merges a disk list by DiskId under its own key', () => {
    const attaching = makeDisk({ DiskId: 'd-a', Status: 'Attaching' });
    const other = makeDisk({ DiskId: 'd-b', Status: 'Available' });
    const gone = makeDisk({ DiskId: 'd-c', Status: 'Creating' });
    const list: DiskListAnswer = {
      regionId: 'cn-hangzhou',
      disks: [attaching, other, gone],
      totalCount: 3,
      pages: 1,
      fetchedAt: '2026-11-30T10:00:00Z',
      version: 'v1',
    };
    const merged = mergeRegionListItems(DISK_LIST, list, [
      {
        regionId: 'cn-hangzhou',
        disks: [{ ...attaching, Status: 'In_use' }],
        requestedIds: ['d-a', 'd-c'],
        fetchedAt: '2026-11-30T10:00:05Z',
      },
    ]);
    expect(merged.disks.map((disk) => `${disk.DiskId}:${disk.Status}`)).toEqual(['d-a:In_use', 'd-b:Available']);
    expect(merged.disks[1]).toBe(other);
    expect(merged.totalCount).toBe(2);
    expect(list.disks).toHaveLength(3);
  });
});
