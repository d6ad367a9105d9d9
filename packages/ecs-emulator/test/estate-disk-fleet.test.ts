import { EcsClient } from '@ecs-console/ecs-client';
import { describe, expect, it } from 'vitest';
import { Clock } from '../src/clock.js';
import { generateEstate, type EstateOptions } from '../src/data/generator.js';
import { startEmulator } from '../src/index.js';
import { serializeState } from '../src/store/persistence.js';
import { Store } from '../src/store/store.js';

const NOW = Date.UTC(2026, 10, 15, 9, 30, 12, 345);

function estate(options: EstateOptions): Store {
  const store = new Store(new Clock({ start: NOW, realNow: () => 0 }));
  generateEstate(store, options);
  return store;
}

/** A region of exactly N disks for load tests (the Disks page and its benchmark). */
describe('a disk fleet', () => {
  it('has exactly the disks asked for, only in the fleet region, with the instances they need', () => {
    const store = estate({ disks: 2000 });
    const region = store.region('cn-hangzhou')!;
    expect(region.disks.size).toBe(2000);
    // A quarter are the system disks of the instances the rest can be attached to.
    expect(region.instances.size).toBe(500);
    for (const [regionId, other] of store.regions) {
      if (regionId !== 'cn-hangzhou') expect(other.instances.size + other.disks.size).toBe(0);
    }
    const disks = [...region.disks.values()];
    expect(disks.filter((disk) => disk.Type === 'system')).toHaveLength(500);
    expect(new Set(disks.map((disk) => disk.Status))).toEqual(new Set(['In_use', 'Available']));
    expect(new Set(disks.map((disk) => disk.Category))).toEqual(
      new Set(['cloud_essd', 'cloud_auto', 'cloud_ssd', 'cloud_efficiency']),
    );
    expect(new Set(disks.filter((d) => d.Category === 'cloud_essd').map((d) => d.PerformanceLevel))).toEqual(
      new Set(['PL0', 'PL1', 'PL2', 'PL3']),
    );
    expect(disks.some((disk) => disk.Encrypted)).toBe(true);
    const dataNames = disks.filter((disk) => disk.Type === 'data').map((disk) => disk.DiskName);
    expect(new Set(dataNames).size).toBe(1500);
    const devices = new Set<string>();
    for (const disk of disks) {
      const zone = region.zones.find((candidate) => candidate.ZoneId === disk.ZoneId)!;
      expect(zone.diskCategories).toContain(disk.Category);
      if (disk.Type === 'data') expect(disk.tags.env).toMatch(/^(prod|staging|dev)$/);
      if (disk.InstanceId === '') continue;
      const instance = region.instances.get(disk.InstanceId)!;
      expect(disk.ZoneId).toBe(instance.ZoneId);
      const device = `${disk.InstanceId}:${disk.Device}`;
      expect(devices.has(device)).toBe(false);
      devices.add(device);
    }
    expect(store.regionOf(disks[1999]!.DiskId)).toBe(region);
  });

  it('takes the number of instances too, and the region', () => {
    const store = estate({ disks: 10, instances: 4, fleetRegion: 'eu-central-1' });
    const region = store.region('eu-central-1')!;
    expect([region.instances.size, region.disks.size]).toEqual([4, 10]);
    expect(store.region('cn-hangzhou')!.disks.size).toBe(0);
  });

  it('is the same for the same seed', () => {
    expect(serializeState(estate({ disks: 300, seed: 3 }))).toBe(serializeState(estate({ disks: 300, seed: 3 })));
  });

  it('refuses a bad size, and fewer disks than instances', () => {
    expect(() => estate({ disks: -1 })).toThrow(RangeError);
    expect(() => estate({ disks: 2.5 })).toThrow(RangeError);
    expect(() => estate({ disks: 3, instances: 5 })).toThrow(/at least one disk per instance/);
  });

  it('is served by startEmulator', async () => {
    const ecs = await startEmulator({ disks: 250 });
    const client = new EcsClient({ credentials: ecs.credentials, endpoint: ecs.url });
    try {
      const page = await client.call('DescribeDisks', { RegionId: 'cn-hangzhou', PageSize: 1 });
      expect(page.TotalCount).toBe(250);
      ecs.control.reset();
      const again = await client.call('DescribeDisks', { RegionId: 'cn-hangzhou', PageSize: 1 });
      expect(again.TotalCount).toBe(250);
    } finally {
      await client.close();
      await ecs.close();
    }
  });
});
