import { filteringOptionsOf, rowFilter, type RowFilteringSpec } from '@/components/resource-list';
import type { PropertyFilterOption } from '@cloudscape-design/collection-hooks';
import { INSTANCE_STATUSES } from './status';
import type { InstanceRow } from './instance-row';

/**
 * The instance list's filter properties; the semantics (operators, multi-valued properties,
 * `tag:<key>`, free text) are the resource lists' own (components/resource-list/property-filter).
 */

export const FIXED_PROPERTY_KEYS = [
  'name',
  'id',
  'status',
  'zone',
  'instanceType',
  'privateIp',
  'publicIp',
  'osType',
  'osName',
  'tagKey',
  'tagValue',
] as const;

const ENUM_KEYS = ['status', 'osType'];
/** Statuses are always all offered, so one can filter for `Pending` before anything is pending. */
const SUGGESTED_KEYS = FIXED_PROPERTY_KEYS.filter((key) => key !== 'status');
const ALWAYS_SUGGESTED = { status: INSTANCE_STATUSES };

export const { matchesQuery, matchesToken, filterRows } = rowFilter(FIXED_PROPERTY_KEYS);

export const INSTANCE_FILTERING: RowFilteringSpec = {
  filter: { matchesQuery, matchesToken, filterRows },
  keys: FIXED_PROPERTY_KEYS,
  enumKeys: ENUM_KEYS,
  suggestedKeys: SUGGESTED_KEYS,
  alwaysSuggested: ALWAYS_SUGGESTED,
  i18nPrefix: 'instances.filter',
  valueLabelKey: (key, value) => (key === 'status' ? `instanceStatus.${value}` : undefined),
};

/** The value suggestions of every property: each distinct value once, and every status. */
export function instanceFilteringOptions(rows: readonly InstanceRow[]): PropertyFilterOption[] {
  return filteringOptionsOf(rows, { keys: SUGGESTED_KEYS, always: ALWAYS_SUGGESTED });
}
