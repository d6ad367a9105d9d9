import { describe, expect, it } from 'vitest';
import { Clock } from '../src/clock.js';
import { generateEstate } from '../src/data/generator.js';
import { createImage, createSnapshot } from '../src/store/factories.js';
import { restoreState, serializeState } from '../src/store/persistence.js';
import { Store } from '../src/store/store.js';
import { registerTransitions } from '../src/providers/index.js';
import { bed } from './support/disk-bed.js';

const DAY = 86_400_000;

/** A snapshot with RetentionDays is released once they have passed, as ECS does. */
describe('snapshot retention', () => {
  const listed = (t: ReturnType<typeof bed>) =>
    (
      t.call('DescribeSnapshots', { RegionId: t.regionId }) as { Snapshots: { Snapshot: { SnapshotId: string }[] } }
    ).Snapshots.Snapshot.map((snapshot) => snapshot.SnapshotId);

  it('releases a snapshot when its retention days are over, counted from its creation', () => {
    const t = bed();
    const { SnapshotId: kept } = t.call('CreateSnapshot', { DiskId: t.systemDisk.DiskId }) as { SnapshotId: string };
    t.advance(20_000);
    const { SnapshotId: shortLived } = t.call('CreateSnapshot', {
      DiskId: t.systemDisk.DiskId,
      RetentionDays: '1',
    }) as { SnapshotId: string };
    t.advance(20_000);
    expect(listed(t)).toEqual([kept, shortLived]);
    t.advance(DAY - 20_001);
    expect(listed(t)).toEqual([kept, shortLived]);
    t.advance(1);
    expect(listed(t)).toEqual([kept]);
    expect(t.store.regionOf(shortLived)).toBeUndefined();
  });

  it('keeps a snapshot an image still needs', () => {
    const t = bed();
    const snapshot = createSnapshot(t.store, t.region, t.systemDisk, { RetentionDays: 2 });
    createImage(t.store, t.region, snapshot);
    t.advance(3 * DAY);
    expect(listed(t)).toEqual([snapshot.SnapshotId]);
  });

  it('releases the automatic snapshots of the estate after their seven days, also after a state file round trip', () => {
    const clock = new Clock({ start: Date.UTC(2026, 10, 15, 9, 30), realNow: () => 0 });
    const store = new Store(clock);
    registerTransitions(store);
    generateEstate(store);
    const copy = new Store(clock);
    registerTransitions(copy);
    restoreState(copy, serializeState(store));
    const autos = (s: Store) =>
      [...s.regions.values()].flatMap((r) => [...r.snapshots.values()]).filter((x) => x.SnapshotType === 'auto');
    expect(autos(copy).length).toBeGreaterThan(0);
    clock.advance(8 * DAY);
    copy.advance();
    expect(autos(copy)).toEqual([]);
  });

  it('releases them too from a state file written before retention was kept', () => {
    const clock = new Clock({ start: Date.UTC(2026, 10, 15, 9, 30), realNow: () => 0 });
    const store = new Store(clock);
    generateEstate(store);
    const saved = JSON.parse(serializeState(store)) as { regions: { snapshots: { transition: unknown }[] }[] };
    for (const region of saved.regions) for (const snapshot of region.snapshots) snapshot.transition = null;
    const copy = new Store(clock);
    registerTransitions(copy);
    restoreState(copy, JSON.stringify(saved));
    clock.advance(8 * DAY);
    copy.advance();
    const left = [...copy.regions.values()].flatMap((r) => [...r.snapshots.values()]);
    expect(left.length).toBeGreaterThan(0);
    expect(
      left.filter((snapshot) => snapshot.RetentionDays !== undefined && snapshot.Status === 'accomplished'),
    ).toEqual([]);
  });
});
