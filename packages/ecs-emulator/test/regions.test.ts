import type { DescribeRegionsResponse, DescribeZonesResponse } from '@ecs-console/ecs-client';
import { describe, expect, it } from 'vitest';
import { REGION_CATALOG } from '../src/data/catalog.js';
import { expectApiError, testBed } from './support/test-bed.js';

type RegionsBody = Omit<DescribeRegionsResponse, 'RequestId'>;
type ZonesBody = Omit<DescribeZonesResponse, 'RequestId'>;

/** A store holding every catalog region. */
function catalogBed() {
  const bed = testBed();
  for (const entry of REGION_CATALOG.slice(1)) bed.store.addRegion(entry.region, [...entry.zones]);
  return bed;
}

describe('DescribeRegions', () => {
  it('lists every region of the store in order, with endpoint and status', () => {
    const bed = catalogBed();
    const body = bed.call('DescribeRegions') as unknown as RegionsBody;
    expect(body.Regions.Region.map((region) => region.RegionId)).toEqual(REGION_CATALOG.map((e) => e.region.RegionId));
    expect(body.Regions.Region[0]).toEqual({
      RegionId: 'cn-hangzhou',
      LocalName: 'China (Hangzhou)',
      RegionEndpoint: 'ecs.cn-hangzhou.aliyuncs.com',
      Status: 'available',
    });
  });

  it('accepts the documented AcceptLanguage, InstanceChargeType and ResourceType values', () => {
    const bed = catalogBed();
    const body = bed.call('DescribeRegions', {
      AcceptLanguage: 'en-US',
      InstanceChargeType: 'SpotAsPriceGo',
      ResourceType: 'disk',
    }) as unknown as RegionsBody;
    expect(body.Regions.Region).toHaveLength(REGION_CATALOG.length);
  });

  it('rejects unknown values with the documented codes', () => {
    const bed = catalogBed();
    expectApiError(() => bed.call('DescribeRegions', { AcceptLanguage: 'xx' }), 404, 'InvalidAcceptLanguage.NotFound');
    expectApiError(() => bed.call('DescribeRegions', { ResourceType: 'vm' }), 404, 'InvalidResourceType.NotFound');
    expectApiError(
      () => bed.call('DescribeRegions', { InstanceChargeType: 'Free' }),
      404,
      'InvalidInstanceChargeType.NotFound',
    );
  });
});

describe('DescribeZones', () => {
  it('lists the zones with their resources, verbose by default', () => {
    const bed = testBed();
    const body = bed.call('DescribeZones', { RegionId: bed.regionId }) as unknown as ZonesBody;
    expect(body.Zones.Zone.map((zone) => zone.ZoneId)).toEqual(['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j']);
    const zone = body.Zones.Zone[0]!;
    expect(zone.LocalName).toBe('Hangzhou Zone H');
    expect(zone.ZoneType).toBe('AvailabilityZone');
    expect(zone.AvailableResourceCreation?.ResourceTypes).toEqual(expect.arrayContaining(['Instance', 'Disk']));
    expect(zone.AvailableInstanceTypes?.InstanceTypes).toContain('ecs.g7.large');
    expect(zone.AvailableDiskCategories?.DiskCategories).toContain('cloud_essd');
    expect(zone.AvailableDedicatedHostTypes).toEqual({ DedicatedHostType: [] });
    const info = zone.AvailableResources?.ResourcesInfo[0];
    expect(info?.IoOptimized).toBe(true);
    expect(info?.InstanceTypes?.supportedInstanceType).toContain('ecs.c7.large');
    expect(info?.InstanceTypeFamilies?.supportedInstanceTypeFamily).toEqual(
      expect.arrayContaining(['ecs.g7', 'ecs.c7', 'ecs.r7', 'ecs.t6', 'ecs.g8i']),
    );
    expect(info?.SystemDiskCategories?.supportedSystemDiskCategory).toContain('cloud_essd');
    expect(info?.DataDiskCategories?.supportedDataDiskCategory).toContain('cloud_auto');
    expect(info?.NetworkTypes?.supportedNetworkCategory).toEqual(['vpc']);
  });

  it('leaves out instance types and the resource matrix when Verbose=false', () => {
    const bed = testBed();
    const body = bed.call('DescribeZones', { RegionId: bed.regionId, Verbose: 'false' }) as unknown as ZonesBody;
    const zone = body.Zones.Zone[0]!;
    expect(zone.AvailableInstanceTypes).toBeUndefined();
    expect(zone.AvailableResources).toBeUndefined();
    expect(zone.AvailableDiskCategories?.DiskCategories).toContain('cloud_essd');
  });

  it('requires an existing RegionId', () => {
    const bed = testBed();
    expectApiError(() => bed.call('DescribeZones'), 400, 'MissingParameter');
    expectApiError(() => bed.call('DescribeZones', { RegionId: 'mars-1' }), 404, 'InvalidRegionId.NotFound');
  });

  it('rejects unknown parameter values with the documented codes', () => {
    const bed = testBed();
    const regionId = bed.regionId;
    expectApiError(
      () => bed.call('DescribeZones', { RegionId: regionId, InstanceChargeType: 'Spot' }),
      404,
      'InvalidInstanceChargeType.NotFound',
    );
    expectApiError(
      () => bed.call('DescribeZones', { RegionId: regionId, SpotStrategy: 'Cheap' }),
      400,
      'InvalidSpotStrategy',
    );
    expectApiError(
      () => bed.call('DescribeZones', { RegionId: regionId, AcceptLanguage: 'tlh' }),
      404,
      'InvalidAcceptLanguage.NotFound',
    );
    expectApiError(() => bed.call('DescribeZones', { RegionId: regionId, Verbose: 'maybe' }), 400, 'InvalidParameter');
  });
});
