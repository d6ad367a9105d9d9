import { rowFilter, type RowFilteringSpec } from '@/components/resource-list';
import { ALL_CATEGORIES, PERFORMANCE_LEVELS } from '@ecs-console/contract';
import { DISK_PROPERTY_KEYS } from './disk-row';
import { DISK_STATUSES } from './disk-status';

/** The Disks list's filter properties; the semantics are the resource lists' own. */

const ENUM_KEYS = ['status', 'category', 'performanceLevel', 'type', 'encrypted', 'chargeType'];

/** Known values are offered before anything has them (a `Creating` disk, an ESSD PL3). */
const ALWAYS_SUGGESTED: Readonly<Record<string, readonly string[]>> = {
  status: DISK_STATUSES,
  category: ALL_CATEGORIES,
  performanceLevel: PERFORMANCE_LEVELS,
  type: ['system', 'data'],
  encrypted: ['true', 'false'],
  chargeType: ['PostPaid', 'PrePaid'],
};

const VALUE_LABEL_PREFIX: Readonly<Record<string, string>> = {
  status: 'diskStatus',
  category: 'diskCategory',
  type: 'diskType',
  chargeType: 'chargeType',
};

export const DISK_ROW_FILTER = rowFilter(DISK_PROPERTY_KEYS);

export const DISK_FILTERING: RowFilteringSpec = {
  filter: DISK_ROW_FILTER,
  keys: DISK_PROPERTY_KEYS,
  enumKeys: ENUM_KEYS,
  suggestedKeys: DISK_PROPERTY_KEYS,
  alwaysSuggested: ALWAYS_SUGGESTED,
  i18nPrefix: 'disks.list.filter',
  // Known values read in the user's language; a value ECS adds later shows as it is.
  valueLabelKey: (key, value) => {
    if (!ALWAYS_SUGGESTED[key]?.includes(value)) return undefined;
    if (key === 'encrypted') return value === 'true' ? 'common.yes' : 'common.no';
    const prefix = VALUE_LABEL_PREFIX[key];
    return prefix ? `${prefix}.${value}` : undefined;
  },
};
