import type { RegionState, SnapshotRecord } from '../../store/types.js';
import { creationTimeMatcher } from '../kit/filters.js';
import { tagMatcher } from '../kit/tags.js';
import type { RequestParams } from '../kit/params.js';

// DescribeSnapshots -----------------------------------------------------------------------------

export type Usage = 'image' | 'disk' | 'image_disk' | 'none';

/** IDs of the snapshots that existing disks, and custom images, were made from. */
export interface SnapshotUses {
  readonly byDisks: ReadonlySet<string>;
  readonly byImages: ReadonlySet<string>;
}

export function snapshotUses(region: RegionState): SnapshotUses {
  const byDisks = new Set<string>();
  for (const disk of region.disks.values()) if (disk.SourceSnapshotId !== '') byDisks.add(disk.SourceSnapshotId);
  const byImages = new Set<string>();
  for (const image of region.images.values()) byImages.add(image.SourceSnapshotId);
  return { byDisks, byImages };
}

export function usageOf(snapshot: SnapshotRecord, uses: SnapshotUses): Usage {
  const byDisk = uses.byDisks.has(snapshot.SnapshotId);
  if (uses.byImages.has(snapshot.SnapshotId)) return byDisk ? 'image_disk' : 'image';
  return byDisk ? 'disk' : 'none';
}

/** Each snapshot of a disk belongs to the disk's snapshot chain. */
export function snapshotLinkId(snapshot: SnapshotRecord): string {
  return `sl-${snapshot.SourceDiskId.slice(2)}`;
}

type SnapshotPredicate = (snapshot: SnapshotRecord) => boolean;

/** Every filter the request sends, as predicates; validating them throws the documented errors. */
export function snapshotFilters(
  params: RequestParams,
  region: RegionState,
  usesOf: () => SnapshotUses,
): SnapshotPredicate[] {
  const filters: SnapshotPredicate[] = [];
  const add = <T>(value: T | undefined, predicate: (value: T) => SnapshotPredicate) => {
    if (value !== undefined) filters.push(predicate(value));
  };

  add(params.string('InstanceId'), (instanceId) => {
    // Snapshots of the disks now attached to the instance.
    const disks = new Set([...region.disks.values()].filter((d) => d.InstanceId === instanceId).map((d) => d.DiskId));
    return (snapshot) => disks.has(snapshot.SourceDiskId);
  });
  add(params.string('DiskId'), (diskId) => (snapshot) => snapshot.SourceDiskId === diskId);
  const ids = params.jsonArray('SnapshotIds', { max: 100, code: 'InvalidSnapshotIds.Malformed', status: 403 });
  add(ids && new Set(ids), (wanted) => (snapshot) => wanted.has(snapshot.SnapshotId));
  add(params.string('SnapshotLinkId'), (linkId) => (snapshot) => snapshotLinkId(snapshot) === linkId);
  add(params.string('SnapshotName'), (name) => (snapshot) => snapshot.SnapshotName === name);
  // The emulator keeps no resource groups or KMS keys: snapshots have none.
  for (const unset of ['ResourceGroupId', 'KMSKeyId']) add(params.string(unset), () => () => false);

  const status = params.oneOf('Status', ['progressing', 'accomplished', 'failed', 'all'], {
    code: 'InvalidStatus.NotFound',
    status: 404,
  });
  if (status !== 'all') add(status, (wanted) => (snapshot) => snapshot.Status === wanted);
  const type = params.oneOf('SnapshotType', ['auto', 'user', 'all'], {
    code: 'InvalidSnapshotType.NotFound',
    status: 404,
  });
  if (type !== 'all') add(type, (wanted) => (snapshot) => snapshot.SnapshotType === wanted);
  add(
    params.oneOf('SourceDiskType', ['system', 'data'], {
      code: 'InvalidSourceDiskType',
      status: 404,
      caseInsensitive: true,
    }),
    (wanted) => (snapshot) => snapshot.SourceDiskType === wanted,
  );
  add(
    params.oneOf('Usage', ['image', 'disk', 'image_disk', 'none'], { code: 'InvalidUsage', status: 404 }),
    (wanted) => {
      const uses = usesOf();
      return (snapshot) => usageOf(snapshot, uses) === wanted;
    },
  );
  add(
    params.oneOf('Category', ['Standard', 'Flash', 'archive'], {
      code: 'InvalidSnapshotCategory.Malformed',
      status: 403,
      caseInsensitive: true,
    }),
    (wanted) => (snapshot) => snapshot.Category === wanted,
  );
  add(params.boolean('Encrypted'), (flag) => (snapshot) => snapshot.Encrypted === flag);
  add(tagMatcher(params), (matches) => (snapshot) => matches(snapshot.tags));
  add(creationTimeMatcher(params), (inWindow) => (snapshot) => inWindow(snapshot.startedAt));
  return filters;
}
