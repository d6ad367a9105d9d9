import { describe, expect, it } from 'vitest';
import { createDisk, createSnapshot } from '../src/store/factories.js';
import { expectApiError } from './support/test-bed.js';
import { bed, ids } from './support/disk-bed.js';

describe('DescribeDisks', () => {
  it('renders every field of the client Disk shape with ECS value types', () => {
    const t = bed();
    const data = createDisk(t.store, t.region, {
      InstanceId: t.instance.InstanceId,
      DiskName: 'logs',
      tags: { env: 'prod' },
      lockReasons: ['financial'],
    });
    const disk = t.disk(data.DiskId);
    expect(disk).toMatchObject({
      DiskId: data.DiskId,
      DiskName: 'logs',
      Description: '',
      RegionId: 'cn-hangzhou',
      ZoneId: 'cn-hangzhou-h',
      Type: 'data',
      Category: 'cloud_essd',
      Size: 40,
      Status: 'In_use',
      InstanceId: t.instance.InstanceId,
      Device: '/dev/xvdb',
      Portable: true,
      DeleteWithInstance: false,
      DeleteAutoSnapshot: true,
      EnableAutoSnapshot: false,
      Encrypted: false,
      KMSKeyId: '',
      DiskChargeType: 'PostPaid',
      CreationTime: '2024-05-01T00:00:00Z',
      AttachedTime: '2024-05-01T00:00:00Z',
      DetachedTime: '',
      ExpiredTime: '2999-09-08T16:00Z',
      OperationLocks: { OperationLock: [{ LockReason: 'financial' }] },
      Tags: { Tag: [{ TagKey: 'env', TagValue: 'prod' }] },
      PerformanceLevel: 'PL1',
      SerialNumber: data.DiskId.slice(2),
      ResourceGroupId: '',
      MultiAttach: 'Disabled',
      Attachments: {
        Attachment: [{ InstanceId: t.instance.InstanceId, Device: '/dev/xvdb', AttachedTime: '2024-05-01T00:00:00Z' }],
      },
    });
    // ESSD PL1: 1,800 + 50 IOPS per GiB; 120 + 0.5 MB/s per GiB.
    expect(disk.IOPS).toBe(3800);
    expect(disk.Throughput).toBe(140);
    expect(disk).not.toHaveProperty('Placement');
  });

  it('shows no Device or attachment for a disk that is not In_use', () => {
    const t = bed();
    const free = createDisk(t.store, t.region, { Category: 'cloud_ssd', Size: 100 });
    const disk = t.disk(free.DiskId);
    expect(disk).toMatchObject({
      Status: 'Available',
      InstanceId: '',
      Device: '',
      AttachedTime: '',
      PerformanceLevel: '',
    });
    expect(disk.Attachments).toEqual({ Attachment: [] });
    expect(disk.OperationLocks).toEqual({ OperationLock: [] });
    expect(disk.Tags).toEqual({ Tag: [] });
    expect({ IOPS: disk.IOPS, Throughput: disk.Throughput }).toEqual({ IOPS: 4800, Throughput: 170 });
  });

  it('gives a subscription disk a month-long ExpiredTime', () => {
    const t = bed();
    const prepaid = createDisk(t.store, t.region, { DiskChargeType: 'PrePaid' });
    expect(t.disk(prepaid.DiskId).ExpiredTime).toBe('2024-06-01T00:00Z');
  });

  it('adds Placement when AdditionalAttributes asks for it', () => {
    const t = bed();
    const [disk] = t.describe({ 'AdditionalAttributes.1': 'Placement' }).Disks.Disk;
    expect(disk?.Placement).toEqual({ ZoneIds: 'cn-hangzhou-h' });
  });

  it('requires a known RegionId', () => {
    const t = bed();
    expectApiError(() => t.call('DescribeDisks', {}), 400, 'MissingParameter');
    expectApiError(() => t.call('DescribeDisks', { RegionId: 'xx-nowhere-1' }), 404, 'InvalidRegionId.NotFound');
  });

  it('answers DryRun with DryRunOperation once the parameters are valid', () => {
    const t = bed();
    expectApiError(() => t.describe({ DryRun: 'true' }), 400, 'DryRunOperation');
    expectApiError(() => t.describe({ DryRun: 'true', DiskType: 'boot' }), 400, 'InvalidDiskType.ValueNotSupported');
  });

  describe('filters', () => {
    function filterBed() {
      const t = bed();
      const zoneI = t.newInstance({ ZoneId: 'cn-hangzhou-i' });
      const attached = createDisk(t.store, t.region, {
        InstanceId: t.instance.InstanceId,
        Category: 'cloud_ssd',
        DiskName: 'db',
      });
      const snapshot = createSnapshot(t.store, t.region, attached);
      const fromSnapshot = createDisk(t.store, t.region, {
        SourceSnapshotId: snapshot.SnapshotId,
        Encrypted: true,
        DeleteWithInstance: true,
        EnableAutoSnapshot: true,
        DeleteAutoSnapshot: false,
        tags: { team: 'a', env: 'dev' },
        lockReasons: ['security'],
      });
      const prepaid = createDisk(t.store, t.region, {
        DiskChargeType: 'PrePaid',
        Portable: false,
        Status: 'Creating',
        tags: { team: 'b' },
      });
      return { ...t, zoneI, attached, fromSnapshot, prepaid };
    }

    it('filters by zone, instance, source snapshot and name', () => {
      const t = filterBed();
      const zoneIDisk = [...t.region.disks.values()].find((disk) => disk.InstanceId === t.zoneI.InstanceId)!;
      expect(ids(t.describe({ ZoneId: 'cn-hangzhou-i' }))).toEqual([zoneIDisk.DiskId]);
      expect(ids(t.describe({ InstanceId: t.instance.InstanceId }))).toEqual([t.systemDisk.DiskId, t.attached.DiskId]);
      expect(ids(t.describe({ SnapshotId: t.fromSnapshot.SourceSnapshotId }))).toEqual([t.fromSnapshot.DiskId]);
      expect(ids(t.describe({ DiskName: 'db' }))).toEqual([t.attached.DiskId]);
      expect(ids(t.describe({ DiskName: 'd' }))).toEqual([]);
      expectApiError(() => t.describe({ ZoneId: 'cn-hangzhou-z' }), 400, 'InvalidZoneId.NotFound');
    });

    it('filters by DiskIds, a JSON array of at most 100', () => {
      const t = filterBed();
      const wanted = [t.prepaid.DiskId, t.attached.DiskId, 'd-unknown'];
      // Answered in the store's order, not the request's.
      expect(ids(t.describe({ DiskIds: JSON.stringify(wanted) }))).toEqual([t.attached.DiskId, t.prepaid.DiskId]);
      const tooMany = JSON.stringify(Array.from({ length: 101 }, (_, i) => `d-${i}`));
      expectApiError(() => t.describe({ DiskIds: tooMany }), 403, 'InvalidDiskIds.Malformed');
      expectApiError(() => t.describe({ DiskIds: 'd-1,d-2' }), 400, 'InvalidParameter.DiskIds');
    });

    it('filters by DiskType, Category and Status, each with its "all"', () => {
      const t = filterBed();
      const all = ids(t.describe({ PageSize: '100' }));
      expect(all).toHaveLength(5);
      const zoneISystemDisk = [...t.region.disks.values()].find((disk) => disk.InstanceId === t.zoneI.InstanceId)!;
      expect(ids(t.describe({ DiskType: 'system' }))).toEqual([t.systemDisk.DiskId, zoneISystemDisk.DiskId]);
      expect(ids(t.describe({ DiskType: 'data' }))).toEqual([
        t.attached.DiskId,
        t.fromSnapshot.DiskId,
        t.prepaid.DiskId,
      ]);
      expect(ids(t.describe({ DiskType: 'all' }))).toEqual(all);
      expect(ids(t.describe({ Category: 'cloud_ssd' }))).toEqual([t.attached.DiskId]);
      expect(ids(t.describe({ Category: 'all' }))).toEqual(all);
      expect(ids(t.describe({ Status: 'Creating' }))).toEqual([t.prepaid.DiskId]);
      expect(ids(t.describe({ Status: 'Available' }))).toEqual([t.fromSnapshot.DiskId]);
      expect(ids(t.describe({ Status: 'All' }))).toEqual(all);
      expectApiError(() => t.describe({ DiskType: 'boot' }), 400, 'InvalidDiskType.ValueNotSupported');
      expectApiError(() => t.describe({ Category: 'floppy' }), 400, 'InvalidCategory.ValueNotSupported');
      expectApiError(() => t.describe({ Status: 'in_use' }), 400, 'InvalidStatus.ValueNotSupported');
    });

    it('filters by the boolean attributes', () => {
      const t = filterBed();
      const only = [t.fromSnapshot.DiskId];
      expect(ids(t.describe({ Encrypted: 'true' }))).toEqual(only);
      expect(ids(t.describe({ EnableAutoSnapshot: 'true' }))).toEqual(only);
      expect(ids(t.describe({ DeleteAutoSnapshot: 'false' }))).toEqual(only);
      expect(ids(t.describe({ DeleteWithInstance: 'true', DiskType: 'data' }))).toEqual(only);
      expect(ids(t.describe({ Portable: 'false', DiskType: 'data' }))).toEqual([t.prepaid.DiskId]);
      expect(ids(t.describe({ Portable: 'true' }))).toEqual([t.attached.DiskId, t.fromSnapshot.DiskId]);
      expectApiError(() => t.describe({ Portable: 'yes' }), 400, 'InvalidParameter');
    });

    it('filters by charge type and lock reason', () => {
      const t = filterBed();
      expect(ids(t.describe({ DiskChargeType: 'PrePaid' }))).toEqual([t.prepaid.DiskId]);
      expect(ids(t.describe({ LockReason: 'security' }))).toEqual([t.fromSnapshot.DiskId]);
      expect(ids(t.describe({ LockReason: 'financial' }))).toEqual([]);
      expectApiError(() => t.describe({ DiskChargeType: 'Monthly' }), 404, 'InvalidDiskChargeType.NotFound');
      expectApiError(() => t.describe({ LockReason: 'recycling' }), 404, 'InvalidLockReason.NotFound');
    });

    it('finds nothing by resource group, policy, KMS key, shared or multi-attach, which no disk has', () => {
      const t = filterBed();
      expect(ids(t.describe({ ResourceGroupId: 'rg-1' }))).toEqual([]);
      expect(ids(t.describe({ AutoSnapshotPolicyId: 'sp-1' }))).toEqual([]);
      expect(ids(t.describe({ KMSKeyId: 'key-1' }))).toEqual([]);
      expect(ids(t.describe({ EnableShared: 'true' }))).toEqual([]);
      expect(ids(t.describe({ MultiAttach: 'Enabled' }))).toEqual([]);
      expect(ids(t.describe({ MultiAttach: 'Disabled' }))).toHaveLength(5);
    });

    it('filters by Tag.N: keys, or keys with values, all of them', () => {
      const t = filterBed();
      expect(ids(t.describe({ 'Tag.1.Key': 'team' }))).toEqual([t.fromSnapshot.DiskId, t.prepaid.DiskId]);
      expect(ids(t.describe({ 'Tag.1.Key': 'team', 'Tag.1.Value': 'b' }))).toEqual([t.prepaid.DiskId]);
      expect(ids(t.describe({ 'Tag.1.Key': 'team', 'Tag.2.Key': 'env', 'Tag.2.Value': 'dev' }))).toEqual([
        t.fromSnapshot.DiskId,
      ]);
      expectApiError(() => t.describe({ 'Tag.1.Value': 'b' }), 400, 'InvalidTag.Mismatch');
      const tooMany = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`Tag.${i + 1}.Key`, `k${i}`]));
      expectApiError(() => t.describe(tooMany), 400, 'InvalidTagCount');
    });

    it('filters by creation time with Filter.N', () => {
      const t = bed();
      t.advance(3_600_000);
      const later = createDisk(t.store, t.region);
      const window = (start: string, end?: string) => ({
        'Filter.1.Key': 'CreationStartTime',
        'Filter.1.Value': start,
        ...(end ? { 'Filter.2.Key': 'CreationEndTime', 'Filter.2.Value': end } : {}),
      });
      expect(ids(t.describe(window('2024-05-01T00:30Z')))).toEqual([later.DiskId]);
      expect(ids(t.describe(window('2024-05-01T00:00Z', '2024-05-01T00:30Z')))).toEqual([t.systemDisk.DiskId]);
      expect(ids(t.describe(window('2024-05-01T00:00:00Z')))).toHaveLength(2);
      expectApiError(
        () => t.describe({ 'Filter.1.Key': 'Size', 'Filter.1.Value': '1' }),
        404,
        'InvalidFilterKey.NotFound',
      );
      expectApiError(() => t.describe(window('yesterday')), 400, 'InvalidParameter');
    });
  });

  describe('pagination', () => {
    function manyDisks(count: number) {
      const t = bed();
      for (let i = 0; i < count - 1; i++) createDisk(t.store, t.region);
      return t;
    }

    it('pages with PageNumber and PageSize: default 10, at most 100', () => {
      const t = manyDisks(25);
      const all = [...t.region.disks.keys()];
      const first = t.describe();
      expect(first).toMatchObject({ TotalCount: 25, PageNumber: 1, PageSize: 10 });
      expect(ids(first)).toEqual(all.slice(0, 10));
      const third = t.describe({ PageNumber: '3', PageSize: '10' });
      expect(ids(third)).toEqual(all.slice(20));
      expect(ids(t.describe({ PageSize: '100' }))).toEqual(all);
      expectApiError(() => t.describe({ PageSize: '101' }), 400, 'InvalidParameter');
      expectApiError(() => t.describe({ PageNumber: '0' }), 400, 'InvalidParameter');
    });

    it('pages with NextToken and MaxResults between 10 and 500', () => {
      const t = manyDisks(25);
      const all = [...t.region.disks.keys()];
      const first = t.describe({ MaxResults: '4' });
      // Below the floor, MaxResults is raised to 10.
      expect(ids(first)).toEqual(all.slice(0, 10));
      const seen = ids(first);
      let token = first.NextToken;
      while (token) {
        const page = t.describe({ MaxResults: '10', NextToken: token });
        seen.push(...ids(page));
        token = page.NextToken;
      }
      expect(seen).toEqual(all);
      expect(ids(t.describe({ MaxResults: '900' }))).toEqual(all);
      expectApiError(() => t.describe({ NextToken: 'bogus' }), 400, 'InvalidParameter.NextToken');
    });
  });
});
