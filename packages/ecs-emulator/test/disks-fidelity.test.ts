import { describe, expect, it } from 'vitest';
import { createDisk } from '../src/store/factories.js';
import { expectApiError } from './support/test-bed.js';
import { bed } from './support/disk-bed.js';

interface ZoneView {
  ZoneId: string;
  AvailableDiskCategories: { DiskCategories: string[] };
}

describe('zones offer different disk categories', () => {
  it('lists per zone what it offers, and CreateDisk follows it', () => {
    const t = bed();
    const zones = (t.call('DescribeZones', { RegionId: t.regionId }) as { Zones: { Zone: ZoneView[] } }).Zones.Zone;
    const offers = Object.fromEntries(zones.map((zone) => [zone.ZoneId, zone.AvailableDiskCategories.DiskCategories]));
    // ESSDs everywhere (the console's default), but not every category in every zone.
    for (const categories of Object.values(offers)) expect(categories).toContain('cloud_essd');
    expect(new Set(Object.values(offers).map((categories) => categories.join())).size).toBeGreaterThan(1);
    const missing = Object.entries(offers).find(([, categories]) => !categories.includes('cloud_ssd'));
    const offering = Object.entries(offers).find(([, categories]) => categories.includes('cloud_ssd'));
    expect(missing && offering).toBeTruthy();
    const create = (zoneId: string) =>
      t.call('CreateDisk', { RegionId: t.regionId, ZoneId: zoneId, DiskCategory: 'cloud_ssd', Size: '40' });
    expectApiError(() => create(missing![0]), 403, 'InvalidDiskCategory.NotSupported');
    expect(create(offering![0])).toMatchObject({ DiskId: expect.stringMatching(/^d-/) as unknown });
  });
});

describe('ResizeDisk online', () => {
  it('needs the disk attached to a Running instance: an unattached disk grows offline only', () => {
    const t = bed();
    const free = createDisk(t.store, t.region, { Category: 'cloud_essd', Size: 40 });
    expectApiError(
      () => t.call('ResizeDisk', { DiskId: free.DiskId, NewSize: '80', Type: 'online' }),
      403,
      'InvalidInstanceStatus.NotRunning',
    );
    expect(t.disk(free.DiskId).Size).toBe(40);
    expect(t.call('ResizeDisk', { DiskId: free.DiskId, NewSize: '80' })).toEqual({});
    expect(t.disk(free.DiskId).Size).toBe(80);
  });
});

describe('a subscription disk', () => {
  it('expires with the subscription instance it was bought with', () => {
    const t = bed();
    const expiredAt = Date.parse('2024-09-30T16:00:00Z');
    const instance = t.newInstance({ InstanceChargeType: 'PrePaid', expiredAt });
    const { DiskId } = t.call('CreateDisk', {
      RegionId: t.regionId,
      InstanceId: instance.InstanceId,
      DiskCategory: 'cloud_essd',
      Size: '100',
    }) as { DiskId: string };
    t.advance(5_000);
    expect(t.disk(DiskId)).toMatchObject({ DiskChargeType: 'PrePaid', ExpiredTime: '2024-09-30T16:00Z' });
  });
});
