import type { DiskSummary, InstanceSummary, SecurityGroupSummary, SnapshotSummary } from '@ecs-console/contract';
import type { DiskStatus, InstanceStatus, SnapshotStatus } from '@ecs-console/ecs-client';

/**
 * A kind of resource the console lists per region through `GET /api/regions/:regionId/<path>`
 * (whole, conditionally, or `?ids=` for some): where its list is, what identifies an item, and
 * which items are changing by themselves and so are polled. Any feature may use any kind, so a
 * page listing disks with their instances' names needs no import from the instances feature.
 */
export interface RegionListKind<K extends string, T> {
  /** The route's last path segment. */
  readonly path: string;
  /** The answer's field holding the items. */
  readonly listKey: K;
  readonly idOf: (item: T) => string;
  /** The item is in a state ECS moves out of by itself (within seconds to minutes). */
  readonly isTransitional: (item: T) => boolean;
  /**
   * The console's page of an item, when it has one: a feature that may not import the item's own
   * feature (disks may not import instances) links to it with this.
   */
  readonly pagePath?: (regionId: string, id: string) => string;
}

export const INSTANCE_TRANSITIONAL_STATUSES: ReadonlySet<string> = new Set<InstanceStatus>([
  'Pending',
  'Starting',
  'Stopping',
]);
export const DISK_TRANSITIONAL_STATUSES: ReadonlySet<string> = new Set<DiskStatus>([
  'Creating',
  'Attaching',
  'Detaching',
  'ReIniting',
]);
export const SNAPSHOT_TRANSITIONAL_STATUSES: ReadonlySet<string> = new Set<SnapshotStatus>(['progressing']);

export const INSTANCE_LIST: RegionListKind<'instances', InstanceSummary> &
  Required<Pick<RegionListKind<'instances', InstanceSummary>, 'pagePath'>> = {
  path: 'instances',
  listKey: 'instances',
  idOf: (instance) => instance.InstanceId,
  isTransitional: (instance) => INSTANCE_TRANSITIONAL_STATUSES.has(instance.Status),
  pagePath: (regionId, instanceId) => `/instances/${encodeURIComponent(regionId)}/${encodeURIComponent(instanceId)}`,
};

export const DISK_LIST: RegionListKind<'disks', DiskSummary> = {
  path: 'disks',
  listKey: 'disks',
  idOf: (disk) => disk.DiskId,
  isTransitional: (disk) => DISK_TRANSITIONAL_STATUSES.has(disk.Status),
};

export const SNAPSHOT_LIST: RegionListKind<'snapshots', SnapshotSummary> = {
  path: 'snapshots',
  listKey: 'snapshots',
  idOf: (snapshot) => snapshot.SnapshotId,
  isTransitional: (snapshot) => SNAPSHOT_TRANSITIONAL_STATUSES.has(snapshot.Status),
};

/** Security groups do not change by themselves: they are refreshed after the console's own writes. */
export const SECURITY_GROUP_LIST: RegionListKind<'securityGroups', SecurityGroupSummary> &
  Required<Pick<RegionListKind<'securityGroups', SecurityGroupSummary>, 'pagePath'>> = {
  path: 'security-groups',
  listKey: 'securityGroups',
  idOf: (group) => group.SecurityGroupId,
  isTransitional: () => false,
  pagePath: (regionId, groupId) => `/security-groups/${encodeURIComponent(regionId)}/${encodeURIComponent(groupId)}`,
};
