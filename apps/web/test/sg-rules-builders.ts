import type { Permission } from '@ecs-console/ecs-client';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import { ruleOf, type Rule } from '@/features/security-groups/logic/rules';

/** A compact rule description for the rules-engine tests; ECS's shapes are built from it. */
export interface RuleSpec {
  readonly id: string;
  readonly direction?: 'ingress' | 'egress';
  /** As ECS answers it ("TCP", "ALL", "ICMP"); default TCP. */
  readonly protocol?: string;
  /** ECS's PortRange; default "22/22" (or "-1/-1" for protocols without ports). */
  readonly ports?: string;
  /** "10.0.0.0/8", "2001:db8::/32", "sg-…" (a group) or "pl-…" (a prefix list); default 0.0.0.0/0. */
  readonly peer?: string;
  readonly policy?: 'Accept' | 'Drop';
  readonly priority?: number;
}

export function permission(spec: RuleSpec): Permission {
  const direction = spec.direction ?? 'ingress';
  const protocol = spec.protocol ?? 'TCP';
  const peer = spec.peer ?? '0.0.0.0/0';
  const hasPorts = ['TCP', 'UDP'].includes(protocol.toUpperCase());
  const side = direction === 'ingress' ? 'Source' : 'Dest';
  const fields: Record<string, string> = {
    SourceCidrIp: '',
    SourceGroupId: '',
    SourceGroupName: '',
    SourceGroupOwnerAccount: '',
    DestCidrIp: '',
    DestGroupId: '',
    DestGroupName: '',
    DestGroupOwnerAccount: '',
  };
  if (peer.startsWith('sg-')) {
    fields[`${side}GroupId`] = peer;
    fields[`${side}GroupName`] = `name-of-${peer}`;
  } else if (peer.startsWith('pl-')) fields[`${side}PrefixListId`] = peer;
  else if (peer.includes(':')) fields[direction === 'ingress' ? 'Ipv6SourceCidrIp' : 'Ipv6DestCidrIp'] = peer;
  else fields[`${side}CidrIp`] = peer;
  return {
    SecurityGroupRuleId: spec.id,
    Direction: direction,
    IpProtocol: protocol,
    PortRange: spec.ports ?? (hasPorts ? '22/22' : '-1/-1'),
    SourcePortRange: '',
    Policy: spec.policy ?? 'Accept',
    Priority: String(spec.priority ?? 1),
    NicType: 'intranet',
    Description: '',
    CreateTime: '2026-11-30T10:00:00Z',
    ...fields,
  } as Permission;
}

export function group(
  id: string,
  specs: readonly RuleSpec[],
  options: { type?: 'normal' | 'enterprise'; innerAccessPolicy?: 'Accept' | 'Drop' } = {},
): SecurityGroupSummary {
  return {
    SecurityGroupId: id,
    SecurityGroupName: `name-of-${id}`,
    Description: '',
    SecurityGroupType: options.type ?? 'normal',
    VpcId: 'vpc-1',
    CreationTime: '2026-11-30T09:00:00Z',
    ResourceGroupId: '',
    InnerAccessPolicy: options.innerAccessPolicy ?? (options.type === 'enterprise' ? 'Drop' : 'Accept'),
    Permissions: specs.map(permission),
  };
}

export function rule(spec: RuleSpec, groupId = 'sg-target'): Rule {
  return ruleOf(permission(spec), { SecurityGroupId: groupId, SecurityGroupName: `name-of-${groupId}` });
}

export function ids(rules: readonly Rule[]): string[] {
  return rules.map((each) => each.ruleId);
}
