import type { InstanceSummary, SecurityGroupSummary } from '@ecs-console/contract';
import type { Tag } from '@ecs-console/ecs-client';
import { rowSearch, type SearchValues } from '@/components/resource-list';
import { analyseRules, rulesOf, type Finding } from './rules';

/** The properties the Security groups list filters on, each with one or more values per group. */
export const GROUP_PROPERTY_KEYS = [
  'name',
  'id',
  'vpcId',
  'type',
  'innerAccessPolicy',
  'memberId',
  'memberName',
  'findings',
  'tagKey',
  'tagValue',
] as const;
export type GroupPropertyKey = (typeof GROUP_PROPERTY_KEYS)[number];

/** Basic (`normal`) or advanced (`enterprise`), as the console names them. */
export type GroupType = 'basic' | 'advanced';

export function groupType(group: Pick<SecurityGroupSummary, 'SecurityGroupType'>): GroupType {
  return group.SecurityGroupType === 'enterprise' ? 'advanced' : 'basic';
}

/** A member instance as the list shows it. */
export interface GroupMember {
  readonly id: string;
  readonly name: string;
}

/** High-severity findings: rules open to the whole internet on administrative and database ports. */
export function highFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.kind === 'worldOpen' && finding.severity === 'high');
}

/**
 * One group as the list works with it: what it filters, sorts and exports, read out of ECS's shape
 * once per fetch, with its members (from the region's instance list, when it has loaded) and its
 * high-severity findings (the rules engine's analysis of its rules).
 */
export interface SecurityGroupRow {
  readonly group: SecurityGroupSummary;
  readonly id: string;
  readonly name: string;
  readonly vpcId: string;
  readonly type: GroupType;
  readonly inboundCount: number;
  readonly outboundCount: number;
  /** `undefined` while the instance list has not loaded: ECS's EcsCount is shown instead. */
  readonly members: readonly GroupMember[] | undefined;
  readonly memberCount: number;
  readonly innerAccessPolicy: SecurityGroupSummary['InnerAccessPolicy'];
  readonly description: string;
  readonly highFindingCount: number;
  readonly tags: readonly Tag[];
  readonly searchText: string;
  readonly search: Readonly<Record<GroupPropertyKey, SearchValues>>;
  readonly tagValues: ReadonlyMap<string, SearchValues>;
}

export function toGroupRow(group: SecurityGroupSummary, members: readonly GroupMember[] | undefined): SecurityGroupRow {
  const inboundCount = group.Permissions.filter((permission) => permission.Direction === 'ingress').length;
  const highFindingCount = highFindings(analyseRules(rulesOf(group))).length;
  const row = {
    group,
    id: group.SecurityGroupId,
    name: group.SecurityGroupName,
    vpcId: group.VpcId,
    type: groupType(group),
    inboundCount,
    outboundCount: group.Permissions.length - inboundCount,
    members,
    memberCount: members ? members.length : (group.EcsCount ?? 0),
    innerAccessPolicy: group.InnerAccessPolicy,
    description: group.Description,
    highFindingCount,
    // ECS sometimes answers an empty container as `{}`.
    tags: group.Tags?.Tag ?? [],
  };
  const search = rowSearch(
    {
      name: [row.name],
      id: [row.id],
      vpcId: row.vpcId ? [row.vpcId] : [],
      type: [row.type],
      innerAccessPolicy: [row.innerAccessPolicy],
      memberId: (members ?? []).map((member) => member.id),
      memberName: (members ?? []).map((member) => member.name).filter(Boolean),
      findings: [highFindingCount > 0 ? 'high' : 'none'],
    },
    row.tags,
    [row.description],
  );
  return { ...row, ...search };
}

/** Each group's member instances, for every group any instance is in. */
export function membersByGroup(instances: readonly InstanceSummary[]): Map<string, GroupMember[]> {
  const byGroup = new Map<string, GroupMember[]>();
  for (const instance of instances) {
    // ECS sometimes answers an empty container as `{}`.
    for (const groupId of instance.SecurityGroupIds.SecurityGroupId ?? []) {
      const member = { id: instance.InstanceId, name: instance.InstanceName };
      const list = byGroup.get(groupId);
      if (list) list.push(member);
      else byGroup.set(groupId, [member]);
    }
  }
  return byGroup;
}

const NO_MEMBERS: readonly GroupMember[] = [];

const memberKey = (members: readonly GroupMember[] | undefined) =>
  members ? members.map((member) => `${member.id}\u0000${member.name}`).join('\u0001') : undefined;

/** Rows built before, per group object: valid while the group's members are the same. */
const rowCache = new WeakMap<
  SecurityGroupSummary,
  { readonly key: string | undefined; readonly row: SecurityGroupRow }
>();

/**
 * The rows of the list, from the groups and the region's instances (`undefined` until loaded). A
 * group object seen before (a 304, or a merge that changed other groups) gets its row back while its
 * members are unchanged, so the rules are not analysed again on every poll.
 */
export function toGroupRows(
  groups: readonly SecurityGroupSummary[],
  instances: readonly InstanceSummary[] | undefined,
): SecurityGroupRow[] {
  const byGroup = instances && membersByGroup(instances);
  return groups.map((group) => {
    const members = byGroup ? (byGroup.get(group.SecurityGroupId) ?? NO_MEMBERS) : undefined;
    const key = memberKey(members);
    const cached = rowCache.get(group);
    if (cached && cached.key === key) return cached.row;
    const row = toGroupRow(group, members);
    rowCache.set(group, { key, row });
    return row;
  });
}
