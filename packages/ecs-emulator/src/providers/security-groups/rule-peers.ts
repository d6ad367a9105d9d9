import { isIPv4, isIPv6 } from 'node:net';
import { apiError, notFound } from '../../protocol/errors.js';
import type { RegionState, SecurityGroupRecord } from '../../store/types.js';
import {
  type Direction,
  LOCAL_SIDE,
  PEER_SIDE,
  PORT_RANGE_CODE,
  type RuleFields,
  type RuleInput,
  type Side,
} from './rule-fields.js';
import {
  readNicType,
  readPolicy,
  readPortRange,
  readPriority,
  readProtocol,
  readRuleDescription,
} from './rule-parts.js';

function isCidr(value: string, isAddress: (address: string) => boolean, maxPrefix: number): boolean {
  const [address, prefix, ...rest] = value.split('/');
  if (rest.length > 0 || !isAddress(address!)) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
}

/** The IPv4 and IPv6 CIDR blocks a rule names on one side; at most one of them. */
function readAddresses(input: RuleInput, side: Side): { v4: string; v6: string } {
  const v4 = input.fields[`${side}CidrIp`];
  const v6 = input.fields[`Ipv6${side}CidrIp`];
  if (v4 !== undefined && v6 !== undefined) {
    throw apiError(
      400,
      `InvalidParam.${side}Ip`,
      `The parameters ${side}CidrIp and Ipv6${side}CidrIp cannot be set at the same time.`,
    );
  }
  if (v4 !== undefined && !isCidr(v4, isIPv4, 32)) {
    throw apiError(
      400,
      `Invalid${side}CidrIp.Malformed`,
      `The specified parameter ${input.label}${side}CidrIp is not valid.`,
    );
  }
  if (v6 !== undefined && !isCidr(v6, isIPv6, 128)) {
    throw apiError(
      400,
      `InvalidParam.Ipv6${side}CidrIp`,
      `The specified parameter ${input.label}Ipv6${side}CidrIp is not valid.`,
    );
  }
  return { v4: v4 ?? '', v6: v6 ?? '' };
}

/**
 * A group a rule references: it must exist in the region and share the group's VPC, and neither
 * side may be an advanced group: their rules cannot name groups, and no rule can name them.
 */
function requireReferencedGroup(region: RegionState, group: SecurityGroupRecord, peer: Side, id: string): void {
  const referenced = region.securityGroups.get(id);
  if (!referenced) throw notFound(`Invalid${peer}GroupId.NotFound`, `${peer}GroupId`, id);
  if (referenced.VpcId !== group.VpcId) {
    throw apiError(
      400,
      `Invalid${peer}GroupId.Mismatch`,
      `Specified security group and ${peer.toLowerCase()} group are not in the same VPC.`,
    );
  }
  const advanced = [group, referenced].find((candidate) => candidate.SecurityGroupType === 'enterprise');
  if (advanced) {
    throw apiError(
      400,
      'InvalidGroupAuthParameter.OperationDenied',
      `The security group can not authorize to enterprise level security group: ${advanced.SecurityGroupId} is an advanced group, whose rules cannot name groups and which no rule can name.`,
    );
  }
}

/**
 * The authorization object on the peer side. A CIDR block wins over a group, and both over a
 * prefix list (ECS ignores the lower ones). The emulator models no prefix lists, so naming only
 * one is `InvalidPrefixListId.NotFound`.
 */
function readPeer(input: RuleInput, direction: Direction, group: SecurityGroupRecord, region: RegionState) {
  const peer = PEER_SIDE[direction];
  const addresses = readAddresses(input, peer);
  const peerGroup = { GroupId: '', GroupOwnerAccount: '' };
  if (addresses.v4 === '' && addresses.v6 === '') {
    const groupId = input.fields[`${peer}GroupId`];
    const prefixListId = input.fields[`${peer}PrefixListId`];
    if (groupId !== undefined) {
      requireReferencedGroup(region, group, peer, groupId);
      peerGroup.GroupId = groupId;
      peerGroup.GroupOwnerAccount = input.fields[`${peer}GroupOwnerAccount`] ?? '';
    } else if (prefixListId !== undefined) {
      throw notFound('InvalidPrefixListId.NotFound', 'prefix list', prefixListId);
    } else {
      throw apiError(
        400,
        `MissingParameter.${peer}`,
        `One of the parameters ${peer}CidrIp, Ipv6${peer}CidrIp, ${peer}GroupId or ${peer}PrefixListId must be specified.`,
      );
    }
  }
  return { ...addresses, ...peerGroup };
}

/** Addresses of both sides must be one family, and ICMP / ICMPv6 must match it. */
function checkAddressFamilies(protocol: string, addresses: readonly { v4: string; v6: string }[]): void {
  const hasV4 = addresses.some((side) => side.v4 !== '');
  const hasV6 = addresses.some((side) => side.v6 !== '');
  if (hasV4 && hasV6)
    throw apiError(400, 'InvalidParameter.Conflict', 'IPv6 and IPv4 addresses cannot exist at the same time.');
  if (protocol === 'ICMP' && hasV6) {
    throw apiError(
      400,
      'InvalidParam.Ipv4ProtocolConflictWithIpv6Address',
      'IPv6 address cannot be specified for IPv4-specific protocol.',
    );
  }
  if (protocol === 'ICMPV6' && hasV4) {
    throw apiError(
      400,
      'InvalidParam.Ipv6ProtocolConflictWithIpv4Address',
      'IPv4 address cannot be specified for IPv6-specific protocol.',
    );
  }
}

/** One requested rule, validated and completed with ECS's defaults. */
export function parseRule(
  input: RuleInput,
  direction: Direction,
  group: SecurityGroupRecord,
  region: RegionState,
): RuleFields {
  const protocol = readProtocol(input);
  if (input.fields.PortRangeListId !== undefined && input.fields.PortRange === undefined) {
    // PortRangeListId only counts without PortRange; the emulator models no port lists.
    throw notFound('InvalidPortRangeListId.NotFound', 'port range list', input.fields.PortRangeListId);
  }
  const portRange = readPortRange(input.fields.PortRange, protocol, {
    name: `${input.label}PortRange`,
    code: PORT_RANGE_CODE[direction],
    required: true,
  });
  const sourcePortRange = readPortRange(input.fields.SourcePortRange, protocol, {
    name: `${input.label}SourcePortRange`,
    code: 'InvalidSourcePortRange.Malformed',
    required: false,
  });
  const peer = readPeer(input, direction, group, region);
  const local = readAddresses(input, LOCAL_SIDE[direction]);
  checkAddressFamilies(protocol, [peer, local]);
  const localSide = { ...local, GroupId: '', GroupOwnerAccount: '' };
  const [source, dest] = direction === 'ingress' ? [peer, localSide] : [localSide, peer];
  return {
    IpProtocol: protocol,
    PortRange: portRange,
    SourcePortRange: sourcePortRange,
    SourceCidrIp: source.v4,
    Ipv6SourceCidrIp: source.v6,
    SourceGroupId: source.GroupId,
    SourceGroupOwnerAccount: source.GroupOwnerAccount,
    SourcePrefixListId: '',
    DestCidrIp: dest.v4,
    Ipv6DestCidrIp: dest.v6,
    DestGroupId: dest.GroupId,
    DestGroupOwnerAccount: dest.GroupOwnerAccount,
    DestPrefixListId: '',
    Policy: readPolicy(input),
    Priority: readPriority(input),
    NicType: readNicType(input, group, PEER_SIDE[direction], peer.GroupId !== ''),
    Description: readRuleDescription(input),
  };
}
