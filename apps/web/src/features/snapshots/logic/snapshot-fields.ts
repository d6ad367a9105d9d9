import type { SnapshotSummary } from '@ecs-console/contract';
import type { Tag } from '@ecs-console/ecs-client';

/**
 * ECS's snapshot fields read the way the console shows and checks them. ECS sends some as text
 * (`Progress: "45%"`, `SourceDiskSize: "40"`) and older answers spell some differently
 * (`SourceDiskType: "System"`), so they are read here once rather than in every column.
 */

/** `system` or `data` (ECS's older docs print `System`/`Data`); anything else as it came. */
export function sourceDiskType(snapshot: Pick<SnapshotSummary, 'SourceDiskType'>): string {
  return snapshot.SourceDiskType.toLowerCase();
}

/** The source disk's size in GiB when the snapshot was taken; `undefined` when ECS did not say. */
export function sourceDiskSizeGiB(snapshot: Pick<SnapshotSummary, 'SourceDiskSize'>): number | undefined {
  // ECS documents it as a string of GiB; one older document says an integer: both are read.
  const size = Number(snapshot.SourceDiskSize);
  return snapshot.SourceDiskSize !== '' && Number.isFinite(size) && size > 0 ? size : undefined;
}

/** A custom image was created from it: ECS refuses to delete it (`SnapshotCreatedImage`). */
export function usedByImage(snapshot: Pick<SnapshotSummary, 'Usage'>): boolean {
  return snapshot.Usage === 'image' || snapshot.Usage === 'image_disk';
}

/** Disks were created from it: ECS deletes it only with Force (`SnapshotCreatedDisk`). */
export function usedByDisks(snapshot: Pick<SnapshotSummary, 'Usage'>): boolean {
  return snapshot.Usage === 'disk' || snapshot.Usage === 'image_disk';
}

/** Days it is kept; `undefined` when it is kept until deleted (ECS leaves the field out, or sends 0). */
export function retentionDays(snapshot: Pick<SnapshotSummary, 'RetentionDays'>): number | undefined {
  const days = snapshot.RetentionDays;
  return days !== undefined && days !== null && days > 0 ? days : undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When ECS releases it (creation plus the retention days), or `undefined` when it is kept until deleted. */
export function releaseTime(snapshot: Pick<SnapshotSummary, 'RetentionDays' | 'CreationTime'>): Date | undefined {
  const days = retentionDays(snapshot);
  const created = Date.parse(snapshot.CreationTime);
  if (days === undefined || Number.isNaN(created)) return undefined;
  return new Date(created + days * DAY_MS);
}

/** Tags as ECS nests them, flat (ECS sometimes answers an empty container as `{}`). */
export function snapshotTags(snapshot: Pick<SnapshotSummary, 'Tags'>): readonly Tag[] {
  return snapshot.Tags?.Tag ?? [];
}

/** How messages name a snapshot: its ID, and its name when it has one. */
export function snapshotLabel(snapshot: Pick<SnapshotSummary, 'SnapshotId' | 'SnapshotName'>): string {
  return snapshot.SnapshotName ? `${snapshot.SnapshotId} (${snapshot.SnapshotName})` : snapshot.SnapshotId;
}
