import type {
  DescribeInstanceMonitorDataResponse,
  DescribeInstanceStatusResponse,
  DescribeInstancesResponse,
  DescribeInstanceVncUrlResponse,
  Instance,
} from '@ecs-console/ecs-client';
import { describe, expect, it } from 'vitest';
import { findVncTicket } from '../src/console/vnc-tickets.js';
import { createDisk, createSecurityGroup, createSnapshot, createVpc } from '../src/store/factories.js';
import type { InstanceRecord } from '../src/store/types.js';
import { START, expectApiError, testBed, type TestBed } from './support/test-bed.js';

type InstancesBody = Omit<DescribeInstancesResponse, 'RequestId'>;
type StatusBody = Omit<DescribeInstanceStatusResponse, 'RequestId'>;
type MonitorBody = Omit<DescribeInstanceMonitorDataResponse, 'RequestId'>;

function describeInstances(bed: TestBed, params: Record<string, string> = {}): InstancesBody {
  return bed.call('DescribeInstances', { RegionId: bed.regionId, ...params }) as unknown as InstancesBody;
}

/** The IDs DescribeInstances answers for these filters (page size 100). */
function idsMatching(bed: TestBed, params: Record<string, string>): string[] {
  return describeInstances(bed, { PageSize: '100', ...params }).Instances.Instance.map((i) => i.InstanceId);
}

describe('DescribeInstances', () => {
  it('renders the full instance field set in the client shape', () => {
    const bed = testBed();
    const group = createSecurityGroup(bed.store, bed.region);
    const record = bed.instance({
      InstanceName: 'web-1',
      Description: 'front end',
      SecurityGroupIds: [group.SecurityGroupId],
      tags: { env: 'prod' },
      PublicIpAddress: '47.96.1.2',
      KeyPairName: 'ops-key',
      InternetMaxBandwidthOut: 5,
    });
    const rendered = describeInstances(bed).Instances.Instance[0]!;
    const expected: Instance = {
      InstanceId: record.InstanceId,
      InstanceName: 'web-1',
      Description: 'front end',
      HostName: record.HostName,
      ImageId: 'aliyun_3_x64_20G_alibase_20240819.vhd',
      InstanceType: 'ecs.g7.large',
      InstanceTypeFamily: 'ecs.g7',
      Cpu: 2,
      Memory: 8192,
      GPUAmount: 0,
      GPUSpec: '',
      OSName: record.OSName,
      OSNameEn: 'Alibaba Cloud Linux  3.2104 LTS 64 bit',
      OSType: 'linux',
      Status: 'Running',
      RegionId: 'cn-hangzhou',
      ZoneId: 'cn-hangzhou-h',
      CreationTime: '2024-05-01T00:00Z',
      StartTime: '2024-05-01T00:00Z',
      ExpiredTime: '2099-12-31T15:59Z',
      AutoReleaseTime: '',
      InstanceChargeType: 'PostPaid',
      InternetChargeType: 'PayByTraffic',
      InternetMaxBandwidthIn: -1,
      InternetMaxBandwidthOut: 5,
      InstanceNetworkType: 'vpc',
      IoOptimized: true,
      KeyPairName: 'ops-key',
      SerialNumber: record.SerialNumber,
      StoppedMode: 'Not-applicable',
      SpotStrategy: 'NoSpot',
      SpotPriceLimit: 0,
      SpotDuration: 0,
      DeletionProtection: false,
      Recyclable: false,
      DeviceAvailable: true,
      ResourceGroupId: '',
      CreditSpecification: '',
      DeploymentSetId: '',
      LocalStorageAmount: 0,
      LocalStorageCapacity: 0,
      VlanId: '',
      ClusterId: '',
      HpcClusterId: '',
      PublicIpAddress: { IpAddress: ['47.96.1.2'] },
      InnerIpAddress: { IpAddress: [] },
      RdmaIpAddress: { IpAddress: [] },
      VpcAttributes: {
        VpcId: record.VpcId,
        VSwitchId: record.VSwitchId,
        NatIpAddress: '',
        PrivateIpAddress: { IpAddress: [record.PrivateIpAddress] },
      },
      EipAddress: {},
      SecurityGroupIds: { SecurityGroupId: [group.SecurityGroupId] },
      OperationLocks: { LockReason: [] },
      Tags: { Tag: [{ TagKey: 'env', TagValue: 'prod' }] },
      NetworkInterfaces: {
        NetworkInterface: [
          {
            NetworkInterfaceId: `eni-${record.InstanceId.slice(2)}`,
            MacAddress: expect.stringMatching(/^00:16:3e(:[0-9a-f]{2}){3}$/) as string,
            PrimaryIpAddress: record.PrivateIpAddress,
            Type: 'Primary',
            PrivateIpSets: { PrivateIpSet: [{ PrivateIpAddress: record.PrivateIpAddress, Primary: true }] },
            Ipv6Sets: { Ipv6Set: [] },
          },
        ],
      },
      MetadataOptions: { HttpEndpoint: 'enabled', HttpTokens: 'optional', HttpPutResponseHopLimit: 1 },
      CpuOptions: { CoreCount: 1, ThreadsPerCore: 2, Numa: '' },
      HibernationOptions: { Configured: false },
      DedicatedHostAttribute: { DedicatedHostId: '', DedicatedHostName: '', DedicatedHostClusterId: '' },
      DedicatedInstanceAttribute: { Affinity: '', Tenancy: '' },
      EcsCapacityReservationAttr: { CapacityReservationId: '', CapacityReservationPreference: '' },
    };
    expect(rendered).toEqual(expected);
  });

  it('renders EIPs, locks, subscription expiry and burstable credit modes', () => {
    const bed = testBed();
    bed.instance({
      EipAddress: '39.100.1.1',
      lockReasons: ['financial'],
      InstanceChargeType: 'PrePaid',
      InstanceType: 'ecs.t6-c1m2.large',
    });
    const rendered = describeInstances(bed).Instances.Instance[0]!;
    expect(rendered.EipAddress).toMatchObject({ IpAddress: '39.100.1.1', IsSupportUnassociate: true });
    expect(rendered.OperationLocks.LockReason).toEqual([{ LockReason: 'financial' }]);
    expect(rendered.ExpiredTime).toBe('2024-05-31T00:00Z');
    expect(rendered.CreditSpecification).toBe('Standard');
    expect(rendered.InstanceTypeFamily).toBe('ecs.t6');
  });

  it('shows creation and start times at minute precision', () => {
    const bed = testBed();
    bed.clock.advance(90_500);
    bed.instance({ Status: 'Stopped', startedAt: undefined });
    const rendered = describeInstances(bed).Instances.Instance[0]!;
    expect(rendered.CreationTime).toBe('2024-05-01T00:01Z');
    expect(rendered.StartTime).toBe('');
    expect(rendered.StoppedMode).toBe('KeepCharging');
  });

  it('filters by the exact-match attributes', () => {
    const bed = testBed();
    const a = bed.instance({ ZoneId: 'cn-hangzhou-i', KeyPairName: 'k1', InstanceType: 'ecs.c7.large' });
    const otherVpc = createVpc(bed.store, bed.region);
    const b = bed.instance({ VpcId: otherVpc.VpcId, ImageId: 'ubuntu_22_04_x64_20G_alibase_20240710.vhd' });
    const c = bed.instance({ InstanceType: 'ecs.c7.xlarge' });
    expect(idsMatching(bed, { ZoneId: 'cn-hangzhou-i' })).toEqual([a.InstanceId]);
    expect(idsMatching(bed, { VpcId: otherVpc.VpcId })).toEqual([b.InstanceId]);
    expect(idsMatching(bed, { VSwitchId: b.VSwitchId })).toEqual([b.InstanceId]);
    expect(idsMatching(bed, { ImageId: 'ubuntu_22_04_x64_20G_alibase_20240710.vhd' })).toEqual([b.InstanceId]);
    expect(idsMatching(bed, { InstanceType: 'ecs.c7.xlarge' })).toEqual([c.InstanceId]);
    expect(idsMatching(bed, { InstanceTypeFamily: 'ecs.c7' })).toEqual([a.InstanceId, c.InstanceId]);
    expect(idsMatching(bed, { KeyPairName: 'k1' })).toEqual([a.InstanceId]);
    expect(idsMatching(bed, { ResourceGroupId: 'rg-acfm0001' })).toEqual([]);
  });

  it('filters by security group', () => {
    const bed = testBed();
    const group = createSecurityGroup(bed.store, bed.region);
    const member = bed.instance({ SecurityGroupIds: [group.SecurityGroupId] });
    bed.instance();
    expect(idsMatching(bed, { SecurityGroupId: group.SecurityGroupId })).toEqual([member.InstanceId]);
  });

  it('matches InstanceName exactly or with * wildcards', () => {
    const bed = testBed();
    const web1 = bed.instance({ InstanceName: 'web-1' });
    const web2 = bed.instance({ InstanceName: 'web-2' });
    const db = bed.instance({ InstanceName: 'db-web' });
    expect(idsMatching(bed, { InstanceName: 'web-1' })).toEqual([web1.InstanceId]);
    expect(idsMatching(bed, { InstanceName: 'web*' })).toEqual([web1.InstanceId, web2.InstanceId]);
    expect(idsMatching(bed, { InstanceName: '*web*' })).toEqual([web1.InstanceId, web2.InstanceId, db.InstanceId]);
    expect(idsMatching(bed, { InstanceName: 'web' })).toEqual([]);
  });

  it('filters by status, charge types, lock reason, network type and I/O optimisation', () => {
    const bed = testBed();
    const running = bed.instance();
    const stopped = bed.instance({ Status: 'Stopped', InternetChargeType: 'PayByBandwidth' });
    const prepaid = bed.instance({ InstanceChargeType: 'PrePaid', lockReasons: ['recycling'] });
    const all = [running.InstanceId, stopped.InstanceId, prepaid.InstanceId];
    expect(idsMatching(bed, { Status: 'Stopped' })).toEqual([stopped.InstanceId]);
    expect(idsMatching(bed, { InstanceChargeType: 'PrePaid' })).toEqual([prepaid.InstanceId]);
    expect(idsMatching(bed, { InternetChargeType: 'PayByBandwidth' })).toEqual([stopped.InstanceId]);
    expect(idsMatching(bed, { LockReason: 'Recycling' })).toEqual([prepaid.InstanceId]);
    expect(idsMatching(bed, { LockReason: 'security' })).toEqual([]);
    expect(idsMatching(bed, { InstanceNetworkType: 'vpc' })).toEqual(all);
    expect(idsMatching(bed, { InstanceNetworkType: 'VPC' })).toEqual(all);
    expect(idsMatching(bed, { InstanceNetworkType: 'classic' })).toEqual([]);
    expect(idsMatching(bed, { IoOptimized: 'true' })).toEqual(all);
    expect(idsMatching(bed, { IoOptimized: 'false' })).toEqual([]);
  });

  it('rejects unknown enum values with the documented 404 codes', () => {
    const bed = testBed();
    expectApiError(() => describeInstances(bed, { Status: 'Sleeping' }), 404, 'InvalidStatus.NotFound');
    expectApiError(
      () => describeInstances(bed, { InstanceChargeType: 'Free' }),
      404,
      'InvalidInstanceChargeType.NotFound',
    );
    expectApiError(
      () => describeInstances(bed, { InternetChargeType: 'PayByHour' }),
      404,
      'InvalidInternetChargeType.ValueNotSupported',
    );
    expectApiError(() => describeInstances(bed, { LockReason: 'boredom' }), 404, 'InvalidLockReason.NotFound');
    expectApiError(() => describeInstances(bed, { InstanceNetworkType: 'mesh' }), 404, 'InvalidNetworkType.NotFound');
    expectApiError(() => describeInstances(bed, { HpcClusterId: 'hpc-1' }), 400, 'InvalidHpcClusterId.NotFound');
  });

  it('filters by the JSON-array ID and address lists', () => {
    const bed = testBed();
    const a = bed.instance({ PublicIpAddress: '47.0.0.1' });
    const b = bed.instance({ EipAddress: '39.0.0.1' });
    const c = bed.instance();
    const json = (values: string[]) => JSON.stringify(values);
    expect(idsMatching(bed, { InstanceIds: json([c.InstanceId, a.InstanceId]) })).toEqual([a.InstanceId, c.InstanceId]);
    expect(idsMatching(bed, { InstanceIds: '[]' })).toEqual([]);
    expect(idsMatching(bed, { PrivateIpAddresses: json([b.PrivateIpAddress]) })).toEqual([b.InstanceId]);
    expect(idsMatching(bed, { PublicIpAddresses: json(['47.0.0.1']) })).toEqual([a.InstanceId]);
    expect(idsMatching(bed, { EipAddresses: json(['39.0.0.1']) })).toEqual([b.InstanceId]);
    expect(idsMatching(bed, { InnerIpAddresses: json([a.PrivateIpAddress]) })).toEqual([]);
  });

  it('rejects malformed or oversized JSON-array filters', () => {
    const bed = testBed();
    const ids = JSON.stringify(Array.from({ length: 101 }, (_, i) => `i-${i}`));
    expectApiError(() => describeInstances(bed, { InstanceIds: ids }), 400, 'InvalidParameter');
    expectApiError(() => describeInstances(bed, { InstanceIds: 'i-1,i-2' }), 400, 'InvalidParameter');
  });

  it('filters by tags: every tag must match, a key alone matches any value', () => {
    const bed = testBed();
    const prodWeb = bed.instance({ tags: { env: 'prod', role: 'web' } });
    const prodDb = bed.instance({ tags: { env: 'prod', role: 'db' } });
    bed.instance({ tags: { env: 'test' } });
    expect(idsMatching(bed, { 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod' })).toEqual([
      prodWeb.InstanceId,
      prodDb.InstanceId,
    ]);
    expect(idsMatching(bed, { 'Tag.1.Key': 'role' })).toEqual([prodWeb.InstanceId, prodDb.InstanceId]);
    expect(
      idsMatching(bed, { 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod', 'Tag.2.Key': 'role', 'Tag.2.Value': 'db' }),
    ).toEqual([prodDb.InstanceId]);
  });

  it('rejects a tag value without a key and more than 20 tags', () => {
    const bed = testBed();
    expectApiError(() => describeInstances(bed, { 'Tag.1.Value': 'prod' }), 400, 'InvalidTag.Mismatch');
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`Tag.${i + 1}.Key`, `k${i}`]));
    expectApiError(() => describeInstances(bed, many), 400, 'InvalidTagCount');
  });

  it('filters by creation and expiry windows', () => {
    const bed = testBed();
    const early = bed.instance();
    bed.clock.advance(3_600_000);
    const late = bed.instance({ InstanceChargeType: 'PrePaid' });
    const filter = (key: string, value: string) => ({ 'Filter.1.Key': key, 'Filter.1.Value': value });
    expect(idsMatching(bed, filter('CreationStartTime', '2024-05-01T00:30Z'))).toEqual([late.InstanceId]);
    expect(idsMatching(bed, filter('CreationEndTime', '2024-05-01T00:30Z'))).toEqual([early.InstanceId]);
    expect(idsMatching(bed, filter('CreationStartTime', '2024-05-01T01:00Z'))).toEqual([late.InstanceId]);
    expect(idsMatching(bed, filter('ExpiredEndTime', '2025-01-01T00:00Z'))).toEqual([late.InstanceId]);
    expect(idsMatching(bed, filter('ExpiredStartTime', '2025-01-01T00:00Z'))).toEqual([early.InstanceId]);
    expect(
      idsMatching(bed, {
        'Filter.1.Key': 'CreationStartTime',
        'Filter.1.Value': '2024-04-30T00:00Z',
        'Filter.2.Key': 'CreationEndTime',
        'Filter.2.Value': '2024-05-01T00:00Z',
      }),
    ).toEqual([early.InstanceId]);
  });

  it('rejects unknown filter keys and malformed filter times', () => {
    const bed = testBed();
    expectApiError(
      () => describeInstances(bed, { 'Filter.1.Key': 'Owner', 'Filter.1.Value': 'x' }),
      404,
      'InvalidFilterKey.NotFound',
    );
    expectApiError(
      () => describeInstances(bed, { 'Filter.1.Key': 'CreationStartTime', 'Filter.1.Value': 'yesterday' }),
      400,
      'InvalidParameter',
    );
  });

  it('combines filters with AND', () => {
    const bed = testBed();
    const match = bed.instance({ InstanceName: 'web-1', Status: 'Stopped' });
    bed.instance({ InstanceName: 'web-2' });
    bed.instance({ InstanceName: 'db-1', Status: 'Stopped' });
    expect(idsMatching(bed, { InstanceName: 'web*', Status: 'Stopped' })).toEqual([match.InstanceId]);
  });

  it('pages with PageNumber and PageSize (default 10, at most 100)', () => {
    const bed = testBed();
    const ids = Array.from({ length: 25 }, () => bed.instance().InstanceId);
    const first = describeInstances(bed);
    expect(first).toMatchObject({ TotalCount: 25, PageNumber: 1, PageSize: 10 });
    expect(first.Instances.Instance.map((i) => i.InstanceId)).toEqual(ids.slice(0, 10));
    const third = describeInstances(bed, { PageNumber: '3', PageSize: '10' });
    expect(third.Instances.Instance.map((i) => i.InstanceId)).toEqual(ids.slice(20));
    expect(describeInstances(bed, { PageSize: '100' }).Instances.Instance).toHaveLength(25);
    expectApiError(() => describeInstances(bed, { PageSize: '101' }), 400, 'InvalidParameter');
  });

  it('pages with NextToken and MaxResults', () => {
    const bed = testBed();
    const ids = Array.from({ length: 25 }, () => bed.instance().InstanceId);
    const seen: string[] = [];
    let token = '';
    let pages = 0;
    do {
      const page = describeInstances(bed, { MaxResults: '10', ...(token ? { NextToken: token } : {}) });
      seen.push(...page.Instances.Instance.map((i) => i.InstanceId));
      token = page.NextToken ?? '';
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
  });

  it('answers DryRun with DryRunOperation once the request is valid', () => {
    const bed = testBed();
    expectApiError(() => describeInstances(bed, { DryRun: 'true' }), 400, 'DryRunOperation');
    expectApiError(() => describeInstances(bed, { DryRun: 'true', Status: 'Bad' }), 404, 'InvalidStatus.NotFound');
  });

  it('requires an existing RegionId', () => {
    const bed = testBed();
    expectApiError(() => bed.call('DescribeInstances'), 400, 'MissingParameter');
    expectApiError(() => bed.call('DescribeInstances', { RegionId: 'mars-1' }), 404, 'InvalidRegionId.NotFound');
  });
});

describe('DescribeInstanceStatus', () => {
  it('lists instance statuses, 10 to a page by default', () => {
    const bed = testBed();
    const instances = Array.from({ length: 12 }, (_, i) => bed.instance({ Status: i === 0 ? 'Stopped' : 'Running' }));
    const body = bed.call('DescribeInstanceStatus', { RegionId: bed.regionId }) as unknown as StatusBody;
    expect(body).toMatchObject({ TotalCount: 12, PageNumber: 1, PageSize: 10 });
    expect(body.InstanceStatuses.InstanceStatus[0]).toEqual({
      InstanceId: instances[0]!.InstanceId,
      Status: 'Stopped',
    });
    expect(body.InstanceStatuses.InstanceStatus).toHaveLength(10);
  });

  it('filters by InstanceId.N and ZoneId', () => {
    const bed = testBed();
    const a = bed.instance();
    const b = bed.instance({ ZoneId: 'cn-hangzhou-j' });
    bed.instance();
    const ids = (params: Record<string, string>) =>
      (
        bed.call('DescribeInstanceStatus', { RegionId: bed.regionId, ...params }) as unknown as StatusBody
      ).InstanceStatuses.InstanceStatus.map((s) => s.InstanceId);
    expect(ids({ 'InstanceId.1': b.InstanceId, 'InstanceId.2': a.InstanceId })).toEqual([a.InstanceId, b.InstanceId]);
    expect(ids({ ZoneId: 'cn-hangzhou-j' })).toEqual([b.InstanceId]);
  });

  it('limits PageSize to 50 and InstanceId.N to 100', () => {
    const bed = testBed();
    const regionId = bed.regionId;
    expect(bed.call('DescribeInstanceStatus', { RegionId: regionId, PageSize: '50' })).toMatchObject({ PageSize: 50 });
    expectApiError(
      () => bed.call('DescribeInstanceStatus', { RegionId: regionId, PageSize: '51' }),
      400,
      'InvalidParameter',
    );
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`InstanceId.${i + 1}`, `i-${i}`]));
    expectApiError(() => bed.call('DescribeInstanceStatus', { RegionId: regionId, ...many }), 400, 'InvalidParameter');
  });
});

describe('StartInstance', () => {
  it('goes Stopped → Starting → Running in 15 s', () => {
    const bed = testBed();
    const instance = bed.instance({ Status: 'Stopped', everStarted: false });
    expect(bed.call('StartInstance', { InstanceId: instance.InstanceId })).toEqual({});
    expect(instance).toMatchObject({ Status: 'Starting', everStarted: true, StoppedMode: 'Not-applicable' });
    bed.advance(14_999);
    expect(instance.Status).toBe('Starting');
    bed.advance(1);
    expect(instance.Status).toBe('Running');
    expect(instance.startedAt).toBe(START + 15_000);
  });

  it('rejects the wrong status, locks, unknown IDs, and answers DryRun', () => {
    const bed = testBed();
    const running = bed.instance();
    expectApiError(() => bed.call('StartInstance', { InstanceId: running.InstanceId }), 403, 'IncorrectInstanceStatus');
    const locked = bed.instance({ Status: 'Stopped', lockReasons: ['security'] });
    expectApiError(
      () => bed.call('StartInstance', { InstanceId: locked.InstanceId }),
      403,
      'InstanceLockedForSecurity',
    );
    const overdue = bed.instance({ Status: 'Stopped', lockReasons: ['financial'] });
    expectApiError(() => bed.call('StartInstance', { InstanceId: overdue.InstanceId }), 403, 'InstanceExpired');
    expectApiError(() => bed.call('StartInstance', { InstanceId: 'i-missing' }), 404, 'InvalidInstanceId.NotFound');
    expectApiError(() => bed.call('StartInstance'), 400, 'MissingParameter');
    const stopped = bed.instance({ Status: 'Stopped' });
    expectApiError(
      () => bed.call('StartInstance', { InstanceId: stopped.InstanceId, DryRun: 'true' }),
      400,
      'DryRunOperation',
    );
    expect(stopped.Status).toBe('Stopped');
  });

  it('checks a RegionId that is sent', () => {
    const bed = testBed();
    const stopped = bed.instance({ Status: 'Stopped' });
    expectApiError(
      () => bed.call('StartInstance', { InstanceId: stopped.InstanceId, RegionId: 'mars-1' }),
      404,
      'InvalidRegionId.NotFound',
    );
  });
});

describe('StopInstance', () => {
  it('goes Running → Stopping → Stopped in 10 s, keeping charging by default', () => {
    const bed = testBed();
    const instance = bed.instance();
    bed.call('StopInstance', { InstanceId: instance.InstanceId });
    expect(instance.Status).toBe('Stopping');
    bed.advance(9_999);
    expect(instance.Status).toBe('Stopping');
    bed.advance(1);
    expect(instance).toMatchObject({ Status: 'Stopped', StoppedMode: 'KeepCharging' });
  });

  it('powers off in 3 s with ForceStop', () => {
    const bed = testBed();
    const instance = bed.instance();
    bed.call('StopInstance', {
      InstanceId: instance.InstanceId,
      ForceStop: 'true',
      ConfirmStop: 'true',
      Hibernate: 'false',
    });
    bed.advance(3_000);
    expect(instance.Status).toBe('Stopped');
  });

  it('stops charging only for pay-as-you-go instances', () => {
    const bed = testBed();
    const postPaid = bed.instance();
    const prePaid = bed.instance({ InstanceChargeType: 'PrePaid' });
    bed.call('StopInstance', { InstanceId: postPaid.InstanceId, StoppedMode: 'StopCharging' });
    bed.call('StopInstance', { InstanceId: prePaid.InstanceId, StoppedMode: 'StopCharging' });
    bed.advance(10_000);
    expect(postPaid.StoppedMode).toBe('StopCharging');
    expect(prePaid.StoppedMode).toBe('KeepCharging');
    bed.call('StartInstance', { InstanceId: postPaid.InstanceId });
    expect(postPaid.StoppedMode).toBe('Not-applicable');
  });

  it('rejects the wrong status, locks, bad modes, and answers DryRun', () => {
    const bed = testBed();
    const stopped = bed.instance({ Status: 'Stopped' });
    expectApiError(() => bed.call('StopInstance', { InstanceId: stopped.InstanceId }), 403, 'IncorrectInstanceStatus');
    const locked = bed.instance({ lockReasons: ['security'] });
    expectApiError(() => bed.call('StopInstance', { InstanceId: locked.InstanceId }), 403, 'InstanceLockedForSecurity');
    const overdue = bed.instance({ lockReasons: ['financial'] });
    expectApiError(
      () => bed.call('StopInstance', { InstanceId: overdue.InstanceId }),
      403,
      'InstanceExpiredOrInArrears',
    );
    const running = bed.instance();
    expectApiError(
      () => bed.call('StopInstance', { InstanceId: running.InstanceId, StoppedMode: 'Freeze' }),
      400,
      'InvalidParameter',
    );
    expectApiError(() => bed.call('StopInstance', { InstanceId: 'i-missing' }), 404, 'InvalidInstanceId.NotFound');
    expectApiError(
      () => bed.call('StopInstance', { InstanceId: running.InstanceId, DryRun: 'true' }),
      400,
      'DryRunOperation',
    );
    expect(running.Status).toBe('Running');
  });
});

describe('RebootInstance', () => {
  it('goes Running → Starting → Running and restarts the clock of StartTime', () => {
    const bed = testBed();
    const instance = bed.instance();
    bed.advance(60_000);
    bed.call('RebootInstance', { InstanceId: instance.InstanceId, ForceStop: 'false' });
    expect(instance.Status).toBe('Starting');
    bed.advance(15_000);
    expect(instance.Status).toBe('Running');
    expect(instance.startedAt).toBe(START + 75_000);
  });

  it('rejects the wrong status, locks, unknown IDs, and answers DryRun', () => {
    const bed = testBed();
    const stopped = bed.instance({ Status: 'Stopped' });
    expectApiError(
      () => bed.call('RebootInstance', { InstanceId: stopped.InstanceId }),
      403,
      'IncorrectInstanceStatus',
    );
    const locked = bed.instance({ lockReasons: ['security'] });
    expectApiError(
      () => bed.call('RebootInstance', { InstanceId: locked.InstanceId }),
      403,
      'InstanceLockedForSecurity',
    );
    const overdue = bed.instance({ lockReasons: ['financial'] });
    expectApiError(
      () => bed.call('RebootInstance', { InstanceId: overdue.InstanceId }),
      403,
      'InstanceExpiredOrInArrears',
    );
    expectApiError(() => bed.call('RebootInstance', { InstanceId: 'i-missing' }), 404, 'InvalidInstanceId.NotFound');
    const running = bed.instance();
    expectApiError(
      () => bed.call('RebootInstance', { InstanceId: running.InstanceId, DryRun: 'true' }),
      400,
      'DryRunOperation',
    );
    expect(running.Status).toBe('Running');
  });
});

describe('a new instance', () => {
  it('goes Pending → Starting → Running when RunInstances schedules it', () => {
    const bed = testBed();
    const instance = bed.instance({ Status: 'Pending', everStarted: false });
    bed.store.setTransition('instance', bed.regionId, instance, { to: 'Starting', at: START + 5_000 });
    bed.advance(5_000);
    expect(instance).toMatchObject({ Status: 'Starting', everStarted: true });
    bed.advance(15_000);
    expect(instance).toMatchObject({ Status: 'Running', startedAt: START + 20_000 });
  });
});

describe('DeleteInstance', () => {
  it('releases a stopped instance with its system disk and DeleteWithInstance data disks', () => {
    const bed = testBed();
    const instance = bed.instance({ Status: 'Stopped' });
    const id = instance.InstanceId;
    const systemDisk = [...bed.region.disks.values()].find((d) => d.InstanceId === id)!;
    const goes = createDisk(bed.store, bed.region, { InstanceId: id, DeleteWithInstance: true });
    const stays = createDisk(bed.store, bed.region, { InstanceId: id, DeleteWithInstance: false });
    const autoSnapshot = createSnapshot(bed.store, bed.region, systemDisk, { SnapshotType: 'auto' });
    const manualSnapshot = createSnapshot(bed.store, bed.region, systemDisk);
    bed.advance(1_000);
    expect(bed.call('DeleteInstance', { InstanceId: id })).toEqual({});
    expect(bed.region.instances.has(id)).toBe(false);
    expect(bed.store.regionOf(id)).toBeUndefined();
    expect(bed.region.disks.has(systemDisk.DiskId)).toBe(false);
    expect(bed.region.disks.has(goes.DiskId)).toBe(false);
    expect(bed.store.regionOf(goes.DiskId)).toBeUndefined();
    expect(bed.region.disks.get(stays.DiskId)).toMatchObject({
      Status: 'Available',
      InstanceId: '',
      Device: '',
      DeleteWithInstance: false,
      detachedAt: START + 1_000,
    });
    expect(bed.region.snapshots.has(autoSnapshot.SnapshotId)).toBe(false);
    expect(bed.region.snapshots.has(manualSnapshot.SnapshotId)).toBe(true);
  });

  it('releases a running instance only with Force=true', () => {
    const bed = testBed();
    const running = bed.instance();
    expectApiError(
      () => bed.call('DeleteInstance', { InstanceId: running.InstanceId }),
      403,
      'IncorrectInstanceStatus',
    );
    bed.call('DeleteInstance', { InstanceId: running.InstanceId, Force: 'true', ForceStop: 'true' });
    expect(bed.region.instances.has(running.InstanceId)).toBe(false);
  });

  it('refuses transitional states, protected, locked and subscription instances', () => {
    const bed = testBed();
    const pending = bed.instance({ Status: 'Pending' });
    expectApiError(
      () => bed.call('DeleteInstance', { InstanceId: pending.InstanceId, Force: 'true' }),
      403,
      'IncorrectInstanceStatus.Initializing',
    );
    const stopping = bed.instance({ Status: 'Stopping' });
    expectApiError(
      () => bed.call('DeleteInstance', { InstanceId: stopping.InstanceId, Force: 'true' }),
      403,
      'IncorrectInstanceStatus',
    );
    const protectedOne = bed.instance({ Status: 'Stopped', DeletionProtection: true });
    expectApiError(
      () => bed.call('DeleteInstance', { InstanceId: protectedOne.InstanceId }),
      403,
      'InvalidOperation.DeletionProtection',
    );
    const locked = bed.instance({ Status: 'Stopped', lockReasons: ['security'] });
    expectApiError(
      () => bed.call('DeleteInstance', { InstanceId: locked.InstanceId }),
      403,
      'InstanceLockedForSecurity',
    );
    const subscription = bed.instance({ Status: 'Stopped', InstanceChargeType: 'PrePaid' });
    expectApiError(
      () => bed.call('DeleteInstance', { InstanceId: subscription.InstanceId }),
      403,
      'ChargeTypeViolation',
    );
    expectApiError(() => bed.call('DeleteInstance', { InstanceId: 'i-missing' }), 404, 'InvalidInstanceId.NotFound');
  });

  it('releases an expired subscription instance with TerminateSubscription', () => {
    const bed = testBed();
    const subscription = bed.instance({ Status: 'Stopped', InstanceChargeType: 'PrePaid', expiredAt: START + 1_000 });
    bed.advance(1_000);
    const id = subscription.InstanceId;
    expectApiError(() => bed.call('DeleteInstance', { InstanceId: id }), 403, 'ChargeTypeViolation');
    bed.call('DeleteInstance', { InstanceId: id, TerminateSubscription: 'true' });
    expect(bed.region.instances.has(id)).toBe(false);
  });

  it('answers DryRun without releasing anything', () => {
    const bed = testBed();
    const stopped = bed.instance({ Status: 'Stopped' });
    expectApiError(
      () => bed.call('DeleteInstance', { InstanceId: stopped.InstanceId, DryRun: 'true' }),
      400,
      'DryRunOperation',
    );
    expect(bed.region.instances.has(stopped.InstanceId)).toBe(true);
  });
});

describe('ModifyInstanceAttribute', () => {
  const modify = (bed: TestBed, instance: InstanceRecord, params: Record<string, string>) =>
    bed.call('ModifyInstanceAttribute', { InstanceId: instance.InstanceId, ...params });

  it('changes name, description, host name, deletion protection and credit mode', () => {
    const bed = testBed();
    const instance = bed.instance({ InstanceType: 'ecs.t6-c1m2.large' });
    expect(
      modify(bed, instance, {
        InstanceName: 'web:front_1.a-b',
        Description: 'the front end',
        HostName: 'web-1.example',
        DeletionProtection: 'true',
        CreditSpecification: 'Unlimited',
        Password: 'Passw0rd!',
      }),
    ).toEqual({});
    expect(instance).toMatchObject({
      InstanceName: 'web:front_1.a-b',
      Description: 'the front end',
      HostName: 'web-1.example',
      DeletionProtection: true,
      CreditSpecification: 'Unlimited',
    });
  });

  it('validates InstanceName and Description', () => {
    const bed = testBed();
    const instance = bed.instance();
    for (const bad of ['a', '1web', 'http://x', 'has space', 'x'.repeat(129)]) {
      expectApiError(() => modify(bed, instance, { InstanceName: bad }), 400, 'InvalidInstanceName.Malformed');
    }
    modify(bed, instance, { InstanceName: '网站-1' });
    expect(instance.InstanceName).toBe('网站-1');
    for (const bad of ['a', 'https://example.com', 'x'.repeat(257)]) {
      expectApiError(() => modify(bed, instance, { Description: bad }), 400, 'InvalidDescription.Malformed');
    }
  });

  it('validates host names by operating system', () => {
    const bed = testBed();
    const linux = bed.instance();
    const windows = bed.instance({ ImageId: 'win2022_21H2_x64_dtc_en-us_40G_alibase_20240716.vhd' });
    for (const bad of ['a', '-web', 'web-', 'web..a', 'web--a', '.web', 'we_b', 'x'.repeat(65)]) {
      expectApiError(() => modify(bed, linux, { HostName: bad }), 400, 'InvalidHostName.Malformed');
    }
    for (const bad of ['web.local', '12345', 'x'.repeat(16)]) {
      expectApiError(() => modify(bed, windows, { HostName: bad }), 400, 'InvalidHostName.Malformed');
    }
    modify(bed, windows, { HostName: 'WIN-APP-01' });
    expect(windows.HostName).toBe('WIN-APP-01');
  });

  it('validates passwords: 8-30 characters of three classes, no leading / on Windows', () => {
    const bed = testBed();
    const linux = bed.instance();
    const windows = bed.instance({ ImageId: 'win2019_1809_x64_dtc_en-us_40G_alibase_20240716.vhd' });
    for (const bad of ['Sh0rt!', 'alllowercase1', 'NoDigitsOrSpecials', 'Bad char 1!', `Aa1!${'x'.repeat(27)}`]) {
      expectApiError(() => modify(bed, linux, { Password: bad }), 400, 'InvalidPassword.Malformed');
    }
    expect(modify(bed, linux, { Password: '/Passw0rd' })).toEqual({});
    expectApiError(() => modify(bed, windows, { Password: '/Passw0rd' }), 400, 'InvalidPassword.Malformed');
  });

  it('refuses a password while Starting and a host name while Pending', () => {
    const bed = testBed();
    const starting = bed.instance({ Status: 'Starting' });
    expectApiError(() => modify(bed, starting, { Password: 'Passw0rd!' }), 403, 'IncorrectInstanceStatus');
    const pending = bed.instance({ Status: 'Pending' });
    expectApiError(() => modify(bed, pending, { HostName: 'web-1' }), 403, 'IncorrectInstanceStatus');
  });

  it('accepts Base64 user data up to 32 KB on a stopped instance only', () => {
    const bed = testBed();
    const stopped = bed.instance({ Status: 'Stopped' });
    const running = bed.instance();
    const script = Buffer.from('#!/bin/sh\necho hello ecs!\n').toString('base64');
    expect(modify(bed, stopped, { UserData: script })).toEqual({});
    expectApiError(() => modify(bed, running, { UserData: script }), 403, 'IncorrectInstanceStatus');
    expectApiError(() => modify(bed, stopped, { UserData: 'not base64!' }), 400, 'InvalidParameter');
    const huge = Buffer.alloc(32 * 1024 + 1, 'a').toString('base64');
    expectApiError(() => modify(bed, stopped, { UserData: huge }), 400, 'InvalidUserData.SizeExceeded');
  });

  it('replaces the security groups with existing groups of the same VPC', () => {
    const bed = testBed();
    const [first, second] = [createSecurityGroup(bed.store, bed.region), createSecurityGroup(bed.store, bed.region)];
    const instance = bed.instance({ SecurityGroupIds: [first.SecurityGroupId] });
    modify(bed, instance, {
      'SecurityGroupIds.1': second.SecurityGroupId,
      'SecurityGroupIds.2': first.SecurityGroupId,
    });
    expect(instance.SecurityGroupIds).toEqual([second.SecurityGroupId, first.SecurityGroupId]);
  });

  it('rejects unknown, repeated, foreign-VPC, mixed-type and too many security groups', () => {
    const bed = testBed();
    const group = createSecurityGroup(bed.store, bed.region);
    const instance = bed.instance({ SecurityGroupIds: [group.SecurityGroupId] });
    const groups = (...ids: string[]) => Object.fromEntries(ids.map((id, i) => [`SecurityGroupIds.${i + 1}`, id]));
    expectApiError(() => modify(bed, instance, groups('sg-missing')), 404, 'InvalidSecurityGroupId.NotFound');
    expectApiError(
      () => modify(bed, instance, groups(group.SecurityGroupId, group.SecurityGroupId)),
      400,
      'InvalidParameter.SecurityGroupIdRepeated',
    );
    const otherVpc = createVpc(bed.store, bed.region);
    const foreign = createSecurityGroup(bed.store, bed.region, { VpcId: otherVpc.VpcId });
    expectApiError(
      () => modify(bed, instance, groups(foreign.SecurityGroupId)),
      400,
      'InvalidSecurityGroup.VpcMismatch',
    );
    const enterprise = createSecurityGroup(bed.store, bed.region, { SecurityGroupType: 'enterprise' });
    expectApiError(
      () => modify(bed, instance, groups(group.SecurityGroupId, enterprise.SecurityGroupId)),
      400,
      'InvalidParameter',
    );
    const six = Array.from({ length: 6 }, () => createSecurityGroup(bed.store, bed.region).SecurityGroupId);
    expectApiError(() => modify(bed, instance, groups(...six)), 400, 'InstanceSecurityGroupLimitExceeded');
    expect(instance.SecurityGroupIds).toEqual([group.SecurityGroupId]);
  });

  it('rejects a credit mode for other families, locked and unknown instances', () => {
    const bed = testBed();
    const general = bed.instance();
    expectApiError(
      () => modify(bed, general, { CreditSpecification: 'Unlimited' }),
      400,
      'InvalidParameter.CreditSpecification',
    );
    const burstable = bed.instance({ InstanceType: 'ecs.t6-c1m4.large' });
    expectApiError(
      () => modify(bed, burstable, { CreditSpecification: 'Turbo' }),
      400,
      'InvalidParameter.CreditSpecification',
    );
    const locked = bed.instance({ lockReasons: ['security'] });
    expectApiError(() => modify(bed, locked, { InstanceName: 'web-1' }), 403, 'InstanceLockedForSecurity');
    expectApiError(
      () => bed.call('ModifyInstanceAttribute', { InstanceId: 'i-missing', InstanceName: 'web-1' }),
      404,
      'InvalidInstanceId.NotFound',
    );
  });
});

describe('DescribeInstanceVncUrl', () => {
  it('answers a URL-encoded ws:// address whose ticket the console endpoint can look up', () => {
    const bed = testBed();
    const instance = bed.instance();
    const body = bed.call('DescribeInstanceVncUrl', {
      RegionId: bed.regionId,
      InstanceId: instance.InstanceId,
    }) as unknown as Omit<DescribeInstanceVncUrlResponse, 'RequestId'>;
    expect(body.VncUrl).not.toContain('/');
    const url = new URL(decodeURIComponent(body.VncUrl));
    expect(url.protocol).toBe('ws:');
    expect(url.host).toBe('127.0.0.1:9100');
    expect(url.pathname).toBe('/websockify/');
    const token = url.searchParams.get('s')!;
    expect(token).toMatch(/^[\w-]{20,}$/);
    expect(findVncTicket(bed.store, token)).toMatchObject({
      instanceId: instance.InstanceId,
      regionId: bed.regionId,
      issuedAt: START,
    });
  });

  it('needs a Running instance in the named region', () => {
    const bed = testBed();
    const stopped = bed.instance({ Status: 'Stopped' });
    const call = (params: Record<string, string>) => bed.call('DescribeInstanceVncUrl', params);
    expectApiError(
      () => call({ RegionId: bed.regionId, InstanceId: stopped.InstanceId }),
      403,
      'IncorrectInstanceStatus',
    );
    expectApiError(() => call({ RegionId: bed.regionId, InstanceId: 'i-missing' }), 404, 'InvalidInstanceId.NotFound');
    expectApiError(() => call({ InstanceId: stopped.InstanceId }), 400, 'MissingParameter');
    expectApiError(() => call({ RegionId: bed.regionId }), 400, 'MissingParameter');
  });
});

describe('ModifyInstanceVncPasswd', () => {
  it('stores a six-character password of letters and digits', () => {
    const bed = testBed();
    const instance = bed.instance();
    const call = (password: string) =>
      bed.call('ModifyInstanceVncPasswd', {
        RegionId: bed.regionId,
        InstanceId: instance.InstanceId,
        VncPassword: password,
      });
    expect(call('aB3dE6')).toEqual({});
    expect(instance.vncPassword).toBe('aB3dE6');
    for (const bad of ['abc12', 'abc1234', 'abc12!']) {
      expectApiError(() => call(bad), 400, 'IncorrectVncPassword.Malformed');
    }
    expect(instance.vncPassword).toBe('aB3dE6');
  });

  it('rejects unknown and pending instances and a missing password', () => {
    const bed = testBed();
    const pending = bed.instance({ Status: 'Pending' });
    const call = (params: Record<string, string>) =>
      bed.call('ModifyInstanceVncPasswd', { RegionId: bed.regionId, ...params });
    expectApiError(
      () => call({ InstanceId: pending.InstanceId, VncPassword: 'abc123' }),
      403,
      'IncorrectInstanceStatus',
    );
    expectApiError(() => call({ InstanceId: 'i-missing', VncPassword: 'abc123' }), 404, 'InvalidInstanceId.NotFound');
    expectApiError(() => call({ InstanceId: pending.InstanceId }), 400, 'MissingParameter');
  });
});

describe('DescribeInstanceMonitorData', () => {
  const monitor = (bed: TestBed, params: Record<string, string>) =>
    bed.call('DescribeInstanceMonitorData', params) as unknown as MonitorBody;

  /** A bed whose clock stands at 2024-05-02T00:00Z with an instance running since 2024-05-01T00:00Z. */
  function runningDay() {
    const bed = testBed();
    const instance = bed.instance();
    bed.advance(86_400_000);
    return { bed, instance };
  }

  it('answers one point per period with plausible, repeatable metrics', () => {
    const { bed, instance } = runningDay();
    const params = {
      InstanceId: instance.InstanceId,
      StartTime: '2024-05-01T10:00:00Z',
      EndTime: '2024-05-01T11:00:00Z',
    };
    const body = monitor(bed, params);
    const points = body.MonitorData.InstanceMonitorData;
    expect(points).toHaveLength(60);
    expect(points[0]!.TimeStamp).toBe('2024-05-01T10:00:00Z');
    expect(points[59]!.TimeStamp).toBe('2024-05-01T10:59:00Z');
    for (const point of points) {
      expect(point.InstanceId).toBe(instance.InstanceId);
      expect(point.CPU).toBeGreaterThanOrEqual(0);
      expect(point.CPU).toBeLessThanOrEqual(100);
      expect(Number.isInteger(point.IntranetRX)).toBe(true);
      expect(point.IntranetBandwidth).toBe(Math.round((point.IntranetRX! + point.IntranetTX!) / 60));
      expect(point.InternetRX).toBe(0);
      expect(point.CPUCreditBalance).toBeUndefined();
    }
    expect(new Set(points.map((p) => p.CPU)).size).toBeGreaterThan(1);
    expect(monitor(bed, params)).toEqual(body);
  });

  it('supports 600 and 3600 second periods and rounds seconds up to the next minute', () => {
    const { bed, instance } = runningDay();
    const query = (period: string, start = '2024-05-01T00:00:00Z') =>
      monitor(bed, {
        InstanceId: instance.InstanceId,
        StartTime: start,
        EndTime: '2024-05-01T12:00:00Z',
        Period: period,
      }).MonitorData.InstanceMonitorData;
    expect(query('600')).toHaveLength(72);
    expect(query('3600')).toHaveLength(12);
    expect(query('3600', '2024-05-01T00:00:01Z')[0]!.TimeStamp).toBe('2024-05-01T00:01:00Z');
  });

  it('leaves out the metrics while the instance was not running, and in the future', () => {
    const bed = testBed();
    const instance = bed.instance({ PublicIpAddress: '47.0.0.1', InstanceType: 'ecs.t6-c1m2.large' });
    bed.advance(600_000);
    bed.call('StopInstance', { InstanceId: instance.InstanceId });
    bed.advance(600_000);
    const points = monitor(bed, {
      InstanceId: instance.InstanceId,
      StartTime: '2024-04-30T23:58:00Z',
      EndTime: '2024-05-01T00:25:00Z',
    }).MonitorData.InstanceMonitorData;
    const collected = points.filter((point) => point.CPU !== undefined).map((point) => point.TimeStamp);
    expect(collected[0]).toBe('2024-05-01T00:00:00Z');
    expect(collected.at(-1)).toBe('2024-05-01T00:09:00Z');
    expect(collected).toHaveLength(10);
    expect(points).toHaveLength(27);
    expect(points[0]).toEqual({ InstanceId: instance.InstanceId, TimeStamp: '2024-04-30T23:58:00Z' });
    const running = points.find((point) => point.CPU !== undefined)!;
    expect(running.InternetRX).toBeGreaterThan(0);
    expect(running.CPUCreditBalance).toBeGreaterThanOrEqual(0);
    expect(running.CPUCreditUsage).toBeGreaterThanOrEqual(0);
  });

  it('validates the time window and period', () => {
    const { bed, instance } = runningDay();
    const query = (params: Record<string, string>) => () =>
      monitor(bed, {
        InstanceId: instance.InstanceId,
        StartTime: '2024-05-01T10:00:00Z',
        EndTime: '2024-05-01T11:00:00Z',
        ...params,
      });
    expectApiError(query({ StartTime: '2024-05-01 10:00' }), 400, 'InvalidStartTime.Malformed');
    expectApiError(query({ EndTime: 'tomorrow' }), 400, 'InvalidEndTime.Malformed');
    expectApiError(query({ Period: '300' }), 400, 'InvalidPeriod.ValueNotSupported');
    expectApiError(query({ Period: 'often' }), 400, 'InvalidPeriod.ValueNotSupported');
    expectApiError(query({ EndTime: '2024-05-01T09:00:00Z' }), 400, 'InvalidStartTime.ValueNotSupported');
    expectApiError(query({ StartTime: '2024-03-01T00:00:00Z' }), 400, 'InvalidStartTime.TooEarly');
    expectApiError(query({ EndTime: '2024-05-01T16:41:00Z' }), 400, 'InvalidParameter.TooManyDataQueried');
    expect(query({ EndTime: '2024-05-01T16:40:00Z' })().MonitorData.InstanceMonitorData).toHaveLength(400);
    expectApiError(query({ InstanceId: 'i-missing' }), 404, 'InvalidInstanceId.NotFound');
    expectApiError(
      () => bed.call('DescribeInstanceMonitorData', { InstanceId: instance.InstanceId }),
      400,
      'MissingParameter',
    );
  });
});
