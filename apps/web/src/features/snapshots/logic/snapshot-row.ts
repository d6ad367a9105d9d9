import type { SnapshotSummary } from '@ecs-console/contract';
import type { SnapshotStatus, Tag } from '@ecs-console/ecs-client';
import { progressPercent, retentionDays, snapshotTags, sourceDiskSizeGiB, sourceDiskType } from './snapshot-fields';

/** The properties the list filters on, each with one or more values per snapshot. */
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

/** Values as they are, and lower-cased for the case-insensitive operators. */
export interface SearchValues {
  readonly exact: readonly string[];
  readonly lower: readonly string[];
}

/**
 * One snapshot as the list works with it: what it filters, sorts and exports, read out of ECS's
 * text fields once per fetch rather than on every keystroke.
 */
export interface SnapshotRow {
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
  readonly tags: readonly Tag[];
  /** Every searchable value, lower-cased and joined: free-text search is one `includes`. */
  readonly searchText: string;
  readonly search: Readonly<Record<SnapshotPropertyKey, SearchValues>>;
  /** The values of each tag key (`tag:<key>` properties). */
  readonly tagValues: ReadonlyMap<string, SearchValues>;
}

function values(exact: readonly string[]): SearchValues {
  return { exact, lower: exact.map((value) => value.toLowerCase()) };
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
  const byKey = new Map<string, string[]>();
  for (const tag of tags) byKey.set(tag.TagKey, [...(byKey.get(tag.TagKey) ?? []), tag.TagValue]);
  const search: Record<SnapshotPropertyKey, SearchValues> = {
    name: values([row.name]),
    id: values([row.id]),
    status: values([row.status]),
    sourceDiskId: values([row.sourceDiskId]),
    sourceDiskType: values([row.sourceDiskType]),
    usage: values([snapshot.Usage]),
    encrypted: values([String(snapshot.Encrypted)]),
    snapshotType: values([snapshot.SnapshotType]),
    tagKey: values(tags.map((tag) => tag.TagKey)),
    tagValue: values(tags.map((tag) => tag.TagValue)),
  };
  const tagValues = new Map<string, SearchValues>();
  for (const [key, list] of byKey) tagValues.set(key, values(list));
  const searchable = [
    row.id,
    row.name,
    snapshot.Description,
    row.status,
    row.sourceDiskId,
    row.sourceDiskType,
    snapshot.Usage,
    ...tags.flatMap((tag) => [tag.TagKey, tag.TagValue]),
  ];
  return { ...row, searchText: searchable.join('\n').toLowerCase(), search, tagValues };
}

/** Rows already built, per snapshot object: a refresh (a 304, a merge) rebuilds only what changed. */
const rowCache = new WeakMap<SnapshotSummary, SnapshotRow>();

export function toSnapshotRows(snapshots: readonly SnapshotSummary[]): SnapshotRow[] {
  return snapshots.map((snapshot) => {
    let row = rowCache.get(snapshot);
    if (!row) {
      row = toSnapshotRow(snapshot);
      rowCache.set(snapshot, row);
    }
    return row;
  });
}
