import { describe, expect, it } from 'vitest';
import { snapshotActionAvailability, canCreateSnapshots } from '@/features/snapshots/logic/snapshot-rules';
import { disksWithProgressingSnapshot, snapshotBlocker } from '@/features/snapshots/logic/snapshotable-disks';
import { makeDisk, makeSnapshot } from './fixtures';

const disk = makeDisk({ DiskId: 'd-src', Status: 'In_use' });
const disksById = new Map([[disk.DiskId, disk]]);
const done = makeSnapshot({ SnapshotId: 's-done', SourceDiskId: 'd-src' });
const progressing = makeSnapshot({
  SnapshotId: 's-run',
  Status: 'progressing',
  Progress: '40%',
  SourceDiskId: 'd-src',
});
const admin = { role: 'admin' as const, disksById };

describe('snapshot actions by role', () => {
  it('gives a viewer nothing, an operator only Create snapshot, an admin everything', () => {
    expect(canCreateSnapshots('viewer')).toBe(false);
    expect(canCreateSnapshots('operator')).toBe(true);
    for (const action of ['createDisk', 'rollback', 'delete'] as const) {
      expect(snapshotActionAvailability(action, [done], { role: 'viewer', disksById })).toEqual({
        enabled: false,
        reason: 'role',
      });
      expect(snapshotActionAvailability(action, [done], { role: 'operator', disksById })).toEqual({
        enabled: false,
        reason: 'role',
      });
      expect(snapshotActionAvailability(action, [done], admin)).toEqual({ enabled: true });
    }
  });

  it('needs a selection', () => {
    expect(snapshotActionAvailability('delete', [], admin)).toEqual({ enabled: false, reason: 'noSelection' });
  });
});

describe('create disk and roll back', () => {
  it('take one accomplished, available snapshot', () => {
    for (const action of ['createDisk', 'rollback'] as const) {
      expect(snapshotActionAvailability(action, [done, done], admin)).toMatchObject({ reason: 'oneOnly' });
      expect(snapshotActionAvailability(action, [progressing], admin)).toMatchObject({ reason: 'notAccomplished' });
      const failed = makeSnapshot({ Status: 'failed', SourceDiskId: 'd-src' });
      expect(snapshotActionAvailability(action, [failed], admin)).toMatchObject({ reason: 'notAccomplished' });
      const unavailable = makeSnapshot({ Available: false, SourceDiskId: 'd-src' });
      expect(snapshotActionAvailability(action, [unavailable], admin)).toMatchObject({ reason: 'notAvailable' });
    }
  });

  it('reads a missing Available as usable (older answers leave it out)', () => {
    const { Available: _omitted, ...older } = done;
    expect(snapshotActionAvailability('createDisk', [older], admin)).toEqual({ enabled: true });
  });

  it('rolls back only onto a source disk that still exists and is attached', () => {
    expect(snapshotActionAvailability('rollback', [done], { role: 'admin', disksById: undefined })).toMatchObject({
      reason: 'disksUnknown',
    });
    expect(snapshotActionAvailability('rollback', [done], { role: 'admin', disksById: new Map() })).toMatchObject({
      reason: 'sourceDiskGone',
    });
    const detached = makeDisk({ DiskId: 'd-src', Status: 'Available', InstanceId: '' });
    expect(
      snapshotActionAvailability('rollback', [done], { role: 'admin', disksById: new Map([['d-src', detached]]) }),
    ).toMatchObject({ reason: 'sourceDiskNotAttached' });
    // Create disk does not need the source disk at all.
    expect(snapshotActionAvailability('createDisk', [done], { role: 'admin', disksById: new Map() })).toEqual({
      enabled: true,
    });
  });
});

describe('delete', () => {
  it('allows several, and a progressing snapshot (ECS cancels it)', () => {
    expect(snapshotActionAvailability('delete', [done, progressing], admin)).toEqual({ enabled: true });
  });

  it('names the snapshots a custom image was created from (ECS refuses: SnapshotCreatedImage)', () => {
    const forImage = makeSnapshot({ SnapshotId: 's-img', Usage: 'image' });
    const forBoth = makeSnapshot({ SnapshotId: 's-both', Usage: 'image_disk' });
    const forDisk = makeSnapshot({ SnapshotId: 's-disk', Usage: 'disk' });
    const availability = snapshotActionAvailability('delete', [forImage, forDisk, forBoth], admin);
    expect(availability).toMatchObject({ enabled: false, reason: 'usedByImage' });
    expect('snapshots' in availability && availability.snapshots.map((s) => s.SnapshotId)).toEqual(['s-img', 's-both']);
    // Disks alone do not block: the dialog asks for Force.
    expect(snapshotActionAvailability('delete', [forDisk], admin)).toEqual({ enabled: true });
  });
});

describe('which disks can be snapshotted', () => {
  it('refuses disks changing state, never attached, or with a snapshot in progress', () => {
    const none = new Set<string>();
    expect(snapshotBlocker(makeDisk({ Status: 'In_use' }), none)).toBeUndefined();
    expect(snapshotBlocker(makeDisk({ Status: 'Attaching' }), none)).toBe('diskChanging');
    expect(snapshotBlocker(makeDisk({ Status: 'Creating' }), none)).toBe('diskChanging');
    const fresh = makeDisk({ Status: 'Available', InstanceId: '', AttachedTime: '', DetachedTime: '' });
    expect(snapshotBlocker(fresh, none)).toBe('neverAttached');
    const detached = makeDisk({
      Status: 'Available',
      InstanceId: '',
      AttachedTime: '',
      DetachedTime: '2024-06-01T00:00Z',
    });
    expect(snapshotBlocker(detached, none)).toBeUndefined();
    const busy = makeDisk({ DiskId: 'd-src', Status: 'In_use' });
    expect(snapshotBlocker(busy, disksWithProgressingSnapshot([progressing, done]))).toBe('snapshotInProgress');
    expect(disksWithProgressingSnapshot([done])).toEqual(new Set());
  });
});
