import type { SnapshotSummary } from '@ecs-console/contract';
import type { SnapshotStatus } from '@ecs-console/ecs-client';
import { rowBuilder, rowSearch, type SearchableRow } from '@/components/resource-list';
import { progressPercent } from '@/lib/snapshot-progress';
import { retentionDays, snapshotTags, sourceDiskSizeGiB, sourceDiskType } from './snapshot-fields';

/** The fixed properties the list filters on (besides `tag:<key>`), in the order the filter offers them. */
export const SNAPSHOT_PROPERTY_KEYS = [
  'name',
  'id',
  'status',
  'sourceDiskId',
  'sourceDiskType',
  'usage',
  'encrypted',
  'snapshotType',
  'tagKey',
  'tagValue',
] as const;
export type SnapshotPropertyKey = (typeof SNAPSHOT_PROPERTY_KEYS)[number];

/**
 * One snapshot as the list works with it: what it filters, sorts and exports, read out of ECS's
 * text fields (`Progress: "45%"`, `SourceDiskSize: "40"`) once per fetch, not on every keystroke.
 */
export interface SnapshotRow extends SearchableRow {
  readonly snapshot: SnapshotSummary;
  readonly id: string;
  readonly name: string;
  readonly status: SnapshotStatus;
  /** 0–100. */
  readonly progress: number;
  readonly sourceDiskId: string;
  /** `system` or `data`. */
  readonly sourceDiskType: string;
  readonly sourceDiskSizeGiB: number | undefined;
  /** `undefined`: kept until deleted. */
  readonly retentionDays: number | undefined;
}

export function toSnapshotRow(snapshot: SnapshotSummary): SnapshotRow {
  const tags = snapshotTags(snapshot);
  const row = {
    snapshot,
    id: snapshot.SnapshotId,
    name: snapshot.SnapshotName,
    status: snapshot.Status,
    progress: progressPercent(snapshot),
    sourceDiskId: snapshot.SourceDiskId,
    sourceDiskType: sourceDiskType(snapshot),
    sourceDiskSizeGiB: sourceDiskSizeGiB(snapshot),
    retentionDays: retentionDays(snapshot),
    tags,
  };
  const search = rowSearch(
    {
      name: [row.name],
      id: [row.id],
      status: [row.status],
      sourceDiskId: [row.sourceDiskId],
      sourceDiskType: [row.sourceDiskType],
      usage: [snapshot.Usage],
      encrypted: [String(snapshot.Encrypted)],
      snapshotType: [snapshot.SnapshotType],
    },
    tags,
    [snapshot.Description],
  );
  return { ...row, ...search };
}

/** The rows of a list; a snapshot object seen before gets its row back (see rowBuilder). */
export const toSnapshotRows = rowBuilder((snapshot: SnapshotSummary) => toSnapshotRow(snapshot));
