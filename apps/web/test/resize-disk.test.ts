import { describe, expect, it } from 'vitest';
import { canGrow, resizeDiskRequest, resizeMode, validateNewSize } from '@/features/disks/logic/resize-disk';
import { makeDisk } from './fixtures';

const attached = makeDisk({ DiskId: 'd-1', InstanceId: 'i-1', Status: 'In_use', Category: 'cloud_essd', Size: 100 });

describe('resize mode', () => {
  it('grows online an online-capable disk of a Running instance', () => {
    expect(resizeMode(attached, { InstanceId: 'i-1', Status: 'Running' })).toBe('online');
    expect(resizeMode({ ...attached, Category: 'cloud_ssd' }, { InstanceId: 'i-1', Status: 'Running' })).toBe('online');
  });

  it('grows offline (restart needed) when the instance is stopped, unknown, or the category cannot grow online', () => {
    expect(resizeMode(attached, { InstanceId: 'i-1', Status: 'Stopped' })).toBe('offline');
    expect(resizeMode(attached, undefined)).toBe('offline');
    expect(resizeMode(attached, { InstanceId: 'i-other', Status: 'Running' })).toBe('offline');
    expect(resizeMode({ ...attached, Category: 'cloud' }, { InstanceId: 'i-1', Status: 'Running' })).toBe('offline');
    expect(resizeMode({ ...attached, Category: 'cloud_auto' }, { InstanceId: 'i-1', Status: 'Running' })).toBe(
      'offline',
    );
  });

  it('just grows an Available disk', () => {
    expect(resizeMode({ ...attached, Status: 'Available', InstanceId: '' }, undefined)).toBe('unattached');
  });
});

describe('new size', () => {
  it('only grows, up to the category maximum', () => {
    expect(validateNewSize('', attached)).toBe('required');
    expect(validateNewSize('100', attached)).toBe('notLarger');
    expect(validateNewSize('50', attached)).toBe('notLarger');
    expect(validateNewSize('100.5', attached)).toBe('notWhole');
    expect(validateNewSize('101', attached)).toBeNull();
    expect(validateNewSize('65536', attached)).toBeNull();
    expect(validateNewSize('65537', attached)).toBe('tooLarge');
  });

  it('uses the limits of the disk type and category', () => {
    const system = makeDisk({ Type: 'system', Category: 'cloud_essd', Size: 40 });
    expect(validateNewSize('2048', system)).toBeNull();
    expect(validateNewSize('2049', system)).toBe('tooLarge');
    const basic = makeDisk({ Type: 'data', Category: 'cloud', Size: 2000 });
    expect(canGrow(basic)).toBe(false);
    expect(canGrow(attached)).toBe(true);
  });

  it('sends ResizeDisk with the type and the token of the attempt', () => {
    expect(resizeDiskRequest('cn-hangzhou', attached, 200, 'online', 'tok')).toEqual({
      RegionId: 'cn-hangzhou',
      DiskId: 'd-1',
      NewSize: 200,
      Type: 'online',
      ClientToken: 'tok',
    });
    expect(resizeDiskRequest('cn-hangzhou', attached, 200, 'unattached', 'tok').Type).toBe('offline');
  });
});
