import type {
  PropertyFilterOption,
  PropertyFilterQuery,
  PropertyFilterToken,
} from '@cloudscape-design/collection-hooks';
import { INSTANCE_STATUSES } from './status';
import type { InstanceRow } from './instance-row';

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

/** The values of one property of a row; `undefined` for a property the list does not know. */
function propertyValues(row: InstanceRow, key: string): readonly string[] | undefined {
  switch (key) {
    case 'name':
      return [row.name];
    case 'id':
      return [row.id];
    case 'status':
      return [row.status];
    case 'zone':
      return [row.zone];
    case 'instanceType':
      return [row.instanceType];
    case 'privateIp':
      return row.privateIps;
    case 'publicIp':
      return row.publicIps;
    case 'osType':
      return [row.osType];
    case 'osName':
      return [row.osName];
    case 'tagKey':
      return row.tags.map((tag) => tag.TagKey);
    case 'tagValue':
      return row.tags.map((tag) => tag.TagValue);
  }
  if (key.startsWith(TAG_PROPERTY_PREFIX)) {
    const tagKey = key.slice(TAG_PROPERTY_PREFIX.length);
    return row.tags.filter((tag) => tag.TagKey === tagKey).map((tag) => tag.TagValue);
  }
  return undefined;
}

/** Whether one value satisfies a positive operator (`=`, `:` or `^`). */
function valueMatches(value: string, operator: string, tokenValue: string): boolean {
  switch (operator) {
    case '=':
      return value === tokenValue;
    case ':':
      return value.toLowerCase().includes(tokenValue.toLowerCase());
    case '^':
      return value.toLowerCase().startsWith(tokenValue.toLowerCase());
    default:
      return false;
  }
}

export function matchesToken(row: InstanceRow, token: PropertyFilterToken): boolean {
  const negated = token.operator.startsWith('!');
  const operator = negated ? token.operator.slice(1) : token.operator;
  const tokenValue = String(token.value ?? '');

  if (!token.propertyKey) {
    if (operator !== ':') return false;
    const found = row.searchText.includes(tokenValue.toLowerCase());
    return negated ? !found : found;
  }

  const values = propertyValues(row, token.propertyKey);
  // An unknown property (say, a tag key no instance has any more) or operator matches nothing.
  if (!values || !['=', ':', '^'].includes(operator)) return false;
  const found = values.some((value) => valueMatches(value, operator, tokenValue));
  return negated ? !found : found;
}

export function matchesQuery(row: InstanceRow, query: PropertyFilterQuery): boolean {
  if (query.tokens.length === 0) return true;
  return query.operation === 'or'
    ? query.tokens.some((token) => matchesToken(row, token))
    : query.tokens.every((token) => matchesToken(row, token));
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
