import { listPreferences } from '@/components/resource-list';

/** Column visibility and order, page size and look of the snapshot list, kept per user. */

export const SNAPSHOT_COLUMN_IDS = [
  'name',
  'id',
  'sourceDisk',
  'progress',
  'status',
  'created',
  'retention',
  'encrypted',
  'usage',
  'snapshotType',
  'tags',
] as const;
export type SnapshotColumnId = (typeof SNAPSHOT_COLUMN_IDS)[number];

export const SNAPSHOT_TABLE_PREFERENCES = listPreferences<SnapshotColumnId>({
  columns: SNAPSHOT_COLUMN_IDS,
  hiddenByDefault: ['snapshotType', 'tags'],
});

/** Where the preferences are stored (per user). */
export const SNAPSHOT_PREFERENCES_NAME = 'snapshots-table';
