import type { Tag } from '@ecs-console/ecs-client';

/**
 * What a list row carries for filtering: every filter property's values, read out of ECS's nested
 * shapes once per fetch (and lower-cased once) rather than on every keystroke.
 */

/** Values as they are, and lower-cased for the case-insensitive operators. */
export interface SearchValues {
  readonly exact: readonly string[];
  readonly lower: readonly string[];
}

/** The part of a row the property filter reads. */
export interface SearchableRow {
  readonly tags: readonly Tag[];
  /** Every searchable value, lower-cased and joined: free-text search is one `includes`. */
  readonly searchText: string;
  /** The values of each filter property. */
  readonly search: Readonly<Record<string, SearchValues>>;
  /** The values of each tag key (`tag:<key>` properties). */
  readonly tagValues: ReadonlyMap<string, SearchValues>;
}

export const NO_VALUES: SearchValues = { exact: [], lower: [] };

export function searchValues(exact: readonly string[]): SearchValues {
  return { exact, lower: exact.map((value) => value.toLowerCase()) };
}

/**
 * A row's filter values from its properties' values (each property one or more values) and its
 * tags. `tagKey` and `tagValue` properties are added from the tags; `otherText` is searched by
 * free text only (say, a description).
 */
export function rowSearch<K extends string>(
  properties: Readonly<Record<K, readonly string[]>>,
  tags: readonly Tag[],
  otherText: readonly string[] = [],
): Pick<SearchableRow, 'searchText' | 'tagValues'> & {
  readonly search: Readonly<Record<K | 'tagKey' | 'tagValue', SearchValues>>;
} {
  const search = {} as Record<K | 'tagKey' | 'tagValue', SearchValues>;
  const text: string[] = [];
  for (const key of Object.keys(properties) as K[]) {
    const values = properties[key];
    search[key] = searchValues(values);
    text.push(...values);
  }
  search.tagKey = searchValues(tags.map((tag) => tag.TagKey));
  search.tagValue = searchValues(tags.map((tag) => tag.TagValue));
  const byKey = new Map<string, string[]>();
  for (const tag of tags) {
    const list = byKey.get(tag.TagKey);
    if (list) list.push(tag.TagValue);
    else byKey.set(tag.TagKey, [tag.TagValue]);
    text.push(tag.TagKey, tag.TagValue);
  }
  const tagValues = new Map<string, SearchValues>();
  for (const [key, list] of byKey) tagValues.set(key, searchValues(list));
  text.push(...otherText);
  return { search, tagValues, searchText: text.join('\n').toLowerCase() };
}

/**
 * Rows built once per item object (and locale): a 304 or a merge keeps unchanged items' identity,
 * so a refresh costs what changed, and unchanged rows stay the same objects for memoised rendering.
 */
export function rowBuilder<I extends object, R>(
  build: (item: I, locale: string) => R,
): (items: readonly I[], locale: string) => R[] {
  const cache = new WeakMap<I, { readonly locale: string; readonly row: R }>();
  return (items, locale) =>
    items.map((item) => {
      const cached = cache.get(item);
      if (cached?.locale === locale) return cached.row;
      const row = build(item, locale);
      cache.set(item, { locale, row });
      return row;
    });
}
