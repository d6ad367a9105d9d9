import type {
  DescribeInstanceMonitorDataResponse,
  DescribeInstanceStatusResponse,
  DescribeInstancesResponse,
} from '@ecs-console/ecs-client';
import type { TestBed } from './test-bed.js';

type InstancesBody = Omit<DescribeInstancesResponse, 'RequestId'>;
export type StatusBody = Omit<DescribeInstanceStatusResponse, 'RequestId'>;
export type MonitorBody = Omit<DescribeInstanceMonitorDataResponse, 'RequestId'>;

export function describeInstances(bed: TestBed, params: Record<string, string> = {}): InstancesBody {
  return bed.call('DescribeInstances', { RegionId: bed.regionId, ...params }) as unknown as InstancesBody;
}

/** The IDs DescribeInstances answers for these filters (page size 100). */
export function idsMatching(bed: TestBed, params: Record<string, string>): string[] {
  return describeInstances(bed, { PageSize: '100', ...params }).Instances.Instance.map((i) => i.InstanceId);
}
