import { ONLINE_RESIZE_CATEGORIES, sizeRange, type DiskSummary } from '@ecs-console/contract';
import type { ResizeDiskRequest } from '@ecs-console/ecs-client';
import { parseWholeNumber } from './create-disk';

/**
 * How a resize reaches the disk:
 * - `online`: attached to a Running instance and of a category that grows online: no restart, but the
 *   partition and file system must be extended inside the guest;
 * - `offline`: attached otherwise: the new size takes effect when the instance is restarted from the
 *   console (or the API), then the same in-guest step;
 * - `unattached`: an Available disk just grows.
 */
export type ResizeMode = 'online' | 'offline' | 'unattached';

export interface AttachedInstance {
  readonly InstanceId: string;
  readonly Status: string;
}

export function resizeMode(disk: DiskSummary, instance: AttachedInstance | undefined): ResizeMode {
  if (disk.Status !== 'In_use') return 'unattached';
  const running = instance?.InstanceId === disk.InstanceId && instance.Status === 'Running';
  return running && ONLINE_RESIZE_CATEGORIES.has(disk.Category) ? 'online' : 'offline';
}

/** The largest size (GiB) the disk can grow to. */
export function maxSizeOf(disk: DiskSummary): number {
  return sizeRange(disk.Type, disk.Category, disk.PerformanceLevel).max;
}

/** False when the disk is already as large as its category allows. */
export function canGrow(disk: DiskSummary): boolean {
  return disk.Size < maxSizeOf(disk);
}

export type NewSizeError = 'required' | 'notWhole' | 'notLarger' | 'tooLarge';

/** Disks only grow: the new size must exceed the current one and stay within the category's maximum. */
export function validateNewSize(text: string, disk: DiskSummary): NewSizeError | null {
  if (text.trim() === '') return 'required';
  const size = parseWholeNumber(text);
  if (size === null) return 'notWhole';
  if (size <= disk.Size) return 'notLarger';
  if (size > maxSizeOf(disk)) return 'tooLarge';
  return null;
}

export type ResizeDiskParams = ResizeDiskRequest & { readonly RegionId: string };

export function resizeDiskRequest(
  regionId: string,
  disk: DiskSummary,
  newSize: number,
  mode: ResizeMode,
  clientToken: string,
): ResizeDiskParams {
  return {
    RegionId: regionId,
    DiskId: disk.DiskId,
    NewSize: newSize,
    Type: mode === 'online' ? 'online' : 'offline',
    ClientToken: clientToken,
  };
}
