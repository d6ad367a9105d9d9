import { rowBuilder, rowSearch, type SearchValues } from '@/components/resource-list';
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

export function toInstanceRow(instance: InstanceSummary, locale: string): InstanceRow {
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
    tags: instanceTags(instance),
  };
  const search = rowSearch(
    {
      name: [row.name],
      id: [row.id],
      status: [row.status],
      zone: [row.zone],
      instanceType: [row.instanceType],
      privateIp: row.privateIps,
      publicIp: row.publicIps,
      osType: [row.osType],
      osName: [row.osName],
    },
    row.tags,
  );
  return { ...row, ...search };
}

/**
 * The rows of a list. An instance object seen before (a 304, or a merge that changed other
 * instances: both keep unchanged instances' identity) gets its row back rather than a new one.
 */
export const toInstanceRows = rowBuilder(toInstanceRow);
