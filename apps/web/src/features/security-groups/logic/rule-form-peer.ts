import type { SecurityGroupSummary } from '@ecs-console/contract';
import { parseAddress, parseCidr } from './rules';

/**
 * The source (inbound) or destination (outbound) of a rule row: exactly one kind, as ECS takes one
 * authorization object per rule (when several are sent, it silently keeps one).
 */
export type PeerKind = 'ipv4' | 'ipv6' | 'group' | 'prefixList';
export const PEER_KINDS: readonly PeerKind[] = ['ipv4', 'ipv6', 'group', 'prefixList'];

export type PeerError =
  | 'required'
  | 'ipv4Malformed'
  | 'ipv6Malformed'
  | 'ipv6NeedsVpc'
  | 'groupsNotAllowed'
  | 'groupNotFound'
  | 'groupOtherVpc'
  | 'groupAdvanced'
  | 'prefixListMalformed'
  | 'icmpNeedsIpv4'
  | 'icmpv6NeedsIpv6';

/** Why a kind of peer, or a group as the peer, cannot be chosen for this group. */
export type PeerUnavailable = 'ipv6NeedsVpc' | 'groupsNotAllowed' | 'groupOtherVpc' | 'groupAdvanced';

export const isVpcGroup = (group: SecurityGroupSummary) => group.VpcId !== '';
export const isAdvancedGroup = (group: SecurityGroupSummary) => group.SecurityGroupType === 'enterprise';

/** Why `kind` cannot be used in `group`'s rules, or undefined when it can. */
export function peerKindUnavailable(group: SecurityGroupSummary, kind: PeerKind): PeerUnavailable | undefined {
  if (kind === 'ipv6' && !isVpcGroup(group)) return 'ipv6NeedsVpc';
  if (kind === 'group' && isAdvancedGroup(group)) return 'groupsNotAllowed';
  return undefined;
}

/** Why `peer` cannot be named in `group`'s rules (ECS: same VPC, and advanced groups are not referenced). */
export function peerGroupUnavailable(
  group: SecurityGroupSummary,
  peer: SecurityGroupSummary,
): PeerUnavailable | undefined {
  if (isAdvancedGroup(group)) return 'groupsNotAllowed';
  if (peer.VpcId !== group.VpcId) return 'groupOtherVpc';
  if (isAdvancedGroup(peer)) return 'groupAdvanced';
  return undefined;
}

const PREFIX_LIST_ID = /^pl-[a-z0-9]+$/i;

/** Whether the text is an address or CIDR block of the family, as ECS takes it (the engine's parser). */
export function isCidrOf(text: string, family: 4 | 6): boolean {
  return parseCidr(text)?.family === family;
}

/**
 * "10.0.0.1/24" names the block 10.0.0.0/24; the network address is likely what was meant. Returns
 * the block written from its network address, or undefined when no host bits are set.
 */
export function hostBitsSuggestion(text: string, family: 4 | 6): string | undefined {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  if (slash < 0) return undefined;
  const block = parseCidr(trimmed);
  const address = parseAddress(trimmed.slice(0, slash));
  if (block?.family !== family || !address) return undefined;
  return address.value === block.first ? undefined : block.cidr;
}

/** 0.0.0.0/0 or ::/0 (or any block of length 0): every address of the family. */
export function isWholeInternet(text: string, family: 4 | 6): boolean {
  const block = parseCidr(text);
  return block?.family === family && block.length === 0;
}

export interface PeerCheckInput {
  readonly peerKind: PeerKind;
  readonly peerValue: string;
  readonly protocol: string;
}

/**
 * What ECS would refuse about a row's source or destination: malformed addresses
 * (`Invalid…CidrIp.Malformed`, `InvalidParam.Ipv6…CidrIp`), IPv6 outside a VPC, a group it cannot
 * reference (`Invalid…GroupId.NotFound` / `.Mismatch`, advanced groups), a malformed prefix list ID,
 * and ICMP of the other address family (`InvalidParam.Ipv4ProtocolConflictWithIpv6Address` and its
 * twin). `regionGroups` undefined (still loading) skips the checks that need it.
 */
export function checkPeer(
  row: PeerCheckInput,
  group: SecurityGroupSummary,
  regionGroups: readonly SecurityGroupSummary[] | undefined,
): PeerError | undefined {
  const value = row.peerValue.trim();
  const unavailable = peerKindUnavailable(group, row.peerKind);
  if (unavailable === 'ipv6NeedsVpc' || unavailable === 'groupsNotAllowed') return unavailable;
  if (value === '') return 'required';
  switch (row.peerKind) {
    case 'ipv4':
      if (!isCidrOf(value, 4)) return 'ipv4Malformed';
      return row.protocol === 'icmpv6' ? 'icmpv6NeedsIpv6' : undefined;
    case 'ipv6':
      if (!isCidrOf(value, 6)) return 'ipv6Malformed';
      return row.protocol === 'icmp' ? 'icmpNeedsIpv4' : undefined;
    case 'group': {
      if (!regionGroups) return undefined;
      const peer = regionGroups.find((candidate) => candidate.SecurityGroupId === value);
      if (!peer) return 'groupNotFound';
      const why = peerGroupUnavailable(group, peer);
      return why === 'groupOtherVpc' || why === 'groupAdvanced' ? why : undefined;
    }
    case 'prefixList':
      return PREFIX_LIST_ID.test(value) ? undefined : 'prefixListMalformed';
  }
}
