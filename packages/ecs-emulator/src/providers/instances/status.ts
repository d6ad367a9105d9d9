import type { InstanceRecord } from '../../store/types.js';
import { requireRegion, type ActionHandler } from '../kit/context.js';
import { paginate } from '../kit/pagination.js';
import { DESCRIBE_INSTANCE_STATUS_PAGES } from './limits.js';

// DescribeInstanceStatus --------------------------------------------------------------------------

export const describeInstanceStatus: ActionHandler = (context) => {
  const region = requireRegion(context);
  const zoneId = context.params.string('ZoneId');
  const ids = context.params.repeatList('InstanceId', { max: 100 });
  const wanted = ids.length ? new Set(ids) : undefined;
  const matches: InstanceRecord[] = [];
  for (const instance of region.instances.values()) {
    if ((zoneId === undefined || instance.ZoneId === zoneId) && (!wanted || wanted.has(instance.InstanceId))) {
      matches.push(instance);
    }
  }
  const page = paginate(matches, context.params, DESCRIBE_INSTANCE_STATUS_PAGES);
  const statuses = page.items.map((instance) => ({ InstanceId: instance.InstanceId, Status: instance.Status }));
  return { ...page.fields, InstanceStatuses: { InstanceStatus: statuses } };
};
