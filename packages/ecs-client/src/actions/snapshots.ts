import {
  defineAction,
  type EcsResponse,
  type FilterInput,
  type NextTokenRequest,
  type PageNumberRequest,
  type PagedResponse,
  type Tag,
  type TagInput,
} from './define.js';

export type SnapshotStatus = 'progressing' | 'accomplished' | 'failed';

// CreateSnapshot ----------------------------------------------------------------------------------

export interface CreateSnapshotRequest {
  DiskId: string;
  /** 2–128 chars, starts with a letter; may not start with `auto`, http:// or https://. */
  SnapshotName?: string;
  /** 2–256 chars. */
  Description?: string;
  /** Days, 1–65536; unset keeps the snapshot until deleted. */
  RetentionDays?: number;
  /** Flash is the legacy local snapshot; to be deprecated. */
  Category?: 'Standard' | 'Flash';
  /** Legacy ESSD instant access. */
  InstantAccess?: boolean;
  /** Days. */
  InstantAccessRetentionDays?: number;
  ResourceGroupId?: string;
  /** Up to 20 tags. */
  Tag?: TagInput[];
  ClientToken?: string;
}

export interface CreateSnapshotResponse extends EcsResponse {
  readonly SnapshotId: string;
}

// DescribeSnapshots -------------------------------------------------------------------------------

export interface DescribeSnapshotsRequest extends PageNumberRequest, NextTokenRequest {
  RegionId: string;
  InstanceId?: string;
  DiskId?: string;
  /** Up to 100 IDs; sent as one JSON-array string. */
  SnapshotIds?: string[];
  SnapshotLinkId?: string;
  SnapshotName?: string;
  ResourceGroupId?: string;
  KMSKeyId?: string;
  /** Default all. */
  Status?: SnapshotStatus | 'all';
  /** auto (automatic), user (manual) or all (default). */
  SnapshotType?: 'auto' | 'user' | 'all';
  SourceDiskType?: 'system' | 'data';
  /** What the snapshot has been used to create. */
  Usage?: 'image' | 'disk' | 'image_disk' | 'none';
  Category?: 'Standard' | 'Flash' | 'archive';
  Encrypted?: boolean;
  /** Up to 20 tags. */
  Tag?: TagInput[];
  /** Keys CreationStartTime, CreationEndTime. */
  Filter?: FilterInput[];
  DryRun?: boolean;
}

export interface Snapshot {
  readonly SnapshotId: string;
  readonly SnapshotName: string;
  readonly Description: string;
  readonly Status: SnapshotStatus;
  /** Percent as a string, `"0%"` to `"100%"`. */
  readonly Progress: string;
  /** Seconds left while progressing. */
  readonly RemainTime?: number;
  readonly CreationTime: string;
  readonly LastModifiedTime?: string;
  readonly SourceDiskId: string;
  /** GiB, as a string. */
  readonly SourceDiskSize: string;
  /** system or data (older docs: System, Data). */
  readonly SourceDiskType: string;
  readonly SourceStorageType?: string;
  readonly SnapshotType: 'auto' | 'user';
  readonly Usage: 'image' | 'disk' | 'image_disk' | 'none';
  /** Days before automatic release. */
  readonly RetentionDays?: number;
  readonly Encrypted: boolean;
  readonly KMSKeyId?: string;
  readonly Category?: string;
  readonly InstantAccess?: boolean;
  readonly InstantAccessRetentionDays?: number;
  /** Whether the snapshot can be used to create or roll back disks. */
  readonly Available?: boolean;
  readonly FullSnapshotSizeInBytes?: number;
  readonly ProductCode?: string;
  readonly SnapshotSN?: string;
  readonly SnapshotLinkId?: string;
  readonly RegionId: string;
  /** For copied snapshots. */
  readonly SourceRegionId?: string;
  /** For copied snapshots. */
  readonly SourceSnapshotId?: string;
  readonly ResourceGroupId?: string;
  readonly Tags?: { readonly Tag: readonly Tag[] };
}

export interface DescribeSnapshotsResponse extends PagedResponse {
  readonly Snapshots: { readonly Snapshot: readonly Snapshot[] };
}

// DeleteSnapshot ----------------------------------------------------------------------------------

export interface DeleteSnapshotRequest {
  /** An unknown ID is ignored; an in-progress snapshot is cancelled. */
  SnapshotId: string;
  /** Also delete a snapshot that disks were created from (those disks can no longer be re-initialised). */
  Force?: boolean;
}

export const snapshotActions = {
  CreateSnapshot: defineAction<CreateSnapshotRequest, CreateSnapshotResponse>()({ kind: 'write', clientToken: true }),
  DescribeSnapshots: defineAction<DescribeSnapshotsRequest, DescribeSnapshotsResponse>()({
    kind: 'read',
    jsonArrayParams: ['SnapshotIds'],
    pagination: { items: (r) => r.Snapshots.Snapshot, maxPageSize: 100, pageNumber: true, nextToken: true },
  }),
  DeleteSnapshot: defineAction<DeleteSnapshotRequest, EcsResponse>()({ kind: 'write' }),
};
