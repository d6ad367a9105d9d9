import { listPreferences, type TablePreferences } from '@/components/resource-list';

/** Column visibility and order, page size and look of the Disks list, kept per user. */

export const DISK_COLUMN_IDS = [
  'name',
  'id',
  'status',
  'category',
  'size',
  'type',
  'zone',
  'instance',
  'device',
  'deleteWithInstance',
  'encrypted',
  'chargeType',
  'portable',
  'tags',
  'created',
] as const;
export type DiskColumnId = (typeof DISK_COLUMN_IDS)[number];

export type DiskTablePreferences = TablePreferences<DiskColumnId>;

export const DISK_TABLE_PREFERENCES = listPreferences<DiskColumnId>({
  columns: DISK_COLUMN_IDS,
  hiddenByDefault: ['device', 'deleteWithInstance', 'chargeType', 'portable', 'tags', 'created'],
});
