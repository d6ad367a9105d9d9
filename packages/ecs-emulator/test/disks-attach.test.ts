import { describe, expect, it } from 'vitest';
import { createDisk } from '../src/store/factories.js';
import { expectApiError } from './support/test-bed.js';
import { bed } from './support/disk-bed.js';

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
