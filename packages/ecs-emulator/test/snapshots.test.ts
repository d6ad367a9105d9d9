import { describe, expect, it } from 'vitest';
import type { DescribeSnapshotsResponse, Snapshot } from '@ecs-console/ecs-client';
import { createDisk, createInstance, createSnapshot, type InstanceInit } from '../src/store/factories.js';
import type { DiskRecord, InstanceRecord } from '../src/store/types.js';
import { expectApiError, testBed, type TestBed } from './support/test-bed.js';

type Page = Omit<DescribeSnapshotsResponse, 'RequestId'>;

interface Bed extends Omit<TestBed, 'instance'> {
  /** Running, with its 20 GiB system disk. */
  readonly instance: InstanceRecord;
  readonly systemDisk: DiskRecord;
  describe(params?: Record<string, string>): Page;
  snapshot(snapshotId: string): Snapshot;
  create(params: Record<string, string>): string;
  newInstance(init?: InstanceInit): { instance: InstanceRecord; systemDisk: DiskRecord };
}

function bed(): Bed {
  const base = testBed();
  const newInstance = (init: InstanceInit = {}) => {
    const instance = createInstance(base.store, base.region, init);
    const systemDisk = [...base.region.disks.values()].find((disk) => disk.InstanceId === instance.InstanceId)!;
    return { instance, systemDisk };
  };
  const { instance, systemDisk } = newInstance();
  const describe = (params: Record<string, string> = {}) =>
    base.call('DescribeSnapshots', { RegionId: base.regionId, ...params }) as unknown as Page;
  return {
    ...base,
    instance,
    systemDisk,
    describe,
    snapshot: (snapshotId) => {
      const [snapshot] = describe({ SnapshotIds: JSON.stringify([snapshotId]) }).Snapshots.Snapshot;
      if (!snapshot) throw new Error(`${snapshotId} is not listed`);
      return snapshot;
    },
    create: (params) => (base.call('CreateSnapshot', params) as { SnapshotId: string }).SnapshotId,
    newInstance,
  };
}

const ids = (page: Page) => page.Snapshots.Snapshot.map((snapshot) => snapshot.SnapshotId);

describe('CreateSnapshot', () => {
  it('takes a snapshot that progresses with time and ends accomplished', () => {
    const t = bed();
    const snapshotId = t.create({
      DiskId: t.systemDisk.DiskId,
      SnapshotName: 'before-upgrade',
      Description: 'nightly backup',
      RetentionDays: '7',
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'prod',
    });
    expect(snapshotId).toMatch(/^s-bp1[a-z0-9]{17}$/);
    expect(t.snapshot(snapshotId)).toMatchObject({
      SnapshotName: 'before-upgrade',
      Description: 'nightly backup',
      Status: 'progressing',
      Progress: '0%',
      // 20 GiB at a second per GiB.
      RemainTime: 20,
      Available: false,
      CreationTime: '2024-05-01T00:00:00Z',
      LastModifiedTime: '2024-05-01T00:00:00Z',
      SourceDiskId: t.systemDisk.DiskId,
      SourceDiskSize: '20',
      SourceDiskType: 'system',
      SnapshotType: 'user',
      Usage: 'none',
      RetentionDays: 7,
      Category: 'Standard',
      Tags: { Tag: [{ TagKey: 'env', TagValue: 'prod' }] },
    });
    t.advance(10_000);
    expect(t.snapshot(snapshotId)).toMatchObject({ Status: 'progressing', Progress: '50%', RemainTime: 10 });
    t.advance(9_999);
    expect(t.snapshot(snapshotId)).toMatchObject({ Status: 'progressing', Progress: '99%', RemainTime: 1 });
    t.advance(1);
    expect(t.snapshot(snapshotId)).toMatchObject({
      Status: 'accomplished',
      Progress: '100%',
      RemainTime: 0,
      Available: true,
      LastModifiedTime: '2024-05-01T00:00:20Z',
    });
    t.advance(3_600_000);
    expect(t.snapshot(snapshotId).LastModifiedTime).toBe('2024-05-01T00:00:20Z');
  });

  it('takes at least 15 seconds, and longer for larger disks', () => {
    const t = bed();
    const small = createDisk(t.store, t.region, { InstanceId: t.instance.InstanceId, Size: 5 });
    const large = createDisk(t.store, t.region, { InstanceId: t.instance.InstanceId, Size: 500 });
    const smallId = t.create({ DiskId: small.DiskId });
    const largeId = t.create({ DiskId: large.DiskId });
    expect(t.snapshot(smallId).RemainTime).toBe(15);
    expect(t.snapshot(largeId).RemainTime).toBe(500);
    t.advance(15_000);
    expect(t.snapshot(smallId).Status).toBe('accomplished');
    expect(t.snapshot(largeId).Progress).toBe('3%');
  });

  it('renders the rest of the client Snapshot shape', () => {
    const t = bed();
    const snapshot = t.snapshot(t.create({ DiskId: t.systemDisk.DiskId, Category: 'Flash', InstantAccess: 'true' }));
    expect(snapshot).toMatchObject({
      SnapshotName: '',
      Description: '',
      SourceStorageType: 'disk',
      Encrypted: false,
      KMSKeyId: '',
      Category: 'Flash',
      InstantAccess: true,
      ProductCode: '',
      SnapshotLinkId: `sl-${t.systemDisk.DiskId.slice(2)}`,
      RegionId: 'cn-hangzhou',
      ResourceGroupId: '',
      Tags: { Tag: [] },
    });
    expect(snapshot.SnapshotSN).toMatch(/^\d{5}-\d{9}-\d{8}$/);
    expect(snapshot).not.toHaveProperty('RetentionDays');
  });

  it('snapshots an Available disk that has been attached, on a Stopped instance too', () => {
    const t = bed();
    const detached = createDisk(t.store, t.region, { everAttached: true });
    expect(t.create({ DiskId: detached.DiskId })).toMatch(/^s-/);
    t.instance.Status = 'Stopped';
    expect(t.create({ DiskId: t.systemDisk.DiskId })).toMatch(/^s-/);
  });

  it('refuses disks never attached, in transition, or of a never-started or busy instance', () => {
    const t = bed();
    const fresh = createDisk(t.store, t.region);
    expectApiError(() => t.create({ DiskId: fresh.DiskId }), 403, 'IncorrectDiskStatus.NeverAttached');
    const creating = createDisk(t.store, t.region, { Status: 'Creating' });
    expectApiError(() => t.create({ DiskId: creating.DiskId }), 403, 'IncorrectDiskStatus');
    const neverStarted = t.newInstance({ Status: 'Stopped', everStarted: false });
    expectApiError(() => t.create({ DiskId: neverStarted.systemDisk.DiskId }), 403, 'IncorrectDiskStatus.NeverUsed');
    t.instance.Status = 'Stopping';
    // CreateSnapshot documents IncorrectInstanceStatus as 400.
    expectApiError(() => t.create({ DiskId: t.systemDisk.DiskId }), 400, 'IncorrectInstanceStatus');
  });

  it('refuses locked disks and instances', () => {
    const t = bed();
    t.instance.lockReasons = ['security'];
    expectApiError(() => t.create({ DiskId: t.systemDisk.DiskId }), 403, 'InstanceLockedForSecurity');
    t.systemDisk.lockReasons = ['financial'];
    expectApiError(() => t.create({ DiskId: t.systemDisk.DiskId }), 403, 'DiskInArrears');
  });

  it('takes one snapshot of a disk at a time', () => {
    const t = bed();
    t.create({ DiskId: t.systemDisk.DiskId });
    expectApiError(() => t.create({ DiskId: t.systemDisk.DiskId }), 403, 'IncorrectDiskStatus.CreatingSnapshot');
    t.advance(20_000);
    expect(t.create({ DiskId: t.systemDisk.DiskId })).toMatch(/^s-/);
  });

  it('keeps at most 256 manual snapshots per disk; automatic ones do not count', () => {
    const t = bed();
    for (let i = 0; i < 255; i++) createSnapshot(t.store, t.region, t.systemDisk);
    createSnapshot(t.store, t.region, t.systemDisk, { SnapshotType: 'auto' });
    t.create({ DiskId: t.systemDisk.DiskId });
    t.advance(20_000);
    expectApiError(() => t.create({ DiskId: t.systemDisk.DiskId }), 403, 'QuotaExceed.Snapshot');
  });

  it.each([
    ['SnapshotName', 'auto-backup', 400, 'InvalidSnapshotName.Malformed'],
    ['SnapshotName', '1st', 400, 'InvalidSnapshotName.Malformed'],
    ['SnapshotName', 'https://x', 400, 'InvalidSnapshotName.Malformed'],
    ['SnapshotName', 's', 400, 'InvalidSnapshotName.Malformed'],
    ['Description', 'x', 404, 'InvalidDescription.Malformed'],
    ['RetentionDays', '0', 400, 'InvalidParameter'],
    ['RetentionDays', '65537', 400, 'InvalidParameter'],
    ['Category', 'Archive', 400, 'InvalidParameter'],
    ['Tag.1.Key', 'acs:x', 400, 'InvalidTagKey.Malformed'],
  ])('rejects %s %j', (name, value, status, code) => {
    const t = bed();
    expectApiError(() => t.create({ DiskId: t.systemDisk.DiskId, [name]: value }), status, code);
  });

  it('accepts a name that merely contains "auto"', () => {
    const t = bed();
    expect(t.snapshot(t.create({ DiskId: t.systemDisk.DiskId, SnapshotName: 'my-auto' })).SnapshotName).toBe('my-auto');
  });

  it('requires a known DiskId', () => {
    const t = bed();
    expectApiError(() => t.create({}), 400, 'MissingParameter');
    expectApiError(() => t.create({ DiskId: 'd-unknown' }), 404, 'InvalidDiskId.NotFound');
  });

  it('answers a repeated ClientToken with the same snapshot, and refuses other parameters (403)', () => {
    const t = bed();
    const first = t.create({ DiskId: t.systemDisk.DiskId, ClientToken: 'snap-1' });
    // Without idempotency this would be IncorrectDiskStatus.CreatingSnapshot.
    expect(t.create({ DiskId: t.systemDisk.DiskId, ClientToken: 'snap-1' })).toBe(first);
    expect(t.region.snapshots.size).toBe(1);
    expectApiError(
      () => t.create({ DiskId: t.systemDisk.DiskId, ClientToken: 'snap-1', SnapshotName: 'other' }),
      403,
      'IdempotentParameterMismatch',
    );
  });
});

describe('DescribeSnapshots', () => {
  function filterBed() {
    const t = bed();
    const other = t.newInstance();
    const data = createDisk(t.store, t.region, { InstanceId: other.instance.InstanceId, Encrypted: true });
    const system = createSnapshot(t.store, t.region, t.systemDisk, {
      SnapshotName: 'sys',
      tags: { env: 'prod', team: 'a' },
    });
    const auto = createSnapshot(t.store, t.region, t.systemDisk, { SnapshotType: 'auto', Category: 'Flash' });
    const encrypted = createSnapshot(t.store, t.region, data, { Status: 'progressing', tags: { env: 'dev' } });
    const restored = createDisk(t.store, t.region, { SourceSnapshotId: system.SnapshotId });
    return { ...t, other, data, system, auto, encrypted, restored };
  }

  it('lists the region snapshots in creation order', () => {
    const t = filterBed();
    expect(t.describe()).toMatchObject({ TotalCount: 3, PageNumber: 1, PageSize: 10 });
    expect(ids(t.describe())).toEqual([t.system.SnapshotId, t.auto.SnapshotId, t.encrypted.SnapshotId]);
  });

  it('filters by instance, disk, IDs, link and name', () => {
    const t = filterBed();
    expect(ids(t.describe({ InstanceId: t.instance.InstanceId }))).toEqual([t.system.SnapshotId, t.auto.SnapshotId]);
    expect(ids(t.describe({ InstanceId: t.other.instance.InstanceId }))).toEqual([t.encrypted.SnapshotId]);
    expect(ids(t.describe({ DiskId: t.data.DiskId }))).toEqual([t.encrypted.SnapshotId]);
    expect(ids(t.describe({ SnapshotIds: JSON.stringify([t.encrypted.SnapshotId, t.system.SnapshotId]) }))).toEqual([
      t.system.SnapshotId,
      t.encrypted.SnapshotId,
    ]);
    expect(ids(t.describe({ SnapshotLinkId: `sl-${t.data.DiskId.slice(2)}` }))).toEqual([t.encrypted.SnapshotId]);
    expect(ids(t.describe({ SnapshotName: 'sys' }))).toEqual([t.system.SnapshotId]);
    expect(ids(t.describe({ ResourceGroupId: 'rg-1' }))).toEqual([]);
    expect(ids(t.describe({ KMSKeyId: 'key-1' }))).toEqual([]);
    const tooMany = JSON.stringify(Array.from({ length: 101 }, (_, i) => `s-${i}`));
    expectApiError(() => t.describe({ SnapshotIds: tooMany }), 403, 'InvalidSnapshotIds.Malformed');
    expectApiError(() => t.describe({ SnapshotIds: 's-1' }), 403, 'InvalidSnapshotIds.Malformed');
  });

  it('filters by status and type, each with its "all"', () => {
    const t = filterBed();
    expect(ids(t.describe({ Status: 'progressing' }))).toEqual([t.encrypted.SnapshotId]);
    expect(ids(t.describe({ Status: 'accomplished' }))).toEqual([t.system.SnapshotId, t.auto.SnapshotId]);
    expect(ids(t.describe({ Status: 'failed' }))).toEqual([]);
    expect(ids(t.describe({ Status: 'all' }))).toHaveLength(3);
    expect(ids(t.describe({ SnapshotType: 'auto' }))).toEqual([t.auto.SnapshotId]);
    expect(ids(t.describe({ SnapshotType: 'user' }))).toEqual([t.system.SnapshotId, t.encrypted.SnapshotId]);
    expect(ids(t.describe({ SnapshotType: 'all' }))).toHaveLength(3);
    expectApiError(() => t.describe({ Status: 'done' }), 404, 'InvalidStatus.NotFound');
    expectApiError(() => t.describe({ SnapshotType: 'manual' }), 404, 'InvalidSnapshotType.NotFound');
  });

  it('filters by source disk type (any case), usage, category and encryption', () => {
    const t = filterBed();
    expect(ids(t.describe({ SourceDiskType: 'Data' }))).toEqual([t.encrypted.SnapshotId]);
    expect(ids(t.describe({ SourceDiskType: 'system' }))).toEqual([t.system.SnapshotId, t.auto.SnapshotId]);
    expect(ids(t.describe({ Usage: 'disk' }))).toEqual([t.system.SnapshotId]);
    expect(ids(t.describe({ Usage: 'none' }))).toEqual([t.auto.SnapshotId, t.encrypted.SnapshotId]);
    expect(ids(t.describe({ Usage: 'image' }))).toEqual([]);
    expect(ids(t.describe({ Category: 'flash' }))).toEqual([t.auto.SnapshotId]);
    expect(ids(t.describe({ Category: 'archive' }))).toEqual([]);
    expect(ids(t.describe({ Encrypted: 'true' }))).toEqual([t.encrypted.SnapshotId]);
    expectApiError(() => t.describe({ SourceDiskType: 'boot' }), 404, 'InvalidSourceDiskType');
    expectApiError(() => t.describe({ Usage: 'everything' }), 404, 'InvalidUsage');
    expectApiError(() => t.describe({ Category: 'cold' }), 403, 'InvalidSnapshotCategory.Malformed');
  });

  it('shows Usage disk while a disk made from the snapshot exists', () => {
    const t = filterBed();
    expect(t.snapshot(t.system.SnapshotId).Usage).toBe('disk');
    t.call('DeleteDisk', { DiskId: t.restored.DiskId });
    expect(t.snapshot(t.system.SnapshotId).Usage).toBe('none');
  });

  it('filters by Tag.N and by creation time', () => {
    const t = filterBed();
    expect(ids(t.describe({ 'Tag.1.Key': 'env' }))).toEqual([t.system.SnapshotId, t.encrypted.SnapshotId]);
    expect(ids(t.describe({ 'Tag.1.Key': 'env', 'Tag.1.Value': 'dev' }))).toEqual([t.encrypted.SnapshotId]);
    t.advance(7_200_000);
    const later = createSnapshot(t.store, t.region, t.data);
    expect(ids(t.describe({ 'Filter.1.Key': 'CreationStartTime', 'Filter.1.Value': '2024-05-01T01:00Z' }))).toEqual([
      later.SnapshotId,
    ]);
    expect(ids(t.describe({ 'Filter.1.Key': 'CreationEndTime', 'Filter.1.Value': '2024-05-01T01:00Z' }))).toHaveLength(
      3,
    );
    expectApiError(
      () => t.describe({ 'Filter.1.Key': 'Name', 'Filter.1.Value': 'x' }),
      404,
      'InvalidFilterKey.NotFound',
    );
  });

  it('pages with PageNumber/PageSize (at most 100) and with NextToken/MaxResults (at most 100)', () => {
    const t = bed();
    for (let i = 0; i < 120; i++) createSnapshot(t.store, t.region, t.systemDisk);
    const all = [...t.region.snapshots.keys()];
    expect(ids(t.describe({ PageNumber: '2', PageSize: '50' }))).toEqual(all.slice(50, 100));
    expectApiError(() => t.describe({ PageSize: '101' }), 400, 'InvalidParameter');
    const first = t.describe({ MaxResults: '500' });
    expect(ids(first)).toEqual(all.slice(0, 100));
    const second = t.describe({ MaxResults: '500', NextToken: first.NextToken! });
    expect(ids(second)).toEqual(all.slice(100));
    expect(second.NextToken).toBe('');
  });

  it('requires a known RegionId and answers DryRun', () => {
    const t = bed();
    expectApiError(() => t.call('DescribeSnapshots', {}), 400, 'MissingParameter');
    expectApiError(() => t.call('DescribeSnapshots', { RegionId: 'xx-nowhere-1' }), 404, 'InvalidRegionId.NotFound');
    expectApiError(() => t.describe({ DryRun: 'true' }), 400, 'DryRunOperation');
  });
});

describe('DeleteSnapshot', () => {
  it('deletes a snapshot, and ignores an unknown one', () => {
    const t = bed();
    const snapshot = createSnapshot(t.store, t.region, t.systemDisk);
    expect(t.call('DeleteSnapshot', { SnapshotId: snapshot.SnapshotId })).toEqual({});
    expect(ids(t.describe())).toEqual([]);
    expect(t.store.regionOf(snapshot.SnapshotId)).toBeUndefined();
    expect(t.call('DeleteSnapshot', { SnapshotId: snapshot.SnapshotId })).toEqual({});
    expectApiError(() => t.call('DeleteSnapshot', {}), 400, 'MissingParameter');
  });

  it('cancels a snapshot in progress, so the disk can be snapshotted again', () => {
    const t = bed();
    const snapshotId = t.create({ DiskId: t.systemDisk.DiskId });
    t.advance(5_000);
    t.call('DeleteSnapshot', { SnapshotId: snapshotId });
    expect(t.region.snapshots.has(snapshotId)).toBe(false);
    const next = t.create({ DiskId: t.systemDisk.DiskId });
    t.advance(15_000);
    // The cancelled snapshot's completion is long past and changed nothing.
    expect(t.snapshot(next).Status).toBe('progressing');
    expect(t.region.snapshots.size).toBe(1);
  });

  it('refuses a snapshot that disks were created from, unless Force', () => {
    const t = bed();
    const snapshot = createSnapshot(t.store, t.region, t.systemDisk);
    const restoredId = (
      t.call('CreateDisk', {
        RegionId: t.regionId,
        ZoneId: 'cn-hangzhou-h',
        DiskCategory: 'cloud_essd',
        SnapshotId: snapshot.SnapshotId,
      }) as {
        DiskId: string;
      }
    ).DiskId;
    expectApiError(() => t.call('DeleteSnapshot', { SnapshotId: snapshot.SnapshotId }), 403, 'SnapshotCreatedDisk');
    expectApiError(
      () => t.call('DeleteSnapshot', { SnapshotId: snapshot.SnapshotId, Force: 'false' }),
      403,
      'SnapshotCreatedDisk',
    );
    expect(t.call('DeleteSnapshot', { SnapshotId: snapshot.SnapshotId, Force: 'true' })).toEqual({});
    expect(t.region.snapshots.has(snapshot.SnapshotId)).toBe(false);
    // The disk keeps its SourceSnapshotId but can no longer be re-initialised.
    expect(t.region.disks.get(restoredId)!.SourceSnapshotId).toBe(snapshot.SnapshotId);
  });
});
