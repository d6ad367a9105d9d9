import type { Permission } from '@ecs-console/ecs-client';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import { parseCidr } from './peers';
import { portSpanOf } from './ports';
import { normaliseProtocol } from './protocol';
import type { Direction, Rule, RulePeer, RulePolicy } from './types';

/** ECS's default priority, used when an answer carries none. */
const DEFAULT_PRIORITY = 1;

/** ECS answers `Accept`/`Drop` (some examples `Allow`); anything but a drop is an accept, ECS's default. */
function policyOf(policy: string): RulePolicy {
  return policy.trim().toLowerCase() === 'drop' ? 'drop' : 'accept';
}

function priorityOf(priority: string): number {
  const value = Number(priority);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_PRIORITY;
}

function cidrPeer(text: string): RulePeer {
  const parsed = parseCidr(text);
  // ECS validates CIDRs, so an unreadable one should not occur; it is kept as written and, since
  // matching parses it again, never matches anything.
  if (!parsed) return { kind: 'cidr', family: text.includes(':') ? 6 : 4, cidr: text.trim() };
  return { kind: 'cidr', family: parsed.family, cidr: parsed.cidr };
}

/**
 * The rule's peer: the source of an ingress rule, the destination of an egress rule. ECS lets a CIDR
 * win when a request names a CIDR and a group, so CIDRs are read first, then the group, then the
 * prefix list.
 */
function peerOf(permission: Permission, direction: Direction): RulePeer {
  const side =
    direction === 'ingress'
      ? {
          cidr: permission.SourceCidrIp,
          ipv6Cidr: permission.Ipv6SourceCidrIp,
          groupId: permission.SourceGroupId,
          groupName: permission.SourceGroupName,
          owner: permission.SourceGroupOwnerAccount,
          prefixListId: permission.SourcePrefixListId,
          prefixListName: permission.SourcePrefixListName,
        }
      : {
          cidr: permission.DestCidrIp,
          ipv6Cidr: permission.Ipv6DestCidrIp,
          groupId: permission.DestGroupId,
          groupName: permission.DestGroupName,
          owner: permission.DestGroupOwnerAccount,
          prefixListId: permission.DestPrefixListId,
          prefixListName: permission.DestPrefixListName,
        };
  if (side.cidr) return cidrPeer(side.cidr);
  if (side.ipv6Cidr) return cidrPeer(side.ipv6Cidr);
  if (side.groupId) {
    return {
      kind: 'group',
      groupId: side.groupId,
      ...(side.groupName ? { groupName: side.groupName } : {}),
      ...(side.owner ? { ownerAccount: side.owner } : {}),
    };
  }
  if (side.prefixListId) {
    return {
      kind: 'prefixList',
      prefixListId: side.prefixListId,
      ...(side.prefixListName ? { name: side.prefixListName } : {}),
    };
  }
  // A rule without any peer cannot be created; kept as an empty CIDR that matches nothing.
  return { kind: 'cidr', family: 4, cidr: '' };
}

/** One ECS rule of `group` as a Rule. */
export function ruleOf(
  permission: Permission,
  group: Pick<SecurityGroupSummary, 'SecurityGroupId' | 'SecurityGroupName'>,
): Rule {
  const direction: Direction = permission.Direction === 'egress' ? 'egress' : 'ingress';
  const protocol = normaliseProtocol(permission.IpProtocol);
  return {
    ruleId: permission.SecurityGroupRuleId,
    groupId: group.SecurityGroupId,
    groupName: group.SecurityGroupName,
    direction,
    policy: policyOf(permission.Policy),
    priority: priorityOf(permission.Priority),
    protocol,
    ports: portSpanOf(protocol, permission.PortRange),
    peer: peerOf(permission, direction),
    nicType: permission.NicType === 'internet' ? 'internet' : 'intranet',
    description: permission.Description,
    createTime: permission.CreateTime,
    permission,
  };
}

/**
 * Every rule of the group, both directions, in the order ECS lists them. Groups are immutable
 * answers, so each group's rules are read once and the same Rule objects come back each time (a
 * fresh array), which also lets callers key on them.
 */
export function rulesOf(group: SecurityGroupSummary): Rule[] {
  let rules = rulesByGroup.get(group);
  if (!rules) {
    rules = group.Permissions.map((permission) => ruleOf(permission, group));
    rulesByGroup.set(group, rules);
  }
  return [...rules];
}

const rulesByGroup = new WeakMap<SecurityGroupSummary, readonly Rule[]>();
