import type { CsvColumns } from '@/components/resource-list';
import type { SnapshotRow } from './snapshot-row';

export const SNAPSHOT_CSV_COLUMNS = [
  'id',
  'name',
  'status',
  'progress',
  'sourceDiskId',
  'sourceDiskType',
  'sourceDiskSizeGiB',
  'created',
  'retentionDays',
  'encrypted',
  'usage',
  'snapshotType',
  'tags',
] as const;
export type SnapshotCsvColumn = (typeof SNAPSHOT_CSV_COLUMNS)[number];

/** Raw values (ECS's statuses and usage, ISO times, numbers); empty where ECS says nothing. */
export const SNAPSHOT_CSV_VALUES: CsvColumns<SnapshotRow, SnapshotCsvColumn> = {
  id: (row) => row.id,
  name: (row) => row.name,
  status: (row) => row.status,
  progress: (row) => row.progress,
  sourceDiskId: (row) => row.sourceDiskId,
  sourceDiskType: (row) => row.sourceDiskType,
  sourceDiskSizeGiB: (row) => row.sourceDiskSizeGiB,
  created: (row) => row.snapshot.CreationTime,
  // Empty: kept until deleted.
  retentionDays: (row) => row.retentionDays,
  encrypted: (row) => row.snapshot.Encrypted,
  usage: (row) => row.snapshot.Usage,
  snapshotType: (row) => row.snapshot.SnapshotType,
  tags: (row) => row.tags.map((tag) => `${tag.TagKey}=${tag.TagValue}`).join('; '),
};
