import type { Instance } from '@ecs-console/ecs-client';

/**
 * The instance fields the list, its filters and the detail page show. The rest (network
 * interfaces, metadata, CPU and host options) would more than double a 10,000-instance answer;
 * DescribeInstances with InstanceIds returns them for one instance.
 */
export const INSTANCE_SUMMARY_FIELDS = [
  'InstanceId',
  'InstanceName',
  'Description',
  'HostName',
  'Status',
  'RegionId',
  'ZoneId',
  'InstanceType',
  'InstanceTypeFamily',
  'Cpu',
  'Memory',
  'OSType',
  'OSName',
  'OSNameEn',
  'ImageId',
  'CreationTime',
  'StartTime',
  'ExpiredTime',
  'InstanceChargeType',
  'InternetChargeType',
  'InternetMaxBandwidthOut',
  'InstanceNetworkType',
  'StoppedMode',
  'DeletionProtection',
  'KeyPairName',
  'OperationLocks',
  'VpcAttributes',
  'PublicIpAddress',
  'EipAddress',
  'SecurityGroupIds',
  'Tags',
] as const satisfies readonly (keyof Instance)[];

export type InstanceSummary = Pick<Instance, (typeof INSTANCE_SUMMARY_FIELDS)[number]>;

/**
 * `GET /api/regions/:regionId/instances`: every instance of a region at once. The answer carries
 * an `ETag` (the same value as `version`, quoted); a request with `If-None-Match` set to it answers
 * `304 Not Modified` with no body while the region's instances are unchanged.
 */
export interface FleetAnswer {
  readonly regionId: string;
  readonly instances: readonly InstanceSummary[];
  readonly totalCount: number;
  readonly pages: number;
  /** ISO 8601: when ECS was asked (a shared listing may be a few seconds old). */
  readonly fetchedAt: string;
  /** Changes whenever any listed field of any instance changes, or instances come or go. */
  readonly version: string;
}

/** Most instance IDs one `?ids=` request may name (DescribeInstances takes 100 IDs per call). */
export const FLEET_IDS_MAX = 100;

/**
 * `GET /api/regions/:regionId/instances?ids=i-1,i-2`: the current state of some instances, asked
 * of ECS directly (the SPA polls the instances in transition this way, instead of the region).
 * An ID in `requestedIds` that is not among `instances` no longer exists.
 */
export interface FleetInstancesAnswer {
  readonly regionId: string;
  readonly instances: readonly InstanceSummary[];
  readonly requestedIds: readonly string[];
  /** ISO 8601. */
  readonly fetchedAt: string;
}
