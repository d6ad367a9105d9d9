import { INSTANCE_TYPES } from '../data/catalog.js';
import type { ZoneRecord } from '../store/types.js';
import { requireRegion, type ActionContext, type ActionHandler } from './kit/context.js';

/** DescribeRegions and DescribeZones (DIGEST §7): the regions and zones the store was given. */

const ACCEPT_LANGUAGES = ['zh-CN', 'zh-TW', 'en-US', 'ja', 'fr', 'de', 'ko'] as const;
const REGION_CHARGE_TYPES = ['PrePaid', 'PostPaid', 'SpotWithPriceLimit', 'SpotAsPriceGo'] as const;
const RESOURCE_TYPES = ['instance', 'disk', 'reservedinstance', 'scu'] as const;
const ZONE_CHARGE_TYPES = ['PrePaid', 'PostPaid'] as const;
const SPOT_STRATEGIES = ['NoSpot', 'SpotWithPriceLimit', 'SpotAsPriceGo'] as const;

/** What every emulated zone lets you create (the LC fixture's values plus VSwitch). */
const RESOURCE_CREATION = ['VSwitch', 'IoOptimized', 'Instance', 'Disk'];
/** Every emulated instance is a VPC instance. */
const NETWORK_TYPES = ['vpc'];

function validateAcceptLanguage(context: ActionContext): void {
  context.params.oneOf('AcceptLanguage', ACCEPT_LANGUAGES, { code: 'InvalidAcceptLanguage.NotFound', status: 404 });
}

const describeRegions: ActionHandler = (context) => {
  validateAcceptLanguage(context);
  context.params.oneOf('InstanceChargeType', REGION_CHARGE_TYPES, {
    code: 'InvalidInstanceChargeType.NotFound',
    status: 404,
  });
  context.params.oneOf('ResourceType', RESOURCE_TYPES, { code: 'InvalidResourceType.NotFound', status: 404 });
  const regions = [...context.store.regions.values()].map(({ region }) => ({
    RegionId: region.RegionId,
    LocalName: region.LocalName,
    RegionEndpoint: region.RegionEndpoint,
    Status: region.Status,
  }));
  return { Regions: { Region: regions } };
};

const describeZones: ActionHandler = (context) => {
  const region = requireRegion(context);
  validateAcceptLanguage(context);
  context.params.oneOf('InstanceChargeType', ZONE_CHARGE_TYPES, {
    code: 'InvalidInstanceChargeType.NotFound',
    status: 404,
  });
  context.params.oneOf('SpotStrategy', SPOT_STRATEGIES, { code: 'InvalidSpotStrategy' });
  const verbose = context.params.boolean('Verbose') ?? true;
  return { Zones: { Zone: region.zones.map((zone) => renderZone(zone, verbose)) } };
};

/** Without Verbose, ECS leaves out the heavy parts: the instance types and the resource matrix. */
function renderZone(zone: ZoneRecord, verbose: boolean): Record<string, unknown> {
  const summary = {
    ZoneId: zone.ZoneId,
    LocalName: zone.LocalName,
    ZoneType: 'AvailabilityZone',
    AvailableResourceCreation: { ResourceTypes: RESOURCE_CREATION },
    AvailableDiskCategories: { DiskCategories: [...zone.diskCategories] },
    AvailableVolumeCategories: { VolumeCategories: [] },
    AvailableDedicatedHostTypes: { DedicatedHostType: [] },
    DedicatedHostGenerations: { DedicatedHostGeneration: [] },
  };
  if (!verbose) return summary;
  return {
    ...summary,
    AvailableInstanceTypes: { InstanceTypes: [...zone.instanceTypes] },
    AvailableResources: { ResourcesInfo: [resourcesInfo(zone)] },
  };
}

/** The nested lists here use lower-case-first keys (`supportedInstanceType`), as ECS answers them. */
function resourcesInfo(zone: ZoneRecord): Record<string, unknown> {
  const families = [...new Set(zone.instanceTypes.map((type) => INSTANCE_TYPES[type]?.family ?? familyOf(type)))];
  return {
    IoOptimized: true,
    SystemDiskCategories: { supportedSystemDiskCategory: [...zone.diskCategories] },
    DataDiskCategories: { supportedDataDiskCategory: [...zone.diskCategories] },
    InstanceTypes: { supportedInstanceType: [...zone.instanceTypes] },
    InstanceTypeFamilies: { supportedInstanceTypeFamily: families },
    NetworkTypes: { supportedNetworkCategory: NETWORK_TYPES },
  };
}

/** `ecs.g7.large` → `ecs.g7`. */
function familyOf(instanceType: string): string {
  return instanceType.split('.').slice(0, 2).join('.');
}

export const regionHandlers: Readonly<Record<string, ActionHandler>> = {
  DescribeRegions: describeRegions,
  DescribeZones: describeZones,
};
