import { describe, expect, it } from 'vitest';
import { createDisk, createSnapshot } from '../src/store/factories.js';
import { START, expectApiError, testBed } from './support/test-bed.js';

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
