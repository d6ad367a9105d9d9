import { requireRegion, type ActionHandler } from '../kit/context.js';
import { cachedInstanceView } from './view-cache.js';
import { stopIfDryRun } from '../kit/checks.js';
import { paginate } from '../kit/pagination.js';
import { instanceFilters } from './filters.js';
import { DESCRIBE_INSTANCES_PAGES } from './limits.js';
import { renderInstance } from './render.js';

/** DescribeInstances: the region's instances through the request's filters, a page of their cached views. */
export const describeInstances: ActionHandler = (context) => {
  const region = requireRegion(context);
  const filters = instanceFilters(context);
  stopIfDryRun(context.params);
  const all = region.instances.values();
  const matches = filters.length === 0 ? [...all] : [...all].filter((i) => filters.every((filter) => filter(i)));
  const page = paginate(matches, context.params, DESCRIBE_INSTANCES_PAGES);
  const views = page.items.map((instance) => cachedInstanceView(region, instance, renderInstance));
  return { ...page.fields, Instances: { Instance: views } };
};
