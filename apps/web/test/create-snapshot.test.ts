import { describe, expect, it } from 'vitest';
import {
  createSnapshotRequest,
  isCreateSnapshotValid,
  suggestedSnapshotName,
  validateCreateSnapshot,
  validateSnapshotName,
  type CreateSnapshotForm,
} from '@/features/disks/logic/create-snapshot';
import { makeDisk } from './fixtures';

const form = (overrides: Partial<CreateSnapshotForm> = {}): CreateSnapshotForm => ({
  name: 'before-upgrade',
  description: '',
  keepForever: true,
  retentionDays: '30',
  tags: [],
  ...overrides,
});

describe('snapshot name', () => {
  it("follows ECS's name rules and may not start with auto", () => {
    expect(validateSnapshotName('before-upgrade')).toBeNull();
    expect(validateSnapshotName('')).toBe('required');
    expect(validateSnapshotName('x')).toBe('length');
    expect(validateSnapshotName('auto-release')).toBe('auto');
    expect(validateSnapshotName('Auto-1')).toBeNull();
    expect(validateSnapshotName('2024-backup')).toBe('start');
    expect(validateSnapshotName('http://x')).toBe('http');
  });

  it("suggests the disk's name and the time, keeping to the rules", () => {
    const at = new Date(2026, 11, 1, 1, 30);
    expect(suggestedSnapshotName(makeDisk({ DiskName: 'data-1' }), at)).toBe('data-1-20261201-0130');
    expect(suggestedSnapshotName(makeDisk({ DiskName: '', DiskId: 'd-abc' }), at)).toBe('d-abc-20261201-0130');
    expect(suggestedSnapshotName(makeDisk({ DiskName: 'autoscale' }), at)).toBe('snapshot-20261201-0130');
    const long = suggestedSnapshotName(makeDisk({ DiskName: `a${'b'.repeat(127)}` }), at);
    expect(validateSnapshotName(long)).toBeNull();
  });
});

describe('retention', () => {
  it('is kept until deleted, or 1–65,536 days', () => {
    expect(validateCreateSnapshot(form()).retentionDays).toBeNull();
    expect(validateCreateSnapshot(form({ keepForever: false, retentionDays: '' })).retentionDays).toBe('required');
    expect(validateCreateSnapshot(form({ keepForever: false, retentionDays: '0' })).retentionDays).toBe('outOfRange');
    expect(validateCreateSnapshot(form({ keepForever: false, retentionDays: '1' })).retentionDays).toBeNull();
    expect(validateCreateSnapshot(form({ keepForever: false, retentionDays: '65536' })).retentionDays).toBeNull();
    expect(validateCreateSnapshot(form({ keepForever: false, retentionDays: '65537' })).retentionDays).toBe(
      'outOfRange',
    );
    expect(validateCreateSnapshot(form({ keepForever: false, retentionDays: '1.5' })).retentionDays).toBe('outOfRange');
  });
});

describe('the CreateSnapshot call', () => {
  const disk = makeDisk({ DiskId: 'd-1' });

  it('sends retention only when the snapshot is not kept forever', () => {
    expect(createSnapshotRequest(form(), 'cn-hangzhou', disk, 'tok')).toEqual({
      RegionId: 'cn-hangzhou',
      DiskId: 'd-1',
      SnapshotName: 'before-upgrade',
      ClientToken: 'tok',
    });
    expect(
      createSnapshotRequest(
        form({ keepForever: false, retentionDays: '7', description: 'pre-release', tags: [{ key: 'a', value: 'b' }] }),
        'cn-hangzhou',
        disk,
        'tok',
      ),
    ).toMatchObject({ RetentionDays: 7, Description: 'pre-release', Tag: [{ Key: 'a', Value: 'b' }] });
  });

  it('is invalid while any field is', () => {
    expect(isCreateSnapshotValid(validateCreateSnapshot(form()))).toBe(true);
    expect(isCreateSnapshotValid(validateCreateSnapshot(form({ description: 'x' })))).toBe(false);
    expect(isCreateSnapshotValid(validateCreateSnapshot(form({ tags: [{ key: 'acs:x', value: '' }] })))).toBe(false);
  });
});
