import { defineAction, type EcsResponse } from './define.js';

// DescribeRegions ---------------------------------------------------------------------------------

export interface DescribeRegionsRequest {
  /** zh-CN (default), zh-TW, en-US, ja, fr, de, ko. */
  AcceptLanguage?: string;
  InstanceChargeType?: 'PrePaid' | 'PostPaid' | 'SpotWithPriceLimit' | 'SpotAsPriceGo';
  ResourceType?: 'instance' | 'disk' | 'reservedinstance' | 'scu';
}

export interface Region {
  readonly RegionId: string;
  readonly LocalName: string;
  readonly RegionEndpoint: string;
  readonly Status: 'available' | 'soldOut';
}

export interface DescribeRegionsResponse extends EcsResponse {
  readonly Regions: { readonly Region: readonly Region[] };
}

// DescribeZones -----------------------------------------------------------------------------------

export interface DescribeZonesRequest {
  RegionId: string;
  AcceptLanguage?: string;
  InstanceChargeType?: 'PrePaid' | 'PostPaid';
  SpotStrategy?: 'NoSpot' | 'SpotWithPriceLimit' | 'SpotAsPriceGo';
  /** Default true; false skips the heavy resource detail. */
  Verbose?: boolean;
}

export interface ResourcesInfo {
  readonly IoOptimized?: boolean;
  readonly SystemDiskCategories?: { readonly supportedSystemDiskCategory: readonly string[] };
  readonly DataDiskCategories?: { readonly supportedDataDiskCategory: readonly string[] };
  readonly InstanceTypes?: { readonly supportedInstanceType: readonly string[] };
  readonly InstanceTypeFamilies?: { readonly supportedInstanceTypeFamily: readonly string[] };
  readonly InstanceGenerations?: { readonly supportedInstanceGeneration: readonly string[] };
  readonly NetworkTypes?: { readonly supportedNetworkCategory: readonly string[] };
}

export interface Zone {
  readonly ZoneId: string;
  readonly LocalName: string;
  readonly ZoneType?: string;
  readonly AvailableResourceCreation?: { readonly ResourceTypes: readonly string[] };
  readonly AvailableInstanceTypes?: { readonly InstanceTypes: readonly string[] };
  readonly AvailableDiskCategories?: { readonly DiskCategories: readonly string[] };
  readonly AvailableVolumeCategories?: { readonly VolumeCategories: readonly string[] };
  readonly AvailableDedicatedHostTypes?: { readonly DedicatedHostType: readonly string[] };
  readonly DedicatedHostGenerations?: { readonly DedicatedHostGeneration: readonly string[] };
  readonly AvailableResources?: { readonly ResourcesInfo: readonly ResourcesInfo[] };
}

export interface DescribeZonesResponse extends EcsResponse {
  readonly Zones: { readonly Zone: readonly Zone[] };
}

export const regionActions = {
  DescribeRegions: defineAction<DescribeRegionsRequest, DescribeRegionsResponse>()({ kind: 'read' }),
  DescribeZones: defineAction<DescribeZonesRequest, DescribeZonesResponse>()({ kind: 'read' }),
};
