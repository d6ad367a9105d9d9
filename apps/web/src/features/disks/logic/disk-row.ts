import { rowSearch, type SearchValues } from '@/components/resource-list';
import type { DiskSummary } from '@ecs-console/contract';
import type { DiskStatus, Tag } from '@ecs-console/ecs-client';

/** The properties the Disks list filters on, each with one or more values per disk. */
export const DISK_PROPERTY_KEYS = [
  'name',
  'id',
  'status',
  'category',
  'performanceLevel',
  'size',
  'type',
  'zone',
  'instanceId',
  'instanceName',
  'device',
  'encrypted',
  'chargeType',
  'tagKey',
  'tagValue',
] as const;
export type DiskPropertyKey = (typeof DISK_PROPERTY_KEYS)[number];

/**
 * One disk as the list works with it: what it filters, sorts and exports, read out of ECS's shape
 * once per fetch, with the name of the instance it is attached to (from the instance list).
 */
export interface DiskRow {
  readonly disk: DiskSummary;
  readonly id: string;
  readonly name: string;
  readonly status: DiskStatus;
  readonly category: string;
  /** PL0–PL3 for ESSD; empty otherwise. */
  readonly performanceLevel: string;
  /** GiB. */
  readonly size: number;
  readonly type: DiskSummary['Type'];
  readonly zone: string;
  /** Empty when not attached. */
  readonly instanceId: string;
  /** Empty when not attached, or while the instance list has not loaded (or lacks it). */
  readonly instanceName: string;
  readonly device: string;
  readonly tags: readonly Tag[];
  readonly searchText: string;
  readonly search: Readonly<Record<DiskPropertyKey, SearchValues>>;
  readonly tagValues: ReadonlyMap<string, SearchValues>;
}

export function diskTags(disk: DiskSummary): readonly Tag[] {
  return disk.Tags?.Tag ?? [];
}

export function toDiskRow(disk: DiskSummary, instanceName: string): DiskRow {
  const row = {
    disk,
    id: disk.DiskId,
    name: disk.DiskName,
    status: disk.Status,
    category: disk.Category,
    performanceLevel: disk.Category === 'cloud_essd' ? (disk.PerformanceLevel ?? '') : '',
    size: disk.Size,
    type: disk.Type,
    zone: disk.ZoneId,
    instanceId: disk.InstanceId,
    instanceName: disk.InstanceId ? instanceName : '',
    device: disk.Device,
    tags: diskTags(disk),
  };
  const search = rowSearch(
    {
      name: [row.name],
      id: [row.id],
      status: [row.status],
      category: [row.category],
      performanceLevel: row.performanceLevel ? [row.performanceLevel] : [],
      size: [String(row.size)],
      type: [row.type],
      zone: [row.zone],
      instanceId: row.instanceId ? [row.instanceId] : [],
      instanceName: row.instanceName ? [row.instanceName] : [],
      device: row.device ? [row.device] : [],
      encrypted: [String(disk.Encrypted)],
      chargeType: [disk.DiskChargeType],
    },
    row.tags,
    [disk.Description],
  );
  return { ...row, ...search };
}

/** Rows built before, per disk object: valid while the attached instance's name is the same. */
const rowCache = new WeakMap<DiskSummary, DiskRow>();

/**
 * The rows of the list, from the disks and the names of the region's instances. A disk object
 * seen before (a 304, or a merge that changed other disks: both keep unchanged disks' identity)
 * gets its row back while its instance's name is unchanged, so a refresh costs what changed and
 * 10,000 disks are not rebuilt on every poll.
 */
export function toDiskRows(disks: readonly DiskSummary[], instanceNames: ReadonlyMap<string, string>): DiskRow[] {
  return disks.map((disk) => {
    const instanceName = disk.InstanceId ? (instanceNames.get(disk.InstanceId) ?? '') : '';
    const cached = rowCache.get(disk);
    if (cached?.instanceName === instanceName) return cached;
    const row = toDiskRow(disk, instanceName);
    rowCache.set(disk, row);
    return row;
  });
}
