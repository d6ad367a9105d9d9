import type { SnapshotRecord } from '../../store/types.js';
import { requireRegion, type ActionHandler } from '../kit/context.js';
import { stopIfDryRun } from '../kit/checks.js';
import { paginate } from '../kit/pagination.js';
import { snapshotFilters, snapshotUses, usageOf, type SnapshotUses } from './filters.js';
import { SNAPSHOT_PAGES } from './lifecycle.js';
import { renderSnapshot } from './render.js';

export const describeSnapshots: ActionHandler = (context) => {
  const region = requireRegion(context);
  const { params } = context;
  // Which snapshots disks and images were made from is worked out once, and only when needed.
  let uses: SnapshotUses | undefined;
  const usesOf = () => (uses ??= snapshotUses(region));
  const filters = snapshotFilters(params, region, usesOf);
  stopIfDryRun(params);
  const matched: SnapshotRecord[] = [];
  for (const snapshot of region.snapshots.values())
    if (filters.every((matches) => matches(snapshot))) matched.push(snapshot);
  const page = paginate(matched, params, SNAPSHOT_PAGES);
  const regionId = region.region.RegionId;
  const rendered = page.items.map((snapshot) =>
    renderSnapshot(snapshot, regionId, usageOf(snapshot, usesOf()), context.now),
  );
  return { ...page.fields, Snapshots: { Snapshot: rendered } };
};
