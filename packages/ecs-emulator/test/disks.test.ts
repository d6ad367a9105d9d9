import { describe, expect, it } from 'vitest';
import type { DescribeDisksResponse, Disk } from '@ecs-console/ecs-client';
import { createDisk, createInstance, createSnapshot, type InstanceInit } from '../src/store/factories.js';
import type { DiskRecord, InstanceRecord } from '../src/store/types.js';
import { START, expectApiError, testBed, type TestBed } from './support/test-bed.js';

type Page = Omit<DescribeDisksResponse, 'RequestId'>;

interface Bed extends Omit<TestBed, 'instance'> {
  /** Running, in cn-hangzhou-h, with its 20 GiB cloud_essd system disk. */
  readonly instance: InstanceRecord;
  readonly systemDisk: DiskRecord;
  describe(params?: Record<string, string>): Page;
  disk(diskId: string): Disk;
  newInstance(init?: InstanceInit): InstanceRecord;
}

function bed(): Bed {
  const base = testBed();
  const newInstance = (init: InstanceInit = {}) => createInstance(base.store, base.region, init);
  const instance = newInstance();
  const systemDisk = [...base.region.disks.values()].find((disk) => disk.InstanceId === instance.InstanceId)!;
  const describe = (params: Record<string, string> = {}) =>
    base.call('DescribeDisks', { RegionId: base.regionId, ...params }) as unknown as Page;
  return {
    ...base,
    instance,
    systemDisk,
    describe,
    disk: (diskId) => {
      const [disk] = describe({ DiskIds: JSON.stringify([diskId]) }).Disks.Disk;
      if (!disk) throw new Error(`${diskId} is not listed`);
      return disk;
    },
    newInstance,
  };
}

const ids = (page: Page) => page.Disks.Disk.map((disk) => disk.DiskId);

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

describe('CreateDisk', () => {
  const create = (t: Bed, params: Record<string, string>) =>
    t.call('CreateDisk', { RegionId: t.regionId, ZoneId: 'cn-hangzhou-h', DiskCategory: 'cloud_essd', ...params }) as {
      DiskId: string;
      OrderId?: string;
    };

  it('creates a pay-as-you-go disk: Creating, then Available after a few seconds', () => {
    const t = bed();
    const { DiskId } = create(t, {
      Size: '100',
      DiskName: 'data:disk_1.a-b',
      Description: 'for the database',
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'prod',
      'Tag.2.Key': 'empty',
    });
    expect(DiskId).toMatch(/^d-bp1[a-z0-9]{17}$/);
    expect(t.disk(DiskId)).toMatchObject({
      Status: 'Creating',
      ZoneId: 'cn-hangzhou-h',
      Type: 'data',
      Category: 'cloud_essd',
      PerformanceLevel: 'PL1',
      Size: 100,
      DiskName: 'data:disk_1.a-b',
      Description: 'for the database',
      Portable: true,
      DeleteAutoSnapshot: true,
      DeleteWithInstance: false,
      DiskChargeType: 'PostPaid',
      InstanceId: '',
      Tags: {
        Tag: [
          { TagKey: 'env', TagValue: 'prod' },
          { TagKey: 'empty', TagValue: '' },
        ],
      },
    });
    t.advance(4_999);
    expect(t.disk(DiskId).Status).toBe('Creating');
    t.advance(1);
    expect(t.disk(DiskId).Status).toBe('Available');
  });

  it('requires RegionId, ZoneId, and Size or SnapshotId', () => {
    const t = bed();
    expectApiError(() => t.call('CreateDisk', { ZoneId: 'cn-hangzhou-h', Size: '20' }), 400, 'MissingParameter');
    expect(
      expectApiError(() => t.call('CreateDisk', { RegionId: t.regionId, Size: '20' }), 400, 'MissingParameter').message,
    ).toContain('"ZoneId"');
    expect(expectApiError(() => create(t, {}), 400, 'MissingParameter').message).toContain('"Size"');
    expectApiError(() => create(t, { ZoneId: 'cn-hangzhou-z', Size: '20' }), 404, 'InvalidZoneId.NotFound');
  });

  it('checks the category: known, offered in the zone, with a valid performance level', () => {
    const t = bed();
    expectApiError(
      () => create(t, { DiskCategory: 'floppy', Size: '20' }),
      400,
      'InvalidDiskCategory.ValueNotSupported',
    );
    // The default category, basic `cloud`, is no longer sold in the catalog's zones.
    expectApiError(() => create(t, { DiskCategory: '', Size: '20' }), 403, 'InvalidDiskCategory.NotSupported');
    expectApiError(() => create(t, { PerformanceLevel: 'PL9', Size: '20' }), 400, 'InvalidPerformanceLevel.Malformed');
    const { DiskId } = create(t, { DiskCategory: 'cloud_ssd', PerformanceLevel: 'PL2', Size: '20' });
    expect(t.disk(DiskId).PerformanceLevel).toBe('');
    expectApiError(() => create(t, { MultiAttach: 'Enabled', Size: '20' }), 403, 'OperationDenied');
  });

  it.each([
    ['cloud_essd', 'PL1', '19'],
    ['cloud_essd', 'PL2', '460'],
    ['cloud_essd', 'PL3', '65537'],
    ['cloud_ssd', '', '32769'],
    ['cloud_efficiency', '', '19'],
    ['cloud_essd_entry', '', '9'],
    ['cloud_essd', '', 'ten'],
  ])('rejects %s %s of %s GiB', (category, level, size) => {
    const t = bed();
    const params = { DiskCategory: category, Size: size, ...(level ? { PerformanceLevel: level } : {}) };
    expectApiError(() => create(t, params), 400, 'InvalidSize.ValueNotSupported');
  });

  it.each([
    ['cloud_essd', 'PL0', '1'],
    ['cloud_essd', 'PL2', '461'],
    ['cloud_auto', '', '65536'],
    ['cloud_efficiency', '', '20'],
  ])('accepts %s %s of %s GiB', (category, level, size) => {
    const t = bed();
    const { DiskId } = create(t, { DiskCategory: category, Size: size, ...(level ? { PerformanceLevel: level } : {}) });
    expect(t.disk(DiskId).Size).toBe(Number(size));
  });

  it.each([
    ['DiskName', '1disk', 'InvalidDiskName.Malformed'],
    ['DiskName', 'd', 'InvalidDiskName.Malformed'],
    ['DiskName', 'http://disk', 'InvalidDiskName.Malformed'],
    ['DiskName', 'my disk', 'InvalidDiskName.Malformed'],
    ['DiskName', 'x'.repeat(129), 'InvalidDiskName.Malformed'],
    ['Description', 'x', 'InvalidDescription.Malformed'],
    ['Description', 'https://example.com', 'InvalidDescription.Malformed'],
    ['Description', 'x'.repeat(257), 'InvalidDescription.Malformed'],
  ])('rejects %s %j', (name, value, code) => {
    const t = bed();
    expectApiError(() => create(t, { Size: '20', [name]: value }), 400, code);
  });

  it('accepts a name in any script, starting with a letter', () => {
    const t = bed();
    const { DiskId } = create(t, { Size: '20', DiskName: '数据盘-1' });
    expect(t.disk(DiskId).DiskName).toBe('数据盘-1');
  });

  it('checks tags: valid keys and values, no duplicates, at most 20', () => {
    const t = bed();
    expectApiError(() => create(t, { Size: '20', 'Tag.1.Key': 'a', 'Tag.2.Key': 'a' }), 400, 'Duplicate.TagKey');
    expectApiError(() => create(t, { Size: '20', 'Tag.1.Key': 'aliyun:x' }), 400, 'InvalidTagKey.Malformed');
    expectApiError(() => create(t, { Size: '20', 'Tag.1.Key': 'k'.repeat(129) }), 400, 'InvalidTagKey.Malformed');
    expectApiError(
      () => create(t, { Size: '20', 'Tag.1.Key': 'k', 'Tag.1.Value': 'http://x' }),
      400,
      'InvalidTagValue.Malformed',
    );
    const tooMany = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`Tag.${i + 1}.Key`, `k${i}`]));
    expectApiError(() => create(t, { Size: '20', ...tooMany }), 400, 'InvalidTagCount');
  });

  describe('from a snapshot', () => {
    function withSnapshot(sizeGiB: number, status: 'accomplished' | 'progressing' = 'accomplished') {
      const t = bed();
      const source = createDisk(t.store, t.region, { Size: sizeGiB, Encrypted: true });
      const snapshot = createSnapshot(t.store, t.region, source, { Status: status });
      return { ...t, snapshot };
    }

    it('takes the larger of the snapshot size and Size, and the snapshot encryption', () => {
      const t = withSnapshot(40);
      const same = create(t, { SnapshotId: t.snapshot.SnapshotId });
      expect(t.disk(same.DiskId)).toMatchObject({ Size: 40, SourceSnapshotId: t.snapshot.SnapshotId, Encrypted: true });
      expect(t.disk(create(t, { SnapshotId: t.snapshot.SnapshotId, Size: '20' }).DiskId).Size).toBe(40);
      expect(t.disk(create(t, { SnapshotId: t.snapshot.SnapshotId, Size: '100' }).DiskId).Size).toBe(100);
    });

    it('needs an existing, accomplished snapshot that fits the category', () => {
      expectApiError(() => create(bed(), { SnapshotId: 's-unknown' }), 404, 'InvalidSnapshotId.NotFound');
      const progressing = withSnapshot(40, 'progressing');
      expectApiError(
        () => create(progressing, { SnapshotId: progressing.snapshot.SnapshotId }),
        403,
        'InvalidSnapshotId.NotReady',
      );
      const small = withSnapshot(10);
      expectApiError(
        () => create(small, { SnapshotId: small.snapshot.SnapshotId, PerformanceLevel: 'PL2' }),
        403,
        'InvalidDiskSize.TooSmall',
      );
      const large = withSnapshot(40_000);
      expectApiError(
        () => create(large, { SnapshotId: large.snapshot.SnapshotId, DiskCategory: 'cloud_essd_entry', Size: '20' }),
        403,
        'InvalidSnapshot.TooLarge',
      );
    });
  });

  describe('ClientToken', () => {
    it('answers a repeated call with the same DiskId without creating another disk', () => {
      const t = bed();
      const first = create(t, { Size: '20', ClientToken: 'token-1' });
      const count = t.region.disks.size;
      t.advance(10_000);
      expect(create(t, { Size: '20', ClientToken: 'token-1' })).toEqual(first);
      expect(t.region.disks.size).toBe(count);
      expect(create(t, { Size: '20', ClientToken: 'token-2' }).DiskId).not.toBe(first.DiskId);
    });

    it('refuses the same token with other parameters, and tokens over 64 characters', () => {
      const t = bed();
      create(t, { Size: '20', ClientToken: 'token-1' });
      expectApiError(() => create(t, { Size: '30', ClientToken: 'token-1' }), 400, 'IdempotentParameterMismatch');
      expectApiError(() => create(t, { Size: '20', ClientToken: 't'.repeat(65) }), 400, 'InvalidParameter');
    });

    it('does not remember a call that failed', () => {
      const t = bed();
      expectApiError(() => create(t, { Size: '5', ClientToken: 'token-1' }), 400, 'InvalidSize.ValueNotSupported');
      expect(create(t, { Size: '20', ClientToken: 'token-1' }).DiskId).toMatch(/^d-/);
    });
  });

  describe('on a subscription instance', () => {
    const onInstance = (t: Bed, instanceId: string, params: Record<string, string> = {}) =>
      t.call('CreateDisk', {
        RegionId: t.regionId,
        InstanceId: instanceId,
        DiskCategory: 'cloud_essd',
        Size: '50',
        ...params,
      }) as {
        DiskId: string;
        OrderId?: string;
      };

    it('creates a subscription disk attached to the instance', () => {
      const t = bed();
      const instance = t.newInstance({ InstanceChargeType: 'PrePaid', ZoneId: 'cn-hangzhou-j' });
      const { DiskId, OrderId } = onInstance(t, instance.InstanceId, { 'Tag.1.Key': 'ignored' });
      expect(OrderId).toMatch(/^\d{15}$/);
      expect(t.disk(DiskId)).toMatchObject({
        Status: 'Creating',
        ZoneId: 'cn-hangzhou-j',
        InstanceId: instance.InstanceId,
        Device: '',
      });
      t.advance(5_000);
      expect(t.disk(DiskId)).toMatchObject({
        Status: 'In_use',
        Device: '/dev/xvdb',
        DiskChargeType: 'PrePaid',
        Portable: false,
        DeleteWithInstance: true,
        AttachedTime: '2024-05-01T00:00:05Z',
        Tags: { Tag: [] },
      });
    });

    it('refuses ZoneId with InstanceId, unknown or pay-as-you-go instances', () => {
      const t = bed();
      const prepaid = t.newInstance({ InstanceChargeType: 'PrePaid' });
      expectApiError(() => onInstance(t, prepaid.InstanceId, { ZoneId: 'cn-hangzhou-h' }), 400, 'InvalidParameter');
      expectApiError(() => onInstance(t, 'i-unknown'), 404, 'InvalidInstanceId.NotFound');
      expectApiError(() => onInstance(t, t.instance.InstanceId), 403, 'ChargeTypeViolation');
    });

    it('needs a Running or Stopped instance with room for another data disk', () => {
      const t = bed();
      const starting = t.newInstance({ InstanceChargeType: 'PrePaid', Status: 'Starting' });
      expectApiError(() => onInstance(t, starting.InstanceId), 403, 'IncorrectInstanceStatus');
      const full = t.newInstance({ InstanceChargeType: 'PrePaid' });
      for (let i = 0; i < 16; i++) createDisk(t.store, t.region, { InstanceId: full.InstanceId });
      expectApiError(() => onInstance(t, full.InstanceId), 403, 'InstanceDiskLimitExceeded');
    });
  });
});

describe('AttachDisk', () => {
  function attachBed() {
    const t = bed();
    const target = createDisk(t.store, t.region, { ZoneId: 'cn-hangzhou-h' });
    const attach = (params: Record<string, string> = {}) =>
      t.call('AttachDisk', { InstanceId: t.instance.InstanceId, DiskId: target.DiskId, ...params });
    return { ...t, target, attach };
  }

  it('attaches an Available disk: Attaching, then In_use on the next free device', () => {
    const t = attachBed();
    t.advance(60_000);
    expect(t.attach({ DeleteWithInstance: 'true' })).toEqual({});
    expect(t.disk(t.target.DiskId)).toMatchObject({
      Status: 'Attaching',
      InstanceId: t.instance.InstanceId,
      Device: '',
    });
    t.advance(5_000);
    expect(t.disk(t.target.DiskId)).toMatchObject({
      Status: 'In_use',
      Device: '/dev/xvdb',
      DeleteWithInstance: true,
      AttachedTime: '2024-05-01T00:01:05Z',
    });
    const second = createDisk(t.store, t.region);
    t.call('AttachDisk', { InstanceId: t.instance.InstanceId, DiskId: second.DiskId });
    t.advance(5_000);
    expect(t.disk(second.DiskId)).toMatchObject({ Device: '/dev/xvdc', DeleteWithInstance: false });
  });

  it('attaches to a Stopped instance too', () => {
    const t = attachBed();
    t.instance.Status = 'Stopped';
    t.attach();
    t.advance(5_000);
    expect(t.disk(t.target.DiskId).Status).toBe('In_use');
  });

  it('uses the deprecated Device when it is free and well formed', () => {
    const t = attachBed();
    t.attach({ Device: '/dev/xvdd' });
    t.advance(5_000);
    expect(t.disk(t.target.DiskId).Device).toBe('/dev/xvdd');
    const other = createDisk(t.store, t.region);
    const attachOther = (device: string) =>
      t.call('AttachDisk', { InstanceId: t.instance.InstanceId, DiskId: other.DiskId, Device: device });
    expectApiError(() => attachOther('/dev/xvdd'), 403, 'InvalidDevice.InUse');
    expectApiError(() => attachOther('/dev/sdb'), 400, 'InvalidDevice.Malformed');
  });

  it('requires both IDs and finds both resources', () => {
    const t = attachBed();
    expectApiError(() => t.call('AttachDisk', { DiskId: t.target.DiskId }), 400, 'MissingParameter');
    expectApiError(() => t.call('AttachDisk', { InstanceId: t.instance.InstanceId }), 400, 'MissingParameter');
    expectApiError(() => t.attach({ DiskId: 'd-unknown' }), 404, 'InvalidDiskId.NotFound');
    expectApiError(() => t.attach({ InstanceId: 'i-unknown' }), 404, 'InvalidInstanceId.NotFound');
  });

  it('needs an Available, portable disk in the instance zone', () => {
    const t = attachBed();
    t.attach();
    expectApiError(() => t.attach(), 403, 'IncorrectDiskStatus');
    const pinned = createDisk(t.store, t.region, { Portable: false });
    expectApiError(() => t.attach({ DiskId: pinned.DiskId }), 403, 'DiskNotPortable');
    const elsewhere = createDisk(t.store, t.region, { ZoneId: 'cn-hangzhou-i' });
    expectApiError(() => t.attach({ DiskId: elsewhere.DiskId }), 403, 'ResourcesNotInSameZone');
  });

  it('needs a Running or Stopped instance (IncorrectInstanceStatus is 400 here)', () => {
    const t = attachBed();
    t.instance.Status = 'Stopping';
    expectApiError(() => t.attach(), 400, 'IncorrectInstanceStatus');
  });

  it('refuses locked instances and disks', () => {
    const t = attachBed();
    t.target.lockReasons = ['financial'];
    expectApiError(() => t.attach(), 403, 'DiskInArrears');
    t.instance.lockReasons = ['financial'];
    expectApiError(() => t.attach(), 403, 'InstanceExpiredOrInArrears');
    t.instance.lockReasons = ['security'];
    expectApiError(() => t.attach(), 403, 'InstanceLockedForSecurity');
  });

  it('stops at 16 data disks', () => {
    const t = attachBed();
    for (let i = 0; i < 16; i++) createDisk(t.store, t.region, { InstanceId: t.instance.InstanceId });
    expectApiError(() => t.attach(), 403, 'InstanceDiskLimitExceeded');
  });

  it('refuses Bootable: a Stopped instance is needed, and every instance here keeps its system disk', () => {
    const t = attachBed();
    expectApiError(() => t.attach({ Bootable: 'true' }), 400, 'IncorrectInstanceStatus');
    t.instance.Status = 'Stopped';
    expectApiError(() => t.attach({ Bootable: 'true', Password: 'Passw0rd!' }), 400, 'InvalidParameter');
    expect(t.attach({ Bootable: 'false' })).toEqual({});
  });
});

describe('DetachDisk', () => {
  function detachBed() {
    const t = bed();
    const target = createDisk(t.store, t.region, { InstanceId: t.instance.InstanceId, DeleteWithInstance: true });
    const detach = (params: Record<string, string> = {}) =>
      t.call('DetachDisk', { InstanceId: t.instance.InstanceId, DiskId: target.DiskId, ...params });
    return { ...t, target, detach };
  }

  it('detaches: Detaching, then Available, off the instance, no longer deleted with it', () => {
    const t = detachBed();
    t.advance(120_000);
    expect(t.detach()).toEqual({});
    expect(t.disk(t.target.DiskId)).toMatchObject({ Status: 'Detaching', InstanceId: t.instance.InstanceId });
    t.advance(10_000);
    expect(t.disk(t.target.DiskId)).toMatchObject({
      Status: 'Available',
      InstanceId: '',
      Device: '',
      DeleteWithInstance: false,
      DetachedTime: '2024-05-01T00:02:10Z',
      Attachments: { Attachment: [] },
    });
    expect(t.region.disks.get(t.target.DiskId)!.everAttached).toBe(true);
  });

  it('detaches from a Stopped instance, frees the device for the next disk', () => {
    const t = detachBed();
    t.instance.Status = 'Stopped';
    t.detach();
    t.advance(10_000);
    const next = createDisk(t.store, t.region);
    t.call('AttachDisk', { InstanceId: t.instance.InstanceId, DiskId: next.DiskId });
    t.advance(5_000);
    expect(t.disk(next.DiskId).Device).toBe('/dev/xvdb');
  });

  it('refuses a disk that is not on that instance, or not In_use', () => {
    const t = detachBed();
    const other = t.newInstance();
    expectApiError(() => t.detach({ InstanceId: other.InstanceId }), 403, 'DependencyViolation');
    const free = createDisk(t.store, t.region);
    expectApiError(() => t.detach({ DiskId: free.DiskId }), 403, 'DependencyViolation');
    t.detach();
    expectApiError(() => t.detach(), 403, 'IncorrectDiskStatus');
  });

  it('keeps system disks and non-portable disks attached', () => {
    const t = detachBed();
    expectApiError(() => t.detach({ DiskId: t.systemDisk.DiskId }), 403, 'DiskTypeViolation');
    const pinned = createDisk(t.store, t.region, { InstanceId: t.instance.InstanceId, Portable: false });
    expectApiError(() => t.detach({ DiskId: pinned.DiskId }), 403, 'DiskNotPortable');
  });

  it('needs a Running or Stopped, unlocked instance', () => {
    const t = detachBed();
    t.instance.Status = 'Starting';
    expectApiError(() => t.detach(), 403, 'IncorrectInstanceStatus');
    t.instance.lockReasons = ['security'];
    expectApiError(() => t.detach(), 403, 'InstanceLockedForSecurity');
  });

  it('names unknown resources', () => {
    const t = detachBed();
    expectApiError(() => t.detach({ DiskId: 'd-unknown' }), 404, 'InvalidDiskId.NotFound');
    expectApiError(() => t.detach({ InstanceId: 'i-unknown' }), 404, 'InvalidInstanceId.NotFound');
    expectApiError(() => t.call('DetachDisk', { DiskId: t.target.DiskId }), 400, 'MissingParameter');
  });
});

describe('ResizeDisk', () => {
  const resize = (t: Bed, diskId: string, params: Record<string, string>) =>
    t.call('ResizeDisk', { DiskId: diskId, ...params });

  it('grows an Available or In_use disk at once', () => {
    const t = bed();
    const free = createDisk(t.store, t.region, { Size: 40 });
    expect(resize(t, free.DiskId, { NewSize: '100' })).toEqual({});
    expect(t.disk(free.DiskId).Size).toBe(100);
    expect(resize(t, t.systemDisk.DiskId, { NewSize: '60', Type: 'online' })).toEqual({});
    expect(t.disk(t.systemDisk.DiskId)).toMatchObject({ Size: 60, Status: 'In_use' });
  });

  it('only grows, within the category limits', () => {
    const t = bed();
    const free = createDisk(t.store, t.region, { Size: 40 });
    expectApiError(() => resize(t, free.DiskId, { NewSize: '40' }), 403, 'InvalidDiskSize.TooSmall');
    expectApiError(() => resize(t, free.DiskId, { NewSize: '65537' }), 403, 'InvalidDiskSize.TooLarge');
    expect(resize(t, free.DiskId, { NewSize: '65536' })).toEqual({});
    // System disks stop at 2 TiB.
    expectApiError(() => resize(t, t.systemDisk.DiskId, { NewSize: '2049' }), 403, 'InvalidDiskSize.TooLarge');
    const basic = createDisk(t.store, t.region, { Category: 'cloud', Size: 100 });
    expectApiError(() => resize(t, basic.DiskId, { NewSize: '2001' }), 403, 'InvalidDiskSize.TooLarge');
  });

  it('checks Type and what online resizing needs', () => {
    const t = bed();
    expectApiError(() => resize(t, t.systemDisk.DiskId, { NewSize: '60', Type: 'hot' }), 400, 'InvalidParam.Type');
    t.instance.Status = 'Stopped';
    expectApiError(
      () => resize(t, t.systemDisk.DiskId, { NewSize: '60', Type: 'online' }),
      403,
      'InvalidInstanceStatus.NotRunning',
    );
    expect(resize(t, t.systemDisk.DiskId, { NewSize: '60', Type: 'offline' })).toEqual({});
    const auto = createDisk(t.store, t.region, { Category: 'cloud_auto' });
    expectApiError(
      () => resize(t, auto.DiskId, { NewSize: '60', Type: 'online' }),
      403,
      'InvalidDiskCategory.NotSupported',
    );
  });

  it('refuses disks in transition, being snapshotted, or on a busy instance', () => {
    const t = bed();
    const creating = createDisk(t.store, t.region, { Status: 'Creating' });
    expectApiError(() => resize(t, creating.DiskId, { NewSize: '100' }), 403, 'IncorrectDiskStatus');
    createSnapshot(t.store, t.region, t.systemDisk, { Status: 'progressing' });
    expectApiError(() => resize(t, t.systemDisk.DiskId, { NewSize: '100' }), 403, 'DiskCreatingSnapshot');
    const attached = createDisk(t.store, t.region, { InstanceId: t.instance.InstanceId });
    t.instance.Status = 'Stopping';
    expectApiError(() => resize(t, attached.DiskId, { NewSize: '100' }), 403, 'IncorrectInstanceStatus');
  });

  it('requires DiskId and NewSize and finds the disk', () => {
    const t = bed();
    expectApiError(() => t.call('ResizeDisk', { NewSize: '100' }), 400, 'MissingParameter');
    expectApiError(() => t.call('ResizeDisk', { DiskId: t.systemDisk.DiskId }), 400, 'MissingParameter');
    expectApiError(() => resize(t, 'd-unknown', { NewSize: '100' }), 404, 'InvalidDiskId.NotFound');
  });

  it('returns an OrderId for a subscription disk', () => {
    const t = bed();
    const prepaid = createDisk(t.store, t.region, { DiskChargeType: 'PrePaid' });
    expect(resize(t, prepaid.DiskId, { NewSize: '100' })).toEqual({
      OrderId: expect.stringMatching(/^\d{15}$/) as unknown,
    });
  });

  it('resizes once per ClientToken', () => {
    const t = bed();
    const free = createDisk(t.store, t.region, { Size: 40 });
    resize(t, free.DiskId, { NewSize: '100', ClientToken: 'grow-1' });
    // The same call again succeeds without acting (it would otherwise be TooSmall).
    expect(resize(t, free.DiskId, { NewSize: '100', ClientToken: 'grow-1' })).toEqual({});
    expectApiError(
      () => resize(t, free.DiskId, { NewSize: '200', ClientToken: 'grow-1' }),
      400,
      'IdempotentParameterMismatch',
    );
    expect(t.disk(free.DiskId).Size).toBe(100);
  });
});

describe('DeleteDisk', () => {
  const remove = (t: Bed, params: Record<string, string>) => t.call('DeleteDisk', params);

  it('deletes an Available disk', () => {
    const t = bed();
    const free = createDisk(t.store, t.region);
    expect(remove(t, { DiskId: free.DiskId })).toEqual({});
    expect(t.region.disks.has(free.DiskId)).toBe(false);
    expect(t.store.regionOf(free.DiskId)).toBeUndefined();
    expect(ids(t.describe({ DiskIds: JSON.stringify([free.DiskId]) }))).toEqual([]);
  });

  it('ignores an unknown DiskId but not an unknown RegionId', () => {
    const t = bed();
    expect(remove(t, { DiskId: 'd-unknown' })).toEqual({});
    expectApiError(() => remove(t, { DiskId: 'd-unknown', RegionId: 'xx-nowhere-1' }), 404, 'InvalidRegionId.NotFound');
    expectApiError(() => remove(t, {}), 400, 'MissingParameter');
  });

  it('refuses system, non-portable, attached and transitioning disks', () => {
    const t = bed();
    expectApiError(() => remove(t, { DiskId: t.systemDisk.DiskId }), 403, 'DiskTypeViolation');
    const pinned = createDisk(t.store, t.region, { Portable: false });
    expectApiError(() => remove(t, { DiskId: pinned.DiskId }), 403, 'DiskNotPortable');
    const attached = createDisk(t.store, t.region, { InstanceId: t.instance.InstanceId });
    expectApiError(() => remove(t, { DiskId: attached.DiskId }), 403, 'DiskStillAttached');
    const creating = createDisk(t.store, t.region, { Status: 'Creating' });
    expectApiError(() => remove(t, { DiskId: creating.DiskId }), 403, 'IncorrectDiskStatus');
  });

  it('waits for a snapshot in progress', () => {
    const t = bed();
    const free = createDisk(t.store, t.region, { everAttached: true });
    createSnapshot(t.store, t.region, free, { Status: 'progressing' });
    expectApiError(() => remove(t, { DiskId: free.DiskId }), 403, 'DiskCreatingSnapshot');
  });

  it('deletes automatic snapshots when DeleteAutoSnapshot, keeps manual ones', () => {
    const t = bed();
    const free = createDisk(t.store, t.region);
    const manual = createSnapshot(t.store, t.region, free);
    const auto = createSnapshot(t.store, t.region, free, { SnapshotType: 'auto' });
    remove(t, { DiskId: free.DiskId });
    expect([...t.region.snapshots.keys()]).toEqual([manual.SnapshotId]);
    expect(t.store.regionOf(auto.SnapshotId)).toBeUndefined();

    const keeper = createDisk(t.store, t.region, { DeleteAutoSnapshot: false });
    const kept = createSnapshot(t.store, t.region, keeper, { SnapshotType: 'auto' });
    remove(t, { DiskId: keeper.DiskId });
    expect(t.region.snapshots.has(kept.SnapshotId)).toBe(true);
  });
});

describe('ModifyDiskAttribute', () => {
  it('changes the given attributes of one disk and leaves the rest', () => {
    const t = bed();
    const free = createDisk(t.store, t.region, { DiskName: 'old', Description: 'keep me' });
    expect(
      t.call('ModifyDiskAttribute', {
        DiskId: free.DiskId,
        DiskName: 'new-name',
        DeleteWithInstance: 'true',
        DeleteAutoSnapshot: 'false',
        EnableAutoSnapshot: 'true',
      }),
    ).toEqual({});
    expect(t.disk(free.DiskId)).toMatchObject({
      DiskName: 'new-name',
      Description: 'keep me',
      DeleteWithInstance: true,
      DeleteAutoSnapshot: false,
      EnableAutoSnapshot: true,
    });
    t.call('ModifyDiskAttribute', { DiskId: free.DiskId, Description: 'changed' });
    expect(t.disk(free.DiskId)).toMatchObject({ DiskName: 'new-name', Description: 'changed' });
  });

  it('changes a batch named by DiskIds.N, which needs RegionId', () => {
    const t = bed();
    const a = createDisk(t.store, t.region);
    const b = createDisk(t.store, t.region);
    t.call('ModifyDiskAttribute', {
      RegionId: t.regionId,
      'DiskIds.1': a.DiskId,
      'DiskIds.2': b.DiskId,
      EnableAutoSnapshot: 'true',
    });
    expect([t.disk(a.DiskId).EnableAutoSnapshot, t.disk(b.DiskId).EnableAutoSnapshot]).toEqual([true, true]);
    expect(
      expectApiError(
        () => t.call('ModifyDiskAttribute', { 'DiskIds.1': a.DiskId, DiskName: 'x1' }),
        400,
        'MissingParameter',
      ).message,
    ).toContain('"RegionId"');
    const tooMany = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`DiskIds.${i + 1}`, a.DiskId]));
    expectApiError(
      () => t.call('ModifyDiskAttribute', { RegionId: t.regionId, ...tooMany, DiskName: 'x1' }),
      400,
      'InvalidParameter',
    );
    expectApiError(
      () =>
        t.call('ModifyDiskAttribute', {
          RegionId: t.regionId,
          'DiskIds.1': a.DiskId,
          'DiskIds.2': 'd-unknown',
          DiskName: 'x1',
        }),
      404,
      'InvalidDiskId.NotFound',
    );
    expect(t.disk(a.DiskId).DiskName).toBe('');
  });

  it('needs a disk and something to change', () => {
    const t = bed();
    expectApiError(() => t.call('ModifyDiskAttribute', { DiskName: 'x1' }), 400, 'MissingParameter');
    expectApiError(
      () => t.call('ModifyDiskAttribute', { DiskId: 'd-unknown', DiskName: 'x1' }),
      404,
      'InvalidDiskId.NotFound',
    );
    expectApiError(() => t.call('ModifyDiskAttribute', { DiskId: t.systemDisk.DiskId }), 400, 'NoAttributeToModify');
  });

  it('validates names (400) and descriptions (404, as documented)', () => {
    const t = bed();
    const diskId = t.systemDisk.DiskId;
    expectApiError(
      () => t.call('ModifyDiskAttribute', { DiskId: diskId, DiskName: '-x' }),
      400,
      'InvalidDiskName.Malformed',
    );
    expectApiError(
      () => t.call('ModifyDiskAttribute', { DiskId: diskId, Description: 'x' }),
      404,
      'InvalidDescription.Malformed',
    );
  });

  it('keeps non-portable disks going with their instance, for the whole batch', () => {
    const t = bed();
    const free = createDisk(t.store, t.region, { DeleteWithInstance: true });
    const batch = { RegionId: t.regionId, 'DiskIds.1': free.DiskId, 'DiskIds.2': t.systemDisk.DiskId };
    expectApiError(
      () => t.call('ModifyDiskAttribute', { ...batch, DeleteWithInstance: 'false' }),
      403,
      'DiskNotPortable',
    );
    expect(t.disk(free.DiskId).DeleteWithInstance).toBe(true);
    t.call('ModifyDiskAttribute', { DiskId: free.DiskId, DeleteWithInstance: 'false' });
    expect(t.disk(free.DiskId).DeleteWithInstance).toBe(false);
  });
});

describe('ResetDisk', () => {
  function resetBed() {
    const t = bed();
    t.instance.Status = 'Stopped';
    const snapshot = createSnapshot(t.store, t.region, t.systemDisk);
    const reset = (params: Record<string, string> = {}) =>
      t.call('ResetDisk', { DiskId: t.systemDisk.DiskId, SnapshotId: snapshot.SnapshotId, ...params });
    return { ...t, snapshot, reset };
  }

  it('rolls an attached disk back on a Stopped instance, and an Available disk', () => {
    const t = resetBed();
    expect(t.reset()).toEqual({});
    const free = createDisk(t.store, t.region, { everAttached: true });
    const own = createSnapshot(t.store, t.region, free);
    expect(t.call('ResetDisk', { DiskId: free.DiskId, SnapshotId: own.SnapshotId })).toEqual({});
  });

  it('needs one of the disk own, accomplished snapshots', () => {
    const t = resetBed();
    const other = createDisk(t.store, t.region);
    const foreign = createSnapshot(t.store, t.region, other);
    expectApiError(() => t.reset({ SnapshotId: foreign.SnapshotId }), 403, 'InvalidParameter.Mismatch');
    const pending = createSnapshot(t.store, t.region, t.systemDisk, { Status: 'progressing' });
    expectApiError(() => t.reset({ SnapshotId: pending.SnapshotId }), 403, 'InvalidSnapshotId.NotReady');
    expectApiError(() => t.reset({ SnapshotId: 's-unknown' }), 404, 'InvalidSnapshotId.NotFound');
    expectApiError(() => t.reset({ DiskId: 'd-unknown' }), 404, 'InvalidDiskId.NotFound');
    expectApiError(() => t.call('ResetDisk', { DiskId: t.systemDisk.DiskId }), 400, 'MissingParameter');
  });

  it('needs a Stopped, unlocked instance and a settled disk', () => {
    const t = resetBed();
    t.instance.lockReasons = ['security'];
    expectApiError(() => t.reset(), 403, 'InstanceLockedForSecurity');
    t.instance.lockReasons = [];
    t.instance.Status = 'Running';
    expectApiError(() => t.reset(), 403, 'IncorrectInstanceStatus');
    t.instance.Status = 'Stopped';
    t.region.disks.get(t.systemDisk.DiskId)!.Status = 'ReIniting';
    expectApiError(() => t.reset(), 403, 'IncorrectDiskStatus');
  });

  it('answers DryRun with DryRunOperation after the checks', () => {
    const t = resetBed();
    expectApiError(() => t.reset({ DryRun: 'true' }), 400, 'DryRunOperation');
    t.instance.Status = 'Running';
    expectApiError(() => t.reset({ DryRun: 'true' }), 403, 'IncorrectInstanceStatus');
  });
});

describe('ReInitDisk', () => {
  function reInitBed() {
    const t = bed();
    t.instance.Status = 'Stopped';
    const reInit = (params: Record<string, string> = {}) =>
      t.call('ReInitDisk', { DiskId: t.systemDisk.DiskId, ...params });
    return { ...t, reInit };
  }

  it('re-initialises: ReIniting, then In_use again', () => {
    const t = reInitBed();
    expect(t.reInit({ Password: 'Passw0rd!', SecurityEnhancementStrategy: 'Active' })).toEqual({});
    expect(t.disk(t.systemDisk.DiskId).Status).toBe('ReIniting');
    t.advance(19_999);
    expect(t.disk(t.systemDisk.DiskId).Status).toBe('ReIniting');
    t.advance(1);
    expect(t.disk(t.systemDisk.DiskId)).toMatchObject({ Status: 'In_use', Device: '/dev/xvda' });
    expect(t.instance.Status).toBe('Stopped');
  });

  it('starts the instance once the disk is back when AutoStartInstance', () => {
    const t = reInitBed();
    t.reInit({ AutoStartInstance: 'true' });
    expect(t.instance.Status).toBe('Stopped');
    t.advance(20_000);
    expect(t.disk(t.systemDisk.DiskId).Status).toBe('In_use');
    expect(t.instance).toMatchObject({ Status: 'Starting', StoppedMode: 'Not-applicable' });
    t.advance(15_000);
    expect(t.instance).toMatchObject({ Status: 'Running', startedAt: START + 35_000 });
  });

  it('needs an In_use disk on a Stopped instance that has run before', () => {
    const t = reInitBed();
    const free = createDisk(t.store, t.region);
    expectApiError(() => t.reInit({ DiskId: free.DiskId }), 403, 'IncorrectDiskStatus');
    t.instance.Status = 'Running';
    expectApiError(() => t.reInit(), 403, 'IncorrectInstanceStatus');
    const fresh = t.newInstance({ Status: 'Stopped', everStarted: false });
    const freshSystemDisk = [...t.region.disks.values()].find((disk) => disk.InstanceId === fresh.InstanceId)!;
    expectApiError(() => t.reInit({ DiskId: freshSystemDisk.DiskId }), 403, 'IncorrectInstanceStatus');
    expectApiError(() => t.reInit({ DiskId: 'd-unknown' }), 404, 'InvalidDiskId.NotFound');
  });

  it('checks the credentials for a system disk', () => {
    const t = reInitBed();
    expectApiError(() => t.reInit({ Password: 'short1!' }), 400, 'InvalidPassword.Malformed');
    expectApiError(() => t.reInit({ Password: 'alllowercase1' }), 400, 'InvalidPassword.Malformed');
    expectApiError(() => t.reInit({ SecurityEnhancementStrategy: 'On' }), 400, 'InvalidParameter');
    const windows = t.newInstance({
      ImageId: 'win2022_21H2_x64_dtc_en-us_40G_alibase_20240716.vhd',
      Status: 'Stopped',
    });
    const windowsDisk = [...t.region.disks.values()].find((disk) => disk.InstanceId === windows.InstanceId)!;
    expectApiError(() => t.reInit({ DiskId: windowsDisk.DiskId, KeyPairName: 'my-key' }), 400, 'InvalidParameter');
    expectApiError(
      () => t.reInit({ DiskId: windowsDisk.DiskId, Password: '/Passw0rd!' }),
      400,
      'InvalidPassword.Malformed',
    );
    expect(t.reInit({ KeyPairName: 'my-key' })).toEqual({});
  });

  it('waits for a snapshot in progress, and needs the source snapshot of a data disk', () => {
    const t = reInitBed();
    createSnapshot(t.store, t.region, t.systemDisk, { Status: 'progressing' });
    expectApiError(() => t.reInit(), 403, 'DiskCreatingSnapshot');
    const fromSnapshot = createDisk(t.store, t.region, {
      InstanceId: t.instance.InstanceId,
      SourceSnapshotId: 's-deleted',
    });
    expectApiError(() => t.reInit({ DiskId: fromSnapshot.DiskId }), 403, 'InvalidSourceSnapshot');
  });

  it('refuses a locked instance', () => {
    const t = reInitBed();
    t.instance.lockReasons = ['security'];
    expectApiError(() => t.reInit(), 403, 'InstanceLockedForSecurity');
  });
});
