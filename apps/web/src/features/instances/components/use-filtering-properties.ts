import type { PropertyFilterProperty } from '@cloudscape-design/collection-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ENUM_OPERATORS,
  FIXED_PROPERTY_KEYS,
  isEnumProperty,
  tagPropertyKey,
  TEXT_OPERATORS,
} from '../logic/filtering';

/**
 * The instance list's filter properties: the fixed ones, then `tag:<key>` for every tag key in the
 * region. A `tag:` property's label is the syntax itself, so typing `tag:env = prod` makes a token.
 */
export function useFilteringProperties(tagKeys: readonly string[]): readonly PropertyFilterProperty[] {
  const { t } = useTranslation();
  return useMemo(() => {
    const fixed = FIXED_PROPERTY_KEYS.map((key): PropertyFilterProperty => ({
      key,
      propertyLabel: t(`instances.filter.properties.${key}`),
      groupValuesLabel: t(`instances.filter.values.${key}`),
      operators: isEnumProperty(key) ? ENUM_OPERATORS : TEXT_OPERATORS,
    }));
    const tags = tagKeys.map((tagKey): PropertyFilterProperty => ({
      key: tagPropertyKey(tagKey),
      propertyLabel: tagPropertyKey(tagKey),
      groupValuesLabel: t('instances.filter.tagValues', { key: tagKey }),
      operators: TEXT_OPERATORS,
      group: 'tags',
    }));
    return [...fixed, ...tags];
  }, [t, tagKeys]);
}
