import { isoSeconds } from '../../clock.js';
import type { SnapshotRecord } from '../../store/types.js';
import { digitsFor } from '../kit/names.js';
import { renderTags } from '../kit/tags.js';
import { type Usage, snapshotLinkId } from './filters.js';
import { completionTime } from './lifecycle.js';

/** Progress and seconds left, from the time elapsed between start and completion. */
function progressOf(snapshot: SnapshotRecord, now: number): { Progress: string; RemainTime: number } {
  if (snapshot.Status === 'accomplished') return { Progress: '100%', RemainTime: 0 };
  if (snapshot.Status === 'failed') return { Progress: '0%', RemainTime: 0 };
  const done = completionTime(snapshot);
  const fraction = (now - snapshot.startedAt) / (done - snapshot.startedAt);
  return {
    // A progressing snapshot shows at most 99%; 100% comes with accomplished.
    Progress: `${Math.min(99, Math.max(0, Math.floor(fraction * 100)))}%`,
    RemainTime: Math.max(0, Math.ceil((done - now) / 1000)),
  };
}

/** A snapshot in the response shape of DescribeSnapshots (`Snapshot` of the client). */
export function renderSnapshot(
  snapshot: SnapshotRecord,
  regionId: string,
  usage: Usage,
  now: number,
): Record<string, unknown> {
  const accomplished = snapshot.Status === 'accomplished';
  const lastModified = accomplished ? Math.min(now, completionTime(snapshot)) : snapshot.startedAt;
  return {
    SnapshotId: snapshot.SnapshotId,
    SnapshotName: snapshot.SnapshotName,
    Description: snapshot.Description,
    Status: snapshot.Status,
    ...progressOf(snapshot, now),
    CreationTime: isoSeconds(snapshot.startedAt),
    LastModifiedTime: isoSeconds(lastModified),
    SourceDiskId: snapshot.SourceDiskId,
    SourceDiskSize: String(snapshot.SourceDiskSize),
    SourceDiskType: snapshot.SourceDiskType,
    SourceStorageType: 'disk',
    SnapshotType: snapshot.SnapshotType,
    Usage: usage,
    ...(snapshot.RetentionDays === undefined ? {} : { RetentionDays: snapshot.RetentionDays }),
    Encrypted: snapshot.Encrypted,
    KMSKeyId: '',
    Category: snapshot.Category,
    InstantAccess: snapshot.InstantAccess,
    Available: accomplished,
    ProductCode: '',
    SnapshotSN: `${digitsFor(snapshot.SnapshotId, 5)}-${digitsFor(snapshot.SourceDiskId, 9)}-${digitsFor(snapshot.SnapshotId + '#', 8)}`,
    SnapshotLinkId: snapshotLinkId(snapshot),
    RegionId: regionId,
    ResourceGroupId: '',
    Tags: renderTags(snapshot.tags),
  };
}
