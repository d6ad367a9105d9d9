import type { InstanceSummary } from '@ecs-console/contract';
import type { InstanceStatus, Tag } from '@ecs-console/ecs-client';
import { instanceTags, osDisplayName, privateIps, publicIps } from './instance-fields';

/** The properties the list filters on, each with one or more values per instance. */
export type RowPropertyKey =
  | 'name'
  | 'id'
  | 'status'
  | 'zone'
  | 'instanceType'
  | 'privateIp'
  | 'publicIp'
  | 'osType'
  | 'osName'
  | 'tagKey'
  | 'tagValue';

/** Values as they are, and lower-cased for the case-insensitive operators. */
export interface SearchValues {
  readonly exact: readonly string[];
  readonly lower: readonly string[];
}

/**
 * One instance as the list works with it: the values it filters, sorts and exports, read out of
 * ECS's nested shape once per fetch rather than on every keystroke, lower-cased once too.
 */
export interface InstanceRow {
  readonly instance: InstanceSummary;
  readonly id: string;
  readonly name: string;
  readonly status: InstanceStatus;
  readonly zone: string;
  readonly instanceType: string;
  readonly privateIps: readonly string[];
  readonly publicIps: readonly string[];
  readonly osType: string;
  readonly osName: string;
  readonly tags: readonly Tag[];
  /** Every searchable value, lower-cased and joined: free-text search is one `includes`. */
  readonly searchText: string;
  /** The values of each filter property. */
  readonly search: Readonly<Record<RowPropertyKey, SearchValues>>;
  /** The values of each tag key (`tag:<key>` properties). */
  readonly tagValues: ReadonlyMap<string, SearchValues>;
}

const EMPTY: readonly string[] = [];

function values(exact: readonly string[]): SearchValues {
  return { exact, lower: exact.map((value) => value.toLowerCase()) };
}

export function toInstanceRow(instance: InstanceSummary, locale: string): InstanceRow {
  const tags = instanceTags(instance);
  const row = {
    instance,
    id: instance.InstanceId,
    name: instance.InstanceName,
    status: instance.Status,
    zone: instance.ZoneId,
    instanceType: instance.InstanceType,
    privateIps: privateIps(instance),
    publicIps: publicIps(instance),
    osType: instance.OSType,
    osName: osDisplayName(instance, locale),
    tags,
  };
  const tagKeys = tags.length === 0 ? EMPTY : tags.map((tag) => tag.TagKey);
  const tagValueList = tags.length === 0 ? EMPTY : tags.map((tag) => tag.TagValue);
  const byKey = new Map<string, string[]>();
  for (const tag of tags) {
    const list = byKey.get(tag.TagKey);
    if (list) list.push(tag.TagValue);
    else byKey.set(tag.TagKey, [tag.TagValue]);
  }
  const search: Record<RowPropertyKey, SearchValues> = {
    name: values([row.name]),
    id: values([row.id]),
    status: values([row.status]),
    zone: values([row.zone]),
    instanceType: values([row.instanceType]),
    privateIp: values(row.privateIps),
    publicIp: values(row.publicIps),
    osType: values([row.osType]),
    osName: values([row.osName]),
    tagKey: values(tagKeys),
    tagValue: values(tagValueList),
  };
  const tagValues = new Map<string, SearchValues>();
  for (const [key, list] of byKey) tagValues.set(key, values(list));
  const searchable = [
    row.id,
    row.name,
    row.status,
    row.zone,
    row.instanceType,
    ...row.privateIps,
    ...row.publicIps,
    row.osType,
    row.osName,
    ...tags.flatMap((tag) => [tag.TagKey, tag.TagValue]),
  ];
  return { ...row, searchText: searchable.join('\n').toLowerCase(), search, tagValues };
}

/** Rows already built, per instance object and locale: a refresh rebuilds only what changed. */
const rowCache = new WeakMap<InstanceSummary, { readonly locale: string; readonly row: InstanceRow }>();

/**
 * The rows of a list. An instance object seen before (a 304, or a merge that changed other
 * instances: both keep unchanged instances' identity) gets its row back rather than a new one, so
 * a refresh costs what changed and unchanged rows stay the same objects for memoised rendering.
 */
export function toInstanceRows(instances: readonly InstanceSummary[], locale: string): InstanceRow[] {
  return instances.map((instance) => {
    const cached = rowCache.get(instance);
    if (cached?.locale === locale) return cached.row;
    const row = toInstanceRow(instance, locale);
    rowCache.set(instance, { locale, row });
    return row;
  });
}
