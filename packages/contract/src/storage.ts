import type { Disk, Snapshot } from '@ecs-console/ecs-client';

/**
 * The disk fields the Disks list, its filters, the disk page and the instance page's disks section
 * show. The rest (serial numbers, storage sets, bursting) stays out of a 10,000-disk answer.
 */
export const DISK_SUMMARY_FIELDS = [
  'DiskId',
  'DiskName',
  'Description',
  'RegionId',
  'ZoneId',
  'Type',
  'Category',
  'PerformanceLevel',
  'Size',
  'Status',
  'InstanceId',
  'Device',
  'ImageId',
  'SourceSnapshotId',
  'Portable',
  'DeleteWithInstance',
  'DeleteAutoSnapshot',
  'EnableAutoSnapshot',
  'Encrypted',
  'KMSKeyId',
  'DiskChargeType',
  'CreationTime',
  'AttachedTime',
  'DetachedTime',
  'ExpiredTime',
  'OperationLocks',
  'Tags',
  'IOPS',
  'Throughput',
  'MultiAttach',
] as const satisfies readonly (keyof Disk)[];

export type DiskSummary = Pick<Disk, (typeof DISK_SUMMARY_FIELDS)[number]>;

/** The snapshot fields the Snapshots list, its filters and the disk page show. */
export const SNAPSHOT_SUMMARY_FIELDS = [
  'SnapshotId',
  'SnapshotName',
  'Description',
  'Status',
  'Progress',
  'RemainTime',
  'CreationTime',
  'LastModifiedTime',
  'SourceDiskId',
  'SourceDiskSize',
  'SourceDiskType',
  'SnapshotType',
  'Usage',
  'RetentionDays',
  'Encrypted',
  'Category',
  'Available',
  'RegionId',
  'Tags',
] as const satisfies readonly (keyof Snapshot)[];

export type SnapshotSummary = Pick<Snapshot, (typeof SNAPSHOT_SUMMARY_FIELDS)[number]>;

/**
 * `GET /api/regions/:regionId/<kind>`: every resource of one kind in a region at once, shaped like
 * FleetAnswer (whose list is `instances`). The answer carries an `ETag` (`version`, quoted); a
 * request with `If-None-Match` set to it answers `304 Not Modified` while the region's resources of
 * that kind are unchanged.
 */
export type RegionListAnswer<K extends string, T> = {
  readonly regionId: string;
  readonly totalCount: number;
  readonly pages: number;
  /** ISO 8601: when ECS was asked (a shared listing may be a few seconds old). */
  readonly fetchedAt: string;
  /** Changes whenever any listed field of any item changes, or items come or go. */
  readonly version: string;
} & { readonly [P in K]: readonly T[] };

/**
 * `GET /api/regions/:regionId/<kind>?ids=a,b`: the current state of some resources (at most
 * `REGION_LIST_IDS_MAX`), asked of ECS directly. An ID in `requestedIds` that is not among the
 * items no longer exists.
 */
export type RegionListByIdAnswer<K extends string, T> = {
  readonly regionId: string;
  readonly requestedIds: readonly string[];
  /** ISO 8601. */
  readonly fetchedAt: string;
} & { readonly [P in K]: readonly T[] };

/** Most IDs one `?ids=` request may name (DescribeDisks and DescribeSnapshots take 100 IDs per call). */
export const REGION_LIST_IDS_MAX = 100;

/** `GET /api/regions/:regionId/disks`. */
export type DiskListAnswer = RegionListAnswer<'disks', DiskSummary>;
/** `GET /api/regions/:regionId/disks?ids=d-1,d-2`. */
export type DisksByIdAnswer = RegionListByIdAnswer<'disks', DiskSummary>;
/** `GET /api/regions/:regionId/snapshots`. */
export type SnapshotListAnswer = RegionListAnswer<'snapshots', SnapshotSummary>;
/** `GET /api/regions/:regionId/snapshots?ids=s-1,s-2`. */
export type SnapshotsByIdAnswer = RegionListByIdAnswer<'snapshots', SnapshotSummary>;
