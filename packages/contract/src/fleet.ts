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

/** `GET /api/regions/:regionId/instances`: every instance of a region at once. */
export interface FleetAnswer {
  readonly regionId: string;
  readonly instances: readonly InstanceSummary[];
  readonly totalCount: number;
  readonly pages: number;
  /** ISO 8601. */
  readonly fetchedAt: string;
}
