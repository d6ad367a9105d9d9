import type { InstanceSummary } from '@ecs-console/contract';
import type { InstanceStatus, Tag } from '@ecs-console/ecs-client';
import { instanceTags, osDisplayName, privateIps, publicIps } from './instance-fields';

/**
 * One instance as the list works with it: the values it filters, sorts and exports, read out of
 * ECS's nested shape once per fetch rather than on every keystroke.
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
  return { ...row, searchText: searchable.join('\n').toLowerCase() };
}
