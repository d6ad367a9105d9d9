import type { Instance } from '@ecs-console/ecs-client';
import { describe, expect, it } from 'vitest';
import { createSecurityGroup, createVpc } from '../src/store/factories.js';
import { expectApiError, testBed } from './support/test-bed.js';
import { type StatusBody, describeInstances, idsMatching } from './support/instance-bodies.js';

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
