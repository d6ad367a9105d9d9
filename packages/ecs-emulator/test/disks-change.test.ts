import { describe, expect, it } from 'vitest';
import { createDisk, createSnapshot } from '../src/store/factories.js';
import { START, expectApiError } from './support/test-bed.js';
import { type Bed, bed, ids } from './support/disk-bed.js';

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
    const auto = createDisk(t.store, t.region, { Category: 'cloud_auto', InstanceId: t.newInstance().InstanceId });
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
