import { describe, expect, it } from 'vitest';
import { Clock } from '../src/clock.js';
import { generateEstate } from '../src/data/generator.js';
import { snapshotUses, usageOf } from '../src/providers/snapshots/filters.js';
import { Store } from '../src/store/store.js';

const NOW = Date.UTC(2026, 10, 15, 9, 30, 12, 345);
const DAY = 86_400_000;

function home(seed: number) {
  const store = new Store(new Clock({ start: NOW, realNow: () => 0 }));
  generateEstate(store, { seed });
  return { store, region: store.region('cn-hangzhou')! };
}

/** What the Disks and Snapshots pages and their end-to-end flow need to find in the default estate. */
describe.each([1, 99])('storage of the default estate of seed %i (cn-hangzhou)', (seed) => {
  const { region } = home(seed);
  const disks = [...region.disks.values()];
  const snapshots = [...region.snapshots.values()];
  const instances = [...region.instances.values()];

  it('has every ESSD level and the other cloud categories, system and data disks', () => {
    const essdLevels = new Set(disks.filter((d) => d.Category === 'cloud_essd').map((d) => d.PerformanceLevel));
    expect(essdLevels).toEqual(new Set(['PL0', 'PL1', 'PL2', 'PL3']));
    const categories = new Set(disks.map((disk) => disk.Category));
    for (const category of ['cloud_auto', 'cloud_ssd', 'cloud_efficiency']) expect(categories).toContain(category);
    expect(new Set(disks.map((disk) => disk.Type))).toEqual(new Set(['system', 'data']));
  });

  it('keeps every disk within its category limits, in a zone that offers its category', () => {
    for (const disk of disks) {
      const zone = region.zones.find((candidate) => candidate.ZoneId === disk.ZoneId)!;
      expect(zone.diskCategories, `${disk.DiskName} ${disk.Category}`).toContain(disk.Category);
      if (disk.Category === 'cloud_essd' && disk.PerformanceLevel === 'PL3') expect(disk.Size).toBeGreaterThan(1260);
      if (disk.Category === 'cloud_essd' && disk.PerformanceLevel === 'PL2') expect(disk.Size).toBeGreaterThan(460);
    }
  });

  it('has encrypted and plain, portable and pinned, subscription and pay-as-you-go, tagged disks', () => {
    expect(new Set(disks.map((disk) => disk.Encrypted))).toEqual(new Set([true, false]));
    expect(new Set(disks.filter((d) => d.Type === 'data').map((d) => d.Portable))).toEqual(new Set([true, false]));
    const prepaid = disks.filter((disk) => disk.DiskChargeType === 'PrePaid' && disk.Type === 'data');
    expect(prepaid.length).toBeGreaterThan(0);
    for (const disk of prepaid) {
      expect(disk).toMatchObject({ Portable: false, DeleteWithInstance: true, Status: 'In_use' });
      expect(region.instances.get(disk.InstanceId)!.InstanceChargeType).toBe('PrePaid');
    }
    expect(disks.filter((disk) => Object.keys(disk.tags).length > 0).length).toBeGreaterThan(disks.length / 2);
  });

  it('has Available data disks in the zone of a running and of a stopped, unlocked instance', () => {
    const available = disks.filter((disk) => disk.Status === 'Available');
    const zonesWithSpare = new Set(available.map((disk) => disk.ZoneId));
    const usable = (status: string) =>
      instances.filter((i) => i.Status === status && i.lockReasons.length === 0 && zonesWithSpare.has(i.ZoneId));
    expect(usable('Running').length).toBeGreaterThan(0);
    expect(usable('Stopped').length).toBeGreaterThan(0);
    for (const disk of available) expect(disk).toMatchObject({ Type: 'data', Portable: true, InstanceId: '' });
  });

  it('has a running, unlocked instance in the first zone, where Create disk opens, to attach a new disk to', () => {
    const firstZone = region.zones[0]!.ZoneId;
    expect(instances.some((i) => i.ZoneId === firstZone && i.Status === 'Running' && i.lockReasons.length === 0)).toBe(
      true,
    );
  });

  it('has a finished snapshot of a disk on a stopped, unlocked instance, to roll back to', () => {
    const rollbackable = snapshots.filter((snapshot) => {
      const disk = region.disks.get(snapshot.SourceDiskId);
      const instance = disk && region.instances.get(disk.InstanceId);
      return snapshot.Status === 'accomplished' && instance?.Status === 'Stopped' && instance.lockReasons.length === 0;
    });
    expect(rollbackable.length).toBeGreaterThan(0);
  });

  it('has one snapshot progressing slowly, hours from done, and the rest accomplished', () => {
    const progressing = snapshots.filter((snapshot) => snapshot.Status === 'progressing');
    expect(progressing).toHaveLength(1);
    const [slow] = progressing;
    expect(slow!.startedAt).toBeLessThan(NOW);
    expect(slow!.transition).toEqual({ to: 'accomplished', at: expect.any(Number) as number });
    expect(slow!.transition!.at - NOW).toBeGreaterThan(3 * 3_600_000);
    for (const snapshot of snapshots) expect(['accomplished', 'progressing']).toContain(snapshot.Status);
  });

  it('has automatic snapshots with retention days, encrypted snapshots, and snapshots used by images and disks', () => {
    const auto = snapshots.filter((snapshot) => snapshot.SnapshotType === 'auto');
    expect(auto.length).toBeGreaterThan(0);
    for (const snapshot of auto) expect(snapshot.RetentionDays).toBeGreaterThan(0);
    expect(snapshots.some((snapshot) => snapshot.Encrypted)).toBe(true);
    const uses = snapshotUses(region);
    const usages = new Set(snapshots.map((snapshot) => usageOf(snapshot, uses)));
    for (const usage of ['image', 'disk', 'none']) expect(usages).toContain(usage);
    for (const image of region.images.values()) {
      expect(region.snapshots.get(image.SourceSnapshotId)!.Status).toBe('accomplished');
      expect(image.createdAt).toBeGreaterThan(NOW - 365 * DAY);
    }
  });
});
