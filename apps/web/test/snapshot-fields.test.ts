import { describe, expect, it } from 'vitest';
import {
  releaseTime,
  retentionDays,
  snapshotLabel,
  snapshotTags,
  sourceDiskSizeGiB,
  sourceDiskType,
  usedByDisks,
  usedByImage,
} from '@/features/snapshots/logic/snapshot-fields';
import { formatRemaining } from '@/lib/remaining-time';
import { progressPercent } from '@/lib/snapshot-progress';
import { makeSnapshot } from './fixtures';

describe('snapshot fields as ECS sends them', () => {
  it('reads Progress text as a percent, clamped, and 100 once accomplished', () => {
    expect(progressPercent(makeSnapshot({ Status: 'progressing', Progress: '45%' }))).toBe(45);
    expect(progressPercent(makeSnapshot({ Status: 'progressing', Progress: '' }))).toBe(0);
    expect(progressPercent(makeSnapshot({ Status: 'progressing', Progress: '130%' }))).toBe(100);
    expect(progressPercent(makeSnapshot({ Status: 'accomplished', Progress: '99%' }))).toBe(100);
    expect(progressPercent(makeSnapshot({ Status: 'failed', Progress: '12%' }))).toBe(12);
  });

  it('reads the source disk type in either spelling and the size as GiB', () => {
    expect(sourceDiskType(makeSnapshot({ SourceDiskType: 'System' }))).toBe('system');
    expect(sourceDiskType(makeSnapshot({ SourceDiskType: 'data' }))).toBe('data');
    expect(sourceDiskSizeGiB(makeSnapshot({ SourceDiskSize: '40' }))).toBe(40);
    expect(sourceDiskSizeGiB(makeSnapshot({ SourceDiskSize: '' }))).toBeUndefined();
    expect(sourceDiskSizeGiB(makeSnapshot({ SourceDiskSize: 'n/a' }))).toBeUndefined();
  });

  it('tells image use from disk use', () => {
    const usage = (Usage: 'image' | 'disk' | 'image_disk' | 'none') => makeSnapshot({ Usage });
    expect([usedByImage(usage('image')), usedByDisks(usage('image'))]).toEqual([true, false]);
    expect([usedByImage(usage('disk')), usedByDisks(usage('disk'))]).toEqual([false, true]);
    expect([usedByImage(usage('image_disk')), usedByDisks(usage('image_disk'))]).toEqual([true, true]);
    expect([usedByImage(usage('none')), usedByDisks(usage('none'))]).toEqual([false, false]);
  });

  it('keeps a snapshot without retention days until deleted, and dates the release of one with them', () => {
    expect(retentionDays(makeSnapshot({ RetentionDays: undefined }))).toBeUndefined();
    expect(retentionDays(makeSnapshot({ RetentionDays: 0 }))).toBeUndefined();
    const kept = makeSnapshot({ RetentionDays: 7, CreationTime: '2024-05-02T08:30Z' });
    expect(retentionDays(kept)).toBe(7);
    expect(releaseTime(kept)?.toISOString()).toBe('2024-05-09T08:30:00.000Z');
    expect(releaseTime(makeSnapshot({ RetentionDays: undefined }))).toBeUndefined();
  });

  it('names a snapshot by ID and name, and reads tags from an empty container', () => {
    expect(snapshotLabel(makeSnapshot({ SnapshotId: 's-1', SnapshotName: 'nightly' }))).toBe('s-1 (nightly)');
    expect(snapshotLabel(makeSnapshot({ SnapshotId: 's-1', SnapshotName: '' }))).toBe('s-1');
    expect(snapshotTags(makeSnapshot({ Tags: {} as never }))).toEqual([]);
    expect(snapshotTags(makeSnapshot({ tags: { env: 'prod' } }))).toEqual([{ TagKey: 'env', TagValue: 'prod' }]);
  });
});

describe('time left of a progressing snapshot', () => {
  it('rounds minutes up and joins hours and minutes', () => {
    expect(formatRemaining(45, 'en')).toBe('45 sec');
    expect(formatRemaining(61, 'en')).toBe('2 min');
    expect(formatRemaining(3600, 'en')).toBe('1 hr');
    expect(formatRemaining(3900, 'en')).toBe('1 hr 5 min');
    expect(formatRemaining(-5, 'en')).toBe('0 sec');
  });
});
