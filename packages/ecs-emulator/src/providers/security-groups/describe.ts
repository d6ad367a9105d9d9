import type { Store } from '../../store/store.js';
import type { RegionState, SecurityGroupRecord } from '../../store/types.js';
import { requireRegion, type ActionContext } from '../kit/context.js';
import { paginate } from '../kit/pagination.js';
import type { RequestParams } from '../kit/params.js';
import { stopIfDryRun } from '../kit/checks.js';
import { hasTags } from '../kit/tags.js';
import { GROUP_PAGES, MAX_SECURITY_GROUP_IDS } from './limits.js';
import { countMembers, renderGroup } from './lookup.js';

// DescribeSecurityGroups -----------------------------------------------------------------------------

/** The groups a request names by ID (to avoid scanning the region), and its other filters. */
function readGroupQuery(params: RequestParams): {
  named: readonly string[] | undefined;
  matches: (group: SecurityGroupRecord) => boolean;
} {
  const single = params.string('SecurityGroupId');
  const listed = params.jsonArray('SecurityGroupIds', { max: MAX_SECURITY_GROUP_IDS });
  const listedSet = listed && new Set(listed);
  const name = params.string('SecurityGroupName');
  const vpcId = params.string('VpcId');
  const networkType = params.oneOf('NetworkType', ['vpc', 'classic'] as const);
  const type = params.oneOf('SecurityGroupType', ['normal', 'enterprise'] as const);
  const resourceGroupId = params.string('ResourceGroupId');
  const serviceManaged = params.boolean('ServiceManaged');
  const tags = params.tags();
  const matches = (group: SecurityGroupRecord) =>
    (listedSet === undefined || listedSet.has(group.SecurityGroupId)) &&
    (name === undefined || group.SecurityGroupName === name) &&
    (vpcId === undefined || group.VpcId === vpcId) &&
    (networkType === undefined || (networkType === 'vpc') === (group.VpcId !== '')) &&
    (type === undefined || group.SecurityGroupType === type) &&
    // No group belongs to a named resource group, and none is managed by a cloud service.
    resourceGroupId === undefined &&
    serviceManaged !== true &&
    hasTags(group.tags, tags);
  return { named: single !== undefined ? [single] : listedSet && [...listedSet], matches };
}

/**
 * A region's group IDs in descending order, as S2 lists them. Sorting 10,000 IDs takes about as
 * long as a whole Describe may, so the region keeps the order. Every new group takes a fresh ID
 * from the store's counter and every deletion shrinks the map, so a changed size or counter means
 * the kept order is stale.
 */
function groupIdsDescending(store: Store, region: RegionState): readonly string[] {
  const groups = region.securityGroups;
  const kept = region.securityGroupOrder;
  if (kept && kept.size === groups.size && kept.idCounter === store.idCounter) return kept.ids;
  // The default sort compares UTF-16 code units, which is the order IDs need.
  const ids = [...groups.keys()].sort().reverse();
  region.securityGroupOrder = { size: groups.size, idCounter: store.idCounter, ids };
  return ids;
}

export function describeSecurityGroups(context: ActionContext): Record<string, unknown> {
  const { params } = context;
  const region = requireRegion(context);
  const query = readGroupQuery(params);
  stopIfDryRun(params);
  const ordered = query.named ? [...query.named].sort().reverse() : groupIdsDescending(context.store, region);
  const ids: string[] = [];
  for (const id of ordered) {
    const group = region.securityGroups.get(id);
    if (group && query.matches(group)) ids.push(id);
  }
  const page = paginate(ids, params, GROUP_PAGES);
  const members = countMembers(region, page.items);
  return {
    RegionId: region.region.RegionId,
    ...page.fields,
    SecurityGroups: {
      SecurityGroup: page.items.map((id) => renderGroup(region.securityGroups.get(id)!, members.get(id)!)),
    },
  };
}
