import type { DiskRecord } from '../../store/types.js';
import { stopIfDryRun } from '../kit/checks.js';
import { requireRegion, type ActionHandler } from '../kit/context.js';
import { paginate } from '../kit/pagination.js';
import { diskFilters } from './filters.js';
import { DISK_PAGES } from './limits.js';
import { renderDisk } from './render.js';

/** DescribeDisks: the region's disks through the request's filters, a page of them. */
export const describeDisks: ActionHandler = (context) => {
  const region = requireRegion(context);
  const { params } = context;
  const filters = diskFilters(params, region);
  const withPlacement = params.repeatList('AdditionalAttributes').includes('Placement');
  stopIfDryRun(params);
  const matched: DiskRecord[] = [];
  for (const disk of region.disks.values()) if (filters.every((matches) => matches(disk))) matched.push(disk);
  const page = paginate(matched, params, DISK_PAGES);
  return { ...page.fields, Disks: { Disk: page.items.map((disk) => renderDisk(disk, region, withPlacement)) } };
};
