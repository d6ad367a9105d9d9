import type { PropertyFilterProperty } from '@cloudscape-design/collection-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ENUM_OPERATORS,
  filteringOptionsOf,
  tagKeysOf,
  tagPropertyKey,
  TEXT_OPERATORS,
  type RowFilter,
} from './property-filter';
import type { SearchableRow } from './row-search';
import type { ResourceListFiltering } from './types';

/** A list's filter properties (keep it a module constant: the hook memoises on it). */
export interface RowFilteringSpec {
  readonly filter: RowFilter;
  /** The fixed properties, in the order the filter offers them. */
  readonly keys: readonly string[];
  /** Properties with a handful of known values: exact matches only. */
  readonly enumKeys: readonly string[];
  /** The properties whose values are suggested, in this order (those with too many are skipped). */
  readonly suggestedKeys: readonly string[];
  /** Values always suggested first, e.g. every status. */
  readonly alwaysSuggested?: Readonly<Record<string, readonly string[]>>;
  /**
   * Where the wording is: `<prefix>.properties.<key>` names a property, `<prefix>.values.<key>`
   * its group of values.
   */
  readonly i18nPrefix: string;
  /** The translation key of a suggested value's label (say, a status in the user's language). */
  readonly valueLabelKey?: (propertyKey: string, value: string) => string | undefined;
}

/**
 * The list's filter: the fixed properties, then `tag:<key>` for every tag key the rows have (its
 * label is the syntax itself, so typing `tag:env = prod` makes a token), the value suggestions,
 * and the spec's matching. Computed once per fetch (rows), never per keystroke.
 */
export function useRowFiltering<R extends SearchableRow>(
  rows: readonly R[] | undefined,
  spec: RowFilteringSpec,
): ResourceListFiltering<R> {
  const { t } = useTranslation();
  // The spec's keys are checked where they are written; here any of them is translated alike.
  const translate = t as unknown as (key: string, options?: Readonly<Record<string, string>>) => string;
  const tagKeys = useMemo(() => tagKeysOf(rows ?? []), [rows]);

  const properties = useMemo(() => {
    const fixed = spec.keys.map((key): PropertyFilterProperty => ({
      key,
      propertyLabel: translate(`${spec.i18nPrefix}.properties.${key}`),
      groupValuesLabel: translate(`${spec.i18nPrefix}.values.${key}`),
      operators: spec.enumKeys.includes(key) ? ENUM_OPERATORS : TEXT_OPERATORS,
    }));
    const tags = tagKeys.map((tagKey): PropertyFilterProperty => ({
      key: tagPropertyKey(tagKey),
      propertyLabel: tagPropertyKey(tagKey),
      groupValuesLabel: translate('resourceList.filter.tagValues', { key: tagKey }),
      operators: TEXT_OPERATORS,
      group: 'tags',
    }));
    return [...fixed, ...tags];
  }, [spec, tagKeys, translate]);

  return useMemo(
    (): ResourceListFiltering<R> => ({
      properties,
      options: filteringOptionsOf(rows ?? [], { keys: spec.suggestedKeys, always: spec.alwaysSuggested }).map(
        (option) => {
          const labelKey = spec.valueLabelKey?.(option.propertyKey, option.value);
          return labelKey ? { ...option, label: translate(labelKey) } : option;
        },
      ),
      match: spec.filter.matchesQuery,
      filterItems: spec.filter.filterRows,
      customGroupsText: [
        {
          group: 'tags',
          properties: translate('resourceList.filter.tagProperties'),
          values: translate('resourceList.filter.tagPropertyValues'),
        },
      ],
    }),
    [properties, rows, spec, translate],
  );
}
