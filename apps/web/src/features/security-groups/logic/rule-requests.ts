import type { SecurityGroupSummary } from '@ecs-console/contract';
import type { PermissionInput } from '@ecs-console/ecs-client';
import type { EcsCallParams } from '@/lib/api-client';
import { isVpcGroup, portRangeOf, type PeerKind, type RuleRowForm } from './rule-form';
import type { Direction, Rule } from './rules';

type RuleActionName =
  | 'AuthorizeSecurityGroup'
  | 'AuthorizeSecurityGroupEgress'
  | 'RevokeSecurityGroup'
  | 'RevokeSecurityGroupEgress'
  | 'ModifySecurityGroupRule'
  | 'ModifySecurityGroupEgressRule';

/** One ECS call about a group's rules; the caller adds the ClientToken. */
export type RuleEcsCall = {
  [A in RuleActionName]: { readonly action: A; readonly params: EcsCallParams<A> };
}[RuleActionName];

/** A group as results name it: "sg-1 (web)". */
export const groupLabel = (group: Pick<SecurityGroupSummary, 'SecurityGroupId' | 'SecurityGroupName'>) =>
  group.SecurityGroupName ? `${group.SecurityGroupId} (${group.SecurityGroupName})` : group.SecurityGroupId;

/** Inbound rules name their peer as Source*, outbound ones as Dest*. */
const PEER_SIDE = { ingress: 'Source', egress: 'Dest' } as const satisfies Record<Direction, string>;

type PeerField = `${'' | 'Ipv6'}${'Source' | 'Dest'}CidrIp` | `${'Source' | 'Dest'}${'GroupId' | 'PrefixListId'}`;

/** The request field that carries a peer of `kind` in a rule of `direction`. */
export function peerField(kind: PeerKind, direction: Direction): PeerField {
  const side = PEER_SIDE[direction];
  switch (kind) {
    case 'ipv4':
      return `${side}CidrIp`;
    case 'ipv6':
      return `Ipv6${side}CidrIp`;
    case 'group':
      return `${side}GroupId`;
    case 'prefixList':
      return `${side}PrefixListId`;
  }
}

/**
 * A valid row as one of `Permissions`: ECS's lower-case protocol and policy, "start/end" ports
 * (-1/-1 without ports), and NicType intranet where ECS needs it (VPC groups, and any rule naming a
 * group). An empty description is left out (ECS takes 1–512 characters).
 */
export function permissionOf(row: RuleRowForm, direction: Direction, group: SecurityGroupSummary): PermissionInput {
  const description = row.description.trim();
  return {
    IpProtocol: row.protocol,
    PortRange: portRangeOf(row),
    [peerField(row.peerKind, direction)]: row.peerValue.trim(),
    Policy: row.policy,
    Priority: Number(row.priority.trim()),
    ...(isVpcGroup(group) || row.peerKind === 'group' ? { NicType: 'intranet' as const } : {}),
    ...(description === '' ? {} : { Description: description }),
  };
}

/** One Authorize call with every row: ECS adds them all or none. */
export function authorizeCall(
  regionId: string,
  group: SecurityGroupSummary,
  direction: Direction,
  rows: readonly RuleRowForm[],
): RuleEcsCall {
  const params = {
    RegionId: regionId,
    SecurityGroupId: group.SecurityGroupId,
    Permissions: rows.map((row) => permissionOf(row, direction, group)),
  };
  return direction === 'ingress'
    ? { action: 'AuthorizeSecurityGroup', params }
    : { action: 'AuthorizeSecurityGroupEgress', params };
}

/** Revokes by rule ID: one call per direction present (one for a single rules table). */
export function revokeCalls(regionId: string, groupId: string, rules: readonly Rule[]): RuleEcsCall[] {
  const calls: RuleEcsCall[] = [];
  for (const direction of ['ingress', 'egress'] as const) {
    const ids = rules.filter((rule) => rule.direction === direction).map((rule) => rule.ruleId);
    if (ids.length === 0) continue;
    const params = { RegionId: regionId, SecurityGroupId: groupId, SecurityGroupRuleId: ids };
    calls.push(
      direction === 'ingress'
        ? { action: 'RevokeSecurityGroup', params }
        : { action: 'RevokeSecurityGroupEgress', params },
    );
  }
  return calls;
}

/** ECS's PortRange of a rule as it stands. */
function rulePortRange(rule: Rule): string {
  return rule.ports === 'all' ? '-1/-1' : `${rule.ports.from}/${rule.ports.to}`;
}

/** The fields a rule's edit changes, as ModifySecurityGroupRule names them; empty when nothing changed. */
export function ruleChanges(rule: Rule, row: RuleRowForm, original: RuleRowForm): PermissionInput {
  const changes: Record<string, string | number> = {};
  if (row.policy !== rule.policy) changes.Policy = row.policy;
  if (Number(row.priority.trim()) !== rule.priority) changes.Priority = Number(row.priority.trim());
  // ECS checks the protocol and the ports together, so a change to either sends both.
  if (row.protocol !== rule.protocol || portRangeOf(row) !== rulePortRange(rule)) {
    changes.IpProtocol = row.protocol;
    changes.PortRange = portRangeOf(row);
  }
  if (row.peerValue.trim() !== original.peerValue.trim()) {
    changes[peerField(original.peerKind, rule.direction)] = row.peerValue.trim();
  }
  if (row.description.trim() !== rule.description.trim()) changes.Description = row.description.trim();
  return changes;
}

/**
 * The edit of one rule by its ID (ModifySecurityGroupRule, or ModifySecurityGroupEgressRule for an
 * outbound rule), sending only what changed; undefined when nothing did. `original` is the form the
 * rule started as (`rowOfRule`): its peer kind is the one ECS keeps.
 */
export function modifyCall(
  regionId: string,
  rule: Rule,
  row: RuleRowForm,
  original: RuleRowForm,
): RuleEcsCall | undefined {
  const changes = ruleChanges(rule, row, original);
  if (Object.keys(changes).length === 0) return undefined;
  const params = {
    RegionId: regionId,
    SecurityGroupId: rule.groupId,
    SecurityGroupRuleId: rule.ruleId,
    ...changes,
  };
  return rule.direction === 'ingress'
    ? { action: 'ModifySecurityGroupRule', params }
    : { action: 'ModifySecurityGroupEgressRule', params };
}
