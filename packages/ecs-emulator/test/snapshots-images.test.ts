import { describe, expect, it } from 'vitest';
import { createDisk, createImage, createSnapshot } from '../src/store/factories.js';
import { restoreState, serializeState } from '../src/store/persistence.js';
import { Store } from '../src/store/store.js';
import { expectApiError } from './support/test-bed.js';
import { bed } from './support/disk-bed.js';

/** Custom images made from snapshots: the little of them that snapshots' Usage and DeleteSnapshot need. */
describe('snapshots used by images', () => {
  function imageBed() {
    const t = bed();
    const snapshot = createSnapshot(t.store, t.region, t.systemDisk, { SnapshotName: 'golden' });
    const usage = (snapshotId = snapshot.SnapshotId) =>
      (
        t.call('DescribeSnapshots', { RegionId: t.regionId, SnapshotIds: JSON.stringify([snapshotId]) }) as {
          Snapshots: { Snapshot: { Usage: string }[] };
        }
      ).Snapshots.Snapshot[0]!.Usage;
    return { ...t, snapshot, usage };
  }

  it('shows Usage image, image_disk once a disk is made from it too, and filters by them', () => {
    const t = imageBed();
    const image = createImage(t.store, t.region, t.snapshot, { ImageName: 'web-golden' });
    expect(image.ImageId).toMatch(/^m-bp1[a-z0-9]{17}$/);
    expect(t.usage()).toBe('image');
    createDisk(t.store, t.region, { SourceSnapshotId: t.snapshot.SnapshotId });
    expect(t.usage()).toBe('image_disk');
    const listed = (usage: string) =>
      (
        t.call('DescribeSnapshots', { RegionId: t.regionId, Usage: usage }) as {
          Snapshots: { Snapshot: { SnapshotId: string }[] };
        }
      ).Snapshots.Snapshot.map((snapshot) => snapshot.SnapshotId);
    expect(listed('image_disk')).toEqual([t.snapshot.SnapshotId]);
    expect(listed('image')).toEqual([]);
  });

  it('refuses to delete a snapshot an image was made from, even with Force (SnapshotCreatedImage)', () => {
    const t = imageBed();
    createImage(t.store, t.region, t.snapshot);
    expectApiError(() => t.call('DeleteSnapshot', { SnapshotId: t.snapshot.SnapshotId }), 403, 'SnapshotCreatedImage');
    expectApiError(
      () => t.call('DeleteSnapshot', { SnapshotId: t.snapshot.SnapshotId, Force: 'true' }),
      403,
      'SnapshotCreatedImage',
    );
    expect(t.region.snapshots.has(t.snapshot.SnapshotId)).toBe(true);
  });

  it('keeps images in the state file and indexes them under their region', () => {
    const t = imageBed();
    const image = createImage(t.store, t.region, t.snapshot);
    const copy = new Store(t.clock);
    restoreState(copy, serializeState(t.store));
    expect(copy.region(t.regionId)!.images.get(image.ImageId)).toEqual(image);
    expect(copy.regionOf(image.ImageId)?.region.RegionId).toBe(t.regionId);
  });

  it('reads a state file written before images were kept', () => {
    const t = imageBed();
    const saved = JSON.parse(serializeState(t.store)) as { regions: Record<string, unknown>[] };
    for (const region of saved.regions) delete region.images;
    const copy = new Store(t.clock);
    restoreState(copy, JSON.stringify(saved));
    expect(copy.region(t.regionId)!.images.size).toBe(0);
  });
});
