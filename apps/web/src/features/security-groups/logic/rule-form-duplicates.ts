import type { SecurityGroupSummary } from '@ecs-console/contract';
import type { Permission } from '@ecs-console/ecs-client';
import { isVpcGroup, type PeerKind } from './rule-form-peer';
import { normaliseProtocol, parseCidr, type Direction } from './rules';

/**
 * A row ECS would not add: the same rule as one the group has, or as an earlier row. ECS tells rules
 * apart by protocol, ports, source ports, NIC type, policy and peer, not by priority or description,
 * and answers a duplicate with success while adding nothing (DIGEST §6.4), so a row that only
 * changes an existing rule's priority silently changes nothing.
 */
export type RuleDuplicate =
  { readonly kind: 'existing'; readonly ruleId: string } | { readonly kind: 'row'; readonly index: number };

/** What a valid row sends that ECS compares. */
export interface RowIdentityInput {
  readonly key: string;
  readonly protocol: string;
  /** ECS's PortRange of the row ("22/22", "-1/-1"). */
  readonly portRange: string;
  readonly policy: string;
  readonly peerKind: PeerKind;
  readonly peerValue: string;
}

const SIDE = { ingress: 'Source', egress: 'Dest' } as const;

function normalPeer(kind: PeerKind, value: string): string {
  const trimmed = value.trim();
  return kind === 'ipv4' || kind === 'ipv6' ? (parseCidr(trimmed)?.cidr ?? trimmed) : trimmed;
}

function identity(protocol: string, portRange: string, policy: string, nicType: string, kind: PeerKind, peer: string) {
  return JSON.stringify([normaliseProtocol(protocol), portRange, policy.toLowerCase(), nicType, kind, peer]);
}

function permissionIdentity(permission: Permission, direction: Direction): string | undefined {
  // Rows never name source ports, so a rule with them is never their duplicate.
  if (permission.SourcePortRange !== '' && permission.SourcePortRange !== '-1/-1') return undefined;
  const side = SIDE[direction];
  const peers: readonly [PeerKind, string | undefined][] = [
    ['ipv4', permission[`${side}CidrIp`]],
    ['ipv6', permission[`Ipv6${side}CidrIp`]],
    ['group', permission[`${side}GroupId`]],
    ['prefixList', permission[`${side}PrefixListId`]],
  ];
  const peer = peers.find(([, value]) => value !== undefined && value !== '');
  if (!peer) return undefined;
  const [kind, value] = peer;
  const { IpProtocol, PortRange, Policy, NicType } = permission;
  return identity(IpProtocol, PortRange, Policy, NicType, kind, normalPeer(kind, value ?? ''));
}

/** The NIC type ECS gives a row: intranet in a VPC group or with a group as peer, else its default. */
const nicTypeOf = (group: SecurityGroupSummary, kind: PeerKind) =>
  isVpcGroup(group) || kind === 'group' ? 'intranet' : 'internet';

/** The rows ECS would not add, by row key, with the rule or row they repeat. */
export function findDuplicates(
  rows: readonly RowIdentityInput[],
  group: SecurityGroupSummary,
  direction: Direction,
): Map<string, RuleDuplicate> {
  const existing = new Map<string, string>();
  for (const permission of group.Permissions) {
    if (permission.Direction !== direction) continue;
    const key = permissionIdentity(permission, direction);
    if (key !== undefined && !existing.has(key)) existing.set(key, permission.SecurityGroupRuleId);
  }
  const seen = new Map<string, number>();
  const duplicates = new Map<string, RuleDuplicate>();
  rows.forEach((row, index) => {
    const key = identity(
      row.protocol,
      row.portRange,
      row.policy,
      nicTypeOf(group, row.peerKind),
      row.peerKind,
      normalPeer(row.peerKind, row.peerValue),
    );
    const ruleId = existing.get(key);
    const earlier = seen.get(key);
    if (ruleId !== undefined) duplicates.set(row.key, { kind: 'existing', ruleId });
    else if (earlier !== undefined) duplicates.set(row.key, { kind: 'row', index: earlier });
    else seen.set(key, index);
  });
  return duplicates;
}
