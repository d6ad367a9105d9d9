import { rowFilter, type RowFilteringSpec } from '@/components/resource-list';
import { GROUP_PROPERTY_KEYS } from './group-row';

/** The Security groups list's filter properties; the semantics are the resource lists' own. */

const ENUM_KEYS = ['type', 'innerAccessPolicy', 'findings'];

const ALWAYS_SUGGESTED: Readonly<Record<string, readonly string[]>> = {
  type: ['basic', 'advanced'],
  innerAccessPolicy: ['Accept', 'Drop'],
  findings: ['high', 'none'],
};

export const GROUP_ROW_FILTER = rowFilter(GROUP_PROPERTY_KEYS);

export const GROUP_FILTERING: RowFilteringSpec = {
  filter: GROUP_ROW_FILTER,
  keys: GROUP_PROPERTY_KEYS,
  enumKeys: ENUM_KEYS,
  suggestedKeys: GROUP_PROPERTY_KEYS,
  alwaysSuggested: ALWAYS_SUGGESTED,
  i18nPrefix: 'securityGroups.list.filter',
  // Known values read in the user's language.
  valueLabelKey: (key, value) =>
    ALWAYS_SUGGESTED[key]?.includes(value) ? `securityGroups.list.filter.valueLabels.${key}.${value}` : undefined,
};
