import type {
  PropertyFilterOption,
  PropertyFilterQuery,
  PropertyFilterToken,
} from '@cloudscape-design/collection-hooks';
import { NO_VALUES, type SearchableRow, type SearchValues } from './row-search';

/**
 * Property-filter semantics of the console's lists, as in the EC2 console:
 * - `=` / `!=` compare whole values exactly; `:` / `!:` (contains) and `^` / `!^` (starts with)
 *   ignore case.
 * - Properties with several values (IPs, tags) match when any value matches; a negated operator
 *   matches when no value does (`tag:env != prod` keeps rows without an `env` tag).
 * - `tag:<key>` is a property per tag key, so `tag:env = prod` reads as it is typed.
 * - Free text (no property) searches every property.
 */

export const TAG_PROPERTY_PREFIX = 'tag:';

export const TEXT_OPERATORS = ['=', '!=', ':', '!:', '^', '!^'] as const;
/** Properties with a handful of known values offer only exact matches. */
export const ENUM_OPERATORS = ['=', '!='] as const;

export function tagPropertyKey(tagKey: string): string {
  return `${TAG_PROPERTY_PREFIX}${tagKey}`;
}

/** One token, prepared once for every row it is tried on. */
type RowPredicate = (row: SearchableRow) => boolean;

const matchNothing: RowPredicate = () => false;

export interface RowFilter {
  readonly matchesToken: (row: SearchableRow, token: PropertyFilterToken) => boolean;
  /** Whether a row matches; the query is prepared once per query object, not once per row. */
  readonly matchesQuery: (row: SearchableRow, query: PropertyFilterQuery) => boolean;
  /** The rows a query keeps, in order (the same as filtering with `matchesQuery`). */
  readonly filterRows: <R extends SearchableRow>(rows: readonly R[], query: PropertyFilterQuery) => R[];
}

/** The filter of a list whose rows have these (fixed) properties, besides `tag:<key>`. */
export function rowFilter(propertyKeys: readonly string[]): RowFilter {
  const fixedKeys: ReadonlySet<string> = new Set(propertyKeys);

  /** The values of one property of a row. */
  function propertyValues(row: SearchableRow, key: string): SearchValues {
    if (fixedKeys.has(key)) return row.search[key] ?? NO_VALUES;
    return row.tagValues.get(key.slice(TAG_PROPERTY_PREFIX.length)) ?? NO_VALUES;
  }

  function compileToken(token: PropertyFilterToken): RowPredicate {
    const negated = token.operator.startsWith('!');
    const operator = negated ? token.operator.slice(1) : token.operator;
    const tokenValue = String(token.value ?? '');
    const lowerValue = tokenValue.toLowerCase();
    const key = token.propertyKey;

    let found: RowPredicate;
    if (!key) {
      if (operator !== ':') return matchNothing;
      found = (row) => row.searchText.includes(lowerValue);
    } else {
      // An unknown property (say, a tag key no row has any more) or operator matches nothing.
      if (!fixedKeys.has(key) && !key.startsWith(TAG_PROPERTY_PREFIX)) return matchNothing;
      switch (operator) {
        case '=':
          found = (row) => propertyValues(row, key).exact.includes(tokenValue);
          break;
        case ':':
          found = (row) => propertyValues(row, key).lower.some((value) => value.includes(lowerValue));
          break;
        case '^':
          found = (row) => propertyValues(row, key).lower.some((value) => value.startsWith(lowerValue));
          break;
        default:
          return matchNothing;
      }
    }
    return negated ? (row) => !found(row) : found;
  }

  function compileQuery(query: PropertyFilterQuery): RowPredicate {
    const predicates = query.tokens.map(compileToken);
    if (predicates.length === 0) return () => true;
    if (predicates.length === 1) return predicates[0]!;
    return query.operation === 'or'
      ? (row) => predicates.some((predicate) => predicate(row))
      : (row) => predicates.every((predicate) => predicate(row));
  }

  // The table calls `matchesQuery` once per row with the same query object.
  const compiledQueries = new WeakMap<PropertyFilterQuery, RowPredicate>();

  return {
    matchesToken: (row, token) => compileToken(token)(row),
    matchesQuery: (row, query) => {
      let predicate = compiledQueries.get(query);
      if (!predicate) {
        predicate = compileQuery(query);
        compiledQueries.set(query, predicate);
      }
      return predicate(row);
    },
    filterRows: (rows, query) => rows.filter(compileQuery(query)),
  };
}

/** Every tag key of the rows, sorted: each becomes a `tag:<key>` property. */
export function tagKeysOf(rows: readonly SearchableRow[]): readonly string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const tag of row.tags) keys.add(tag.TagKey);
  return [...keys].sort((a, b) => a.localeCompare(b));
}

/**
 * Above this many distinct values a property gets no suggestions: the filter matches typed text
 * against every suggestion on each keystroke, and 10,000 IDs, names and addresses would make typing
 * stall. Such values are typed (or pasted) anyway.
 */
export const MAX_SUGGESTIONS_PER_PROPERTY = 500;

export interface SuggestionSpec {
  /** The properties whose values are suggested, from the rows, in this order. */
  readonly keys: readonly string[];
  /** Values always offered first (every status, so one can filter for one nothing has yet). */
  readonly always?: Readonly<Record<string, readonly string[]>>;
}

/**
 * The value suggestions of every property: each distinct value once, then `tag:<key>` with its
 * values. Empty values are not suggested.
 */
export function filteringOptionsOf(rows: readonly SearchableRow[], spec: SuggestionSpec): PropertyFilterOption[] {
  const seen = new Map<string, Set<string>>();
  const add = (propertyKey: string, value: string) => {
    if (!value) return;
    let values = seen.get(propertyKey);
    if (!values) {
      values = new Set();
      seen.set(propertyKey, values);
    }
    values.add(value);
  };
  for (const [key, values] of Object.entries(spec.always ?? {})) for (const value of values) add(key, value);
  for (const row of rows) {
    for (const key of spec.keys) for (const value of row.search[key]?.exact ?? []) add(key, value);
    for (const tag of row.tags) add(tagPropertyKey(tag.TagKey), tag.TagValue);
  }
  const options: PropertyFilterOption[] = [];
  for (const [propertyKey, values] of seen) {
    if (values.size > MAX_SUGGESTIONS_PER_PROPERTY) continue;
    for (const value of values) options.push({ propertyKey, value });
  }
  return options;
}
