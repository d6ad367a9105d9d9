import { describe, expect, it } from 'vitest';
import { createDisk, createSnapshot } from '../src/store/factories.js';
import { expectApiError } from './support/test-bed.js';
import { type Bed, bed } from './support/disk-bed.js';

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
