import type {
  PropertyFilterOption,
  PropertyFilterQuery,
  PropertyFilterToken,
} from '@cloudscape-design/collection-hooks';
import { INSTANCE_STATUSES } from './status';
import type { InstanceRow, RowPropertyKey, SearchValues } from './instance-row';

/**
 * Property-filter semantics of the instance list, as in the EC2 console:
 * - `=` / `!=` compare whole values exactly; `:` / `!:` (contains) and `^` / `!^` (starts with)
 *   ignore case.
 * - Properties with several values (IPs, tags) match when any value matches; a negated operator
 *   matches when no value does (`tag:env != prod` keeps instances without an `env` tag).
 * - `tag:<key>` is a property per tag key, so `tag:env = prod` reads as it is typed.
 * - Free text (no property) searches every property.
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
const TAG_PROPERTY_PREFIX = 'tag:';

export const TEXT_OPERATORS = ['=', '!=', ':', '!:', '^', '!^'] as const;
/** Properties with a handful of known values offer only exact matches. */
export const ENUM_OPERATORS = ['=', '!='] as const;

export function isEnumProperty(key: string): boolean {
  return key === 'status' || key === 'osType';
}

export function tagPropertyKey(tagKey: string): string {
  return `${TAG_PROPERTY_PREFIX}${tagKey}`;
}

const FIXED_KEYS: ReadonlySet<string> = new Set(FIXED_PROPERTY_KEYS);

/** The values of one property of a row; `undefined` for a property the list does not know. */
function propertyValues(row: InstanceRow, key: string): SearchValues | undefined {
  if (FIXED_KEYS.has(key)) return row.search[key as RowPropertyKey];
  if (key.startsWith(TAG_PROPERTY_PREFIX)) return row.tagValues.get(key.slice(TAG_PROPERTY_PREFIX.length)) ?? NO_VALUES;
  return undefined;
}

const NO_VALUES: SearchValues = { exact: [], lower: [] };

/** One token, prepared once for every row it is tried on. */
type RowPredicate = (row: InstanceRow) => boolean;

const matchNothing: RowPredicate = () => false;

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
    // An unknown property (say, a tag key no instance has any more) or operator matches nothing.
    if (!FIXED_KEYS.has(key) && !key.startsWith(TAG_PROPERTY_PREFIX)) return matchNothing;
    const valuesOf = (row: InstanceRow) => propertyValues(row, key) ?? NO_VALUES;
    switch (operator) {
      case '=':
        found = (row) => valuesOf(row).exact.includes(tokenValue);
        break;
      case ':':
        found = (row) => valuesOf(row).lower.some((value) => value.includes(lowerValue));
        break;
      case '^':
        found = (row) => valuesOf(row).lower.some((value) => value.startsWith(lowerValue));
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

/**
 * The table calls `matchesQuery` once per row with the same query object: the query is prepared
 * (operators resolved, its values lower-cased) once per query, not once per row.
 */
const compiledQueries = new WeakMap<PropertyFilterQuery, RowPredicate>();

export function matchesToken(row: InstanceRow, token: PropertyFilterToken): boolean {
  return compileToken(token)(row);
}

export function matchesQuery(row: InstanceRow, query: PropertyFilterQuery): boolean {
  let predicate = compiledQueries.get(query);
  if (!predicate) {
    predicate = compileQuery(query);
    compiledQueries.set(query, predicate);
  }
  return predicate(row);
}

/** The rows a query keeps, in order (the same as filtering with `matchesQuery`). */
export function filterRows(rows: readonly InstanceRow[], query: PropertyFilterQuery): InstanceRow[] {
  const predicate = compileQuery(query);
  return rows.filter(predicate);
}

/** Every tag key in the fleet, sorted: each becomes a `tag:<key>` property. */
export function tagKeysOf(rows: readonly InstanceRow[]): readonly string[] {
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

/**
 * The value suggestions of every property: each distinct value once. Statuses are always all
 * offered, so one can filter for `Pending` before anything is pending.
 */
export function filteringOptionsOf(rows: readonly InstanceRow[]): PropertyFilterOption[] {
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
  for (const status of INSTANCE_STATUSES) add('status', status);
  for (const row of rows) {
    add('name', row.name);
    add('id', row.id);
    add('zone', row.zone);
    add('instanceType', row.instanceType);
    for (const ip of row.privateIps) add('privateIp', ip);
    for (const ip of row.publicIps) add('publicIp', ip);
    add('osType', row.osType);
    add('osName', row.osName);
    for (const tag of row.tags) {
      add('tagKey', tag.TagKey);
      add('tagValue', tag.TagValue);
      add(tagPropertyKey(tag.TagKey), tag.TagValue);
    }
  }
  const options: PropertyFilterOption[] = [];
  for (const [propertyKey, values] of seen) {
    if (values.size > MAX_SUGGESTIONS_PER_PROPERTY) continue;
    for (const value of values) options.push({ propertyKey, value });
  }
  return options;
}
