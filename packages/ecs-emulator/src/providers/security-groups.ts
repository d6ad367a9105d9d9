import { isIPv4, isIPv6 } from 'node:net';
import { isoSeconds } from '../clock.js';
import { apiError, incorrectStatus, missingParameter, notFound } from '../protocol/errors.js';
import { createRule, createSecurityGroup } from '../store/factories.js';
import type { Store } from '../store/store.js';
import type { InstanceRecord, RegionState, RuleRecord, SecurityGroupRecord } from '../store/types.js';
import { regionOfResource, requireRegion, type ActionContext, type ActionHandler } from './kit/context.js';
import { idempotent } from './kit/idempotency.js';
import { pageByToken, paginate } from './kit/pagination.js';
import type { RequestParams } from './kit/params.js';
import { rejectSecurityLock, stopIfDryRun } from './kit/checks.js';
import { hasTags, readNewTagPairs, renderTags } from './kit/tags.js';

/**
 * Security groups, their rules and their members (DIGEST §6.4, §7): Describe, Create, Delete,
 * Authorize/Revoke in both directions, ModifySecurityGroupRule, Join/LeaveSecurityGroup.
 */

const MAX_GROUPS_PER_REGION = 100;
const MAX_RULES_PER_GROUP = 200;
/** A basic group's rules may name at most this many other groups; advanced groups none. */
const MAX_REFERENCED_GROUPS = 20;
const MAX_GROUPS_PER_INSTANCE = 5;
const MAX_TAGS_ON_CREATE = 20;
const MAX_SECURITY_GROUP_IDS = 100;
const MAX_PERMISSIONS = 100;
/** How many instances (private IPs) a group can hold, by type (ECS limits). */
const INSTANCE_CAPACITY = { normal: 2000, enterprise: 65536 } as const;

const GROUP_PAGES = { defaultPageSize: 10, maxPageSize: 50, tokens: { defaultMax: 10, minMax: 1, maxMax: 100 } };
const RULE_PAGES = { size: 500, min: 10, max: 1000 };

const HTTP_PREFIX = /^https?:\/\//i;
/** 2–128 characters: starts with a letter (any script); letters, digits, `:`, `_`, `.`, `-`. */
const GROUP_NAME = /^\p{L}[\p{L}\p{N}:_.-]{1,127}$/u;

// Lookups and rendering ------------------------------------------------------------------------------

function requireGroup(region: RegionState, id: string): SecurityGroupRecord {
  const group = region.securityGroups.get(id);
  if (!group) throw notFound('InvalidSecurityGroupId.NotFound', 'SecurityGroupId', id);
  return group;
}

function referencesGroup(rule: RuleFields): boolean {
  return rule.SourceGroupId !== '' || rule.DestGroupId !== '';
}

/** How many of the region's instances are members of each of `groupIds`, in one pass. */
function countMembers(region: RegionState, groupIds: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of groupIds) counts.set(id, 0);
  for (const instance of region.instances.values()) {
    for (const id of instance.SecurityGroupIds) {
      const count = counts.get(id);
      if (count !== undefined) counts.set(id, count + 1);
    }
  }
  return counts;
}

function renderGroup(group: SecurityGroupRecord, members: number): Record<string, unknown> {
  return {
    SecurityGroupId: group.SecurityGroupId,
    SecurityGroupName: group.SecurityGroupName,
    Description: group.Description,
    SecurityGroupType: group.SecurityGroupType,
    VpcId: group.VpcId,
    CreationTime: isoSeconds(group.createdAt),
    // The emulator has no resource groups: everything is in the account's default one.
    ResourceGroupId: '',
    AvailableInstanceAmount: Math.max(0, INSTANCE_CAPACITY[group.SecurityGroupType] - members),
    EcsCount: members,
    RuleCount: group.rules.length,
    GroupToGroupRuleCount: group.rules.filter(referencesGroup).length,
    ServiceManaged: false,
    Tags: renderTags(group.tags),
  };
}

function renderPermission(rule: RuleRecord, region: RegionState): Record<string, unknown> {
  const nameOf = (id: string) => (id === '' ? '' : (region.securityGroups.get(id)?.SecurityGroupName ?? ''));
  return {
    SecurityGroupRuleId: rule.SecurityGroupRuleId,
    Direction: rule.Direction,
    IpProtocol: rule.IpProtocol,
    PortRange: rule.PortRange,
    SourcePortRange: rule.SourcePortRange,
    SourceCidrIp: rule.SourceCidrIp,
    Ipv6SourceCidrIp: rule.Ipv6SourceCidrIp,
    SourceGroupId: rule.SourceGroupId,
    SourceGroupName: nameOf(rule.SourceGroupId),
    SourceGroupOwnerAccount: rule.SourceGroupOwnerAccount,
    SourcePrefixListId: rule.SourcePrefixListId,
    SourcePrefixListName: '',
    DestCidrIp: rule.DestCidrIp,
    Ipv6DestCidrIp: rule.Ipv6DestCidrIp,
    DestGroupId: rule.DestGroupId,
    DestGroupName: nameOf(rule.DestGroupId),
    DestGroupOwnerAccount: rule.DestGroupOwnerAccount,
    DestPrefixListId: rule.DestPrefixListId,
    DestPrefixListName: '',
    PortRangeListId: '',
    PortRangeListName: '',
    Policy: rule.Policy,
    Priority: rule.Priority,
    NicType: rule.NicType,
    Description: rule.Description,
    CreateTime: isoSeconds(rule.createdAt),
  };
}

// DescribeSecurityGroups -----------------------------------------------------------------------------

/** The groups a request names by ID (to avoid scanning the region), and its other filters. */
function readGroupQuery(params: RequestParams): {
  named: readonly string[] | undefined;
  matches: (group: SecurityGroupRecord) => boolean;
} {
  const single = params.string('SecurityGroupId');
  const listed = params.jsonArray('SecurityGroupIds', { max: MAX_SECURITY_GROUP_IDS });
  const listedSet = listed && new Set(listed);
  const name = params.string('SecurityGroupName');
  const vpcId = params.string('VpcId');
  const networkType = params.oneOf('NetworkType', ['vpc', 'classic'] as const);
  const type = params.oneOf('SecurityGroupType', ['normal', 'enterprise'] as const);
  const resourceGroupId = params.string('ResourceGroupId');
  const serviceManaged = params.boolean('ServiceManaged');
  const tags = params.tags();
  const matches = (group: SecurityGroupRecord) =>
    (listedSet === undefined || listedSet.has(group.SecurityGroupId)) &&
    (name === undefined || group.SecurityGroupName === name) &&
    (vpcId === undefined || group.VpcId === vpcId) &&
    (networkType === undefined || (networkType === 'vpc') === (group.VpcId !== '')) &&
    (type === undefined || group.SecurityGroupType === type) &&
    // No group belongs to a named resource group, and none is managed by a cloud service.
    resourceGroupId === undefined &&
    serviceManaged !== true &&
    hasTags(group.tags, tags);
  return { named: single !== undefined ? [single] : listedSet && [...listedSet], matches };
}

/**
 * A region's group IDs in descending order, as S2 lists them. Sorting 10,000 IDs takes about as
 * long as a whole Describe may, so the region keeps the order. Every new group takes a fresh ID
 * from the store's counter and every deletion shrinks the map, so a changed size or counter means
 * the kept order is stale.
 */
function groupIdsDescending(store: Store, region: RegionState): readonly string[] {
  const groups = region.securityGroups;
  const kept = region.securityGroupOrder;
  if (kept && kept.size === groups.size && kept.idCounter === store.idCounter) return kept.ids;
  // The default sort compares UTF-16 code units, which is the order IDs need.
  const ids = [...groups.keys()].sort().reverse();
  region.securityGroupOrder = { size: groups.size, idCounter: store.idCounter, ids };
  return ids;
}

function describeSecurityGroups(context: ActionContext): Record<string, unknown> {
  const { params } = context;
  const region = requireRegion(context);
  const query = readGroupQuery(params);
  stopIfDryRun(params);
  const ordered = query.named ? [...query.named].sort().reverse() : groupIdsDescending(context.store, region);
  const ids: string[] = [];
  for (const id of ordered) {
    const group = region.securityGroups.get(id);
    if (group && query.matches(group)) ids.push(id);
  }
  const page = paginate(ids, params, GROUP_PAGES);
  const members = countMembers(region, page.items);
  return {
    RegionId: region.region.RegionId,
    ...page.fields,
    SecurityGroups: {
      SecurityGroup: page.items.map((id) => renderGroup(region.securityGroups.get(id)!, members.get(id)!)),
    },
  };
}

// DescribeSecurityGroupAttribute ---------------------------------------------------------------------

function describeSecurityGroupAttribute(context: ActionContext): Record<string, unknown> {
  const { params } = context;
  const region = requireRegion(context);
  const group = requireGroup(region, params.requiredString('SecurityGroupId'));
  const direction = params.oneOf('Direction', ['ingress', 'egress', 'all'] as const) ?? 'all';
  const nicType = params.oneOf('NicType', ['internet', 'intranet'] as const, {
    code: 'InvalidNicType.ValueNotSupported',
  });
  const attribute = params.oneOf('Attribute', ['snapshotPolicyIds'] as const);
  const rules = group.rules.filter(
    (rule) =>
      (direction === 'all' || rule.Direction === direction) && (nicType === undefined || rule.NicType === nicType),
  );
  const page = pageByToken(rules, params, RULE_PAGES);
  return {
    RegionId: region.region.RegionId,
    SecurityGroupId: group.SecurityGroupId,
    SecurityGroupName: group.SecurityGroupName,
    Description: group.Description,
    VpcId: group.VpcId,
    InnerAccessPolicy: group.InnerAccessPolicy,
    NextToken: page.fields.NextToken,
    Permissions: { Permission: page.items.map((rule) => renderPermission(rule, region)) },
    // The emulator has no automatic snapshot policies to associate.
    ...(attribute === 'snapshotPolicyIds' ? { SnapshotPolicyIds: { SnapshotPolicyId: [] } } : {}),
  };
}

// CreateSecurityGroup / DeleteSecurityGroup ----------------------------------------------------------

/**
 * The VPC a new group goes into. The emulator models no classic network, so, as in regions where
 * only VPC is available, a group without VpcId is refused (403 InvalidVpcId.NotFound).
 */
function requireVpcId(region: RegionState, vpcId: string | undefined): string {
  if (vpcId === undefined) {
    throw apiError(403, 'InvalidVpcId.NotFound', 'VpcId is mandatory: this region only offers VPC security groups.');
  }
  if (!region.vpcs.some((vpc) => vpc.VpcId === vpcId)) throw notFound('InvalidVpcId.NotFound', 'VpcId', vpcId);
  return vpcId;
}

function readGroupDescription(params: RequestParams): string {
  const rule = { minLength: 2, maxLength: 256, code: 'InvalidDescription.Malformed' };
  const description = params.string('Description', rule) ?? '';
  if (HTTP_PREFIX.test(description)) {
    throw apiError(400, 'InvalidDescription.Malformed', 'The Description cannot start with http:// or https://.');
  }
  return description;
}

function createSecurityGroupAction(context: ActionContext): Record<string, unknown> {
  const { params, store } = context;
  const region = requireRegion(context);
  return idempotent(context, () => {
    const name = params.string('SecurityGroupName', {
      pattern: GROUP_NAME,
      code: 'InvalidSecurityGroupName.Malformed',
    });
    const description = readGroupDescription(params);
    const type = params.oneOf('SecurityGroupType', ['normal', 'enterprise'] as const) ?? 'normal';
    const vpcId = requireVpcId(region, params.string('VpcId'));
    const resourceGroupId = params.string('ResourceGroupId');
    if (resourceGroupId !== undefined) {
      throw notFound('InvalidResourceGroup.NotFound', 'ResourceGroupId', resourceGroupId);
    }
    const tags = readNewTagPairs(params);
    if (tags.length > MAX_TAGS_ON_CREATE) {
      throw apiError(
        400,
        'InvalidTagCount',
        `The specified tags are beyond the permitted range (${MAX_TAGS_ON_CREATE}).`,
      );
    }
    if (region.securityGroups.size >= MAX_GROUPS_PER_REGION) {
      throw apiError(
        403,
        'QuotaExceed.SecurityGroup',
        `A region can hold at most ${MAX_GROUPS_PER_REGION} security groups.`,
      );
    }
    // Like a real new group, it has no rules: basic groups let members talk to each other
    // (InnerAccessPolicy Accept), advanced ones isolate them; outbound traffic is implicitly allowed.
    const group = createSecurityGroup(store, region, {
      SecurityGroupName: name ?? '',
      Description: description,
      SecurityGroupType: type,
      VpcId: vpcId,
      createdAt: context.now,
      tags: Object.fromEntries(tags.map(({ Key, Value }) => [Key, Value])),
    });
    return { SecurityGroupId: group.SecurityGroupId };
  });
}

function deleteSecurityGroupAction(context: ActionContext): Record<string, unknown> {
  const region = requireRegion(context);
  const group = requireGroup(region, context.params.requiredString('SecurityGroupId'));
  const id = group.SecurityGroupId;
  for (const instance of region.instances.values()) {
    if (instance.SecurityGroupIds.includes(id)) {
      throw apiError(403, 'DependencyViolation', `The security group ${id} still has instances in it.`);
    }
  }
  for (const other of region.securityGroups.values()) {
    if (other !== group && other.rules.some((rule) => rule.SourceGroupId === id || rule.DestGroupId === id)) {
      throw apiError(
        403,
        'DependencyViolation',
        `The security group ${id} is referenced by rules of ${other.SecurityGroupId}.`,
      );
    }
  }
  region.securityGroups.delete(id);
  context.store.unindex(id);
  return {};
}

// Rule requests ------------------------------------------------------------------------------------

type Direction = RuleRecord['Direction'];
type Side = 'Source' | 'Dest';
/** A rule's fields as stored, without its identity and time. */
type RuleFields = Omit<RuleRecord, 'SecurityGroupRuleId' | 'Direction' | 'createdAt'>;

/** The side that holds a rule's authorization object: where ingress comes from, where egress goes. */
const PEER_SIDE: Record<Direction, Side> = { ingress: 'Source', egress: 'Dest' };
/** The other side: optional addresses inside the group. */
const LOCAL_SIDE: Record<Direction, Side> = { ingress: 'Dest', egress: 'Source' };
/** Malformed PortRange: documented as InvalidIpPortRange.Malformed for ingress, InvalidParam.PortRange for egress. */
const PORT_RANGE_CODE: Record<Direction, string> = {
  ingress: 'InvalidIpPortRange.Malformed',
  egress: 'InvalidParam.PortRange',
};

/** The rule parameters, flat (legacy) or inside `Permissions.N`. */
const RULE_FIELDS = [
  'IpProtocol',
  'PortRange',
  'SourcePortRange',
  'SourceCidrIp',
  'Ipv6SourceCidrIp',
  'SourceGroupId',
  'SourceGroupOwnerAccount',
  'SourceGroupOwnerId',
  'SourcePrefixListId',
  'DestCidrIp',
  'Ipv6DestCidrIp',
  'DestGroupId',
  'DestGroupOwnerAccount',
  'DestGroupOwnerId',
  'DestPrefixListId',
  'PortRangeListId',
  'Policy',
  'Priority',
  'NicType',
  'Description',
] as const;

/** The fields that make two rules of one direction the same rule (DIGEST §6.4); not Priority or Description. */
const RULE_IDENTITY = [
  'IpProtocol',
  'PortRange',
  'SourcePortRange',
  'NicType',
  'Policy',
  'SourceCidrIp',
  'Ipv6SourceCidrIp',
  'SourceGroupId',
  'SourceGroupOwnerAccount',
  'SourcePrefixListId',
  'DestCidrIp',
  'Ipv6DestCidrIp',
  'DestGroupId',
  'DestGroupOwnerAccount',
  'DestPrefixListId',
] as const satisfies readonly (keyof RuleFields)[];

function ruleKey(rule: RuleFields): string {
  return JSON.stringify(RULE_IDENTITY.map((field) => rule[field]));
}

/** One rule as requested: its non-empty fields and the prefix its parameters are named with. */
interface RuleInput {
  /** `''` for flat parameters, `Permissions.2.` inside the list. */
  readonly label: string;
  readonly fields: Readonly<Record<string, string>>;
}

function flatRuleFields(params: RequestParams): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of RULE_FIELDS) {
    const value = params.string(name);
    if (value !== undefined) fields[name] = value;
  }
  return fields;
}

function nonEmptyFields(fields: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ''));
}

/** The rules of an Authorize/Revoke request; flat fields and `Permissions.N` cannot be mixed. */
function readRuleInputs(params: RequestParams): RuleInput[] {
  const flat = flatRuleFields(params);
  const permissions = params.objectList('Permissions', { max: MAX_PERMISSIONS });
  if (permissions.length === 0) return [{ label: '', fields: flat }];
  if (Object.keys(flat).length > 0) {
    throw apiError(
      400,
      'InvalidParameter',
      'Rule parameters and their Permissions.N counterparts cannot be specified together.',
    );
  }
  return permissions.map((fields, index) => ({ label: `Permissions.${index + 1}.`, fields: nonEmptyFields(fields) }));
}

const PROTOCOLS = ['tcp', 'udp', 'icmp', 'icmpv6', 'gre', 'all'];
const NO_PORTS = '-1/-1';

/** Upper case, as ECS answers it. */
function readProtocol(input: RuleInput): string {
  const value = input.fields.IpProtocol;
  if (value === undefined) throw missingParameter(`${input.label}IpProtocol`);
  if (!PROTOCOLS.includes(value.toLowerCase())) {
    throw apiError(
      400,
      'InvalidIpProtocol.ValueNotSupported',
      `The parameter ${input.label}IpProtocol must be TCP, UDP, ICMP, ICMPv6, GRE or ALL (any case).`,
    );
  }
  return value.toUpperCase();
}

function protocolPortMismatch(): Error {
  return apiError(
    400,
    'OperationDenied',
    'The specified IpProtocol does not exist or IpProtocol and PortRange do not match.',
  );
}

/**
 * A `start/end` port range: 1–65535 with start ≤ end for TCP and UDP, `-1/-1` for the protocols
 * without ports. `required` ranges default to `-1/-1` where ports do not apply.
 */
function readPortRange(
  value: string | undefined,
  protocol: string,
  rule: { name: string; code: string; required: boolean },
) {
  const hasPorts = protocol === 'TCP' || protocol === 'UDP';
  if (value === undefined) {
    if (!rule.required) return '';
    if (hasPorts) throw missingParameter(rule.name);
    return NO_PORTS;
  }
  const match = /^(-?\d+)\/(-?\d+)$/.exec(value);
  if (!match) throw apiError(400, rule.code, `The specified parameter ${rule.name} (${value}) is not valid.`);
  const [start, end] = [Number(match[1]), Number(match[2])];
  const noPorts = start === -1 && end === -1;
  if (!hasPorts) {
    if (noPorts) return NO_PORTS;
    throw protocolPortMismatch();
  }
  if (noPorts) throw protocolPortMismatch();
  if (start < 1 || end > 65535 || start > end) {
    throw apiError(400, rule.code, `The specified parameter ${rule.name} (${value}) is not valid.`);
  }
  return `${start}/${end}`;
}

/** accept (default) or drop, any case; S2's examples send Allow, which means accept. */
function readPolicy(input: RuleInput): 'Accept' | 'Drop' {
  const value = input.fields.Policy?.toLowerCase();
  if (value === undefined || value === 'accept' || value === 'allow') return 'Accept';
  if (value === 'drop') return 'Drop';
  throw apiError(400, 'InvalidPolicy.Malformed', `The specified parameter ${input.label}Policy is not valid.`);
}

/** 1–100, default 1, answered as a string. */
function readPriority(input: RuleInput): string {
  const value = input.fields.Priority;
  if (value === undefined) return '1';
  if (!/^\d+$/.test(value)) {
    throw apiError(400, 'InvalidPriority.Malformed', `The parameter ${input.label}Priority is invalid.`);
  }
  const priority = Number(value);
  if (priority < 1 || priority > 100) {
    throw apiError(400, 'InvalidPriority.ValueNotSupported', `The parameter ${input.label}Priority must be 1 to 100.`);
  }
  return String(priority);
}

/**
 * VPC groups only have intranet rules, whatever is asked. Classic groups default to internet,
 * and their group-to-group rules must be intranet.
 */
function readNicType(input: RuleInput, group: SecurityGroupRecord, peer: Side, peerIsGroup: boolean) {
  const value = input.fields.NicType;
  if (value !== undefined && value !== 'internet' && value !== 'intranet') {
    throw apiError(400, 'InvalidNicType.ValueNotSupported', `The specified ${input.label}NicType does not exist.`);
  }
  if (group.VpcId !== '') return 'intranet';
  const nicType = value ?? 'internet';
  if (peerIsGroup && nicType !== 'intranet') {
    throw apiError(403, `Invalid${peer}GroupId.Mismatch`, 'NicType is required or NicType expects intranet.');
  }
  return nicType;
}

function readRuleDescription(input: RuleInput): string {
  const value = input.fields.Description ?? '';
  if ([...value].length > 512 || HTTP_PREFIX.test(value)) {
    throw apiError(
      400,
      'InvalidSecurityGroupDiscription.Malformed',
      'The specified security group rule description is not valid.',
    );
  }
  return value;
}

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

/** A group a rule references: it must exist in the region and share the group's VPC. */
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
function parseRule(
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

// AuthorizeSecurityGroup / AuthorizeSecurityGroupEgress ----------------------------------------------

/** Adds the rules not already present (a duplicate is a silent success, DIGEST §6.4); all or none. */
function addRules(
  context: ActionContext,
  region: RegionState,
  group: SecurityGroupRecord,
  direction: Direction,
  rules: RuleFields[],
) {
  if (group.SecurityGroupType === 'enterprise' && rules.some(referencesGroup)) {
    throw apiError(
      400,
      'InvalidParameter',
      'Rules of an advanced (enterprise) security group cannot reference security groups.',
    );
  }
  const known = new Set(group.rules.filter((rule) => rule.Direction === direction).map(ruleKey));
  const fresh = rules.filter((rule) => {
    const key = ruleKey(rule);
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
  if (group.rules.length + fresh.length > MAX_RULES_PER_GROUP) {
    throw apiError(
      403,
      'AuthorizationLimitExceed',
      'The limit of authorization records in the security group reaches.',
    );
  }
  const referenced = new Set(
    [...group.rules, ...fresh].filter(referencesGroup).map((rule) => rule.SourceGroupId || rule.DestGroupId),
  );
  if (referenced.size > MAX_REFERENCED_GROUPS && fresh.some(referencesGroup)) {
    throw apiError(
      403,
      'AuthorizationLimitExceed',
      `A security group's rules can reference at most ${MAX_REFERENCED_GROUPS} groups.`,
    );
  }
  for (const rule of fresh)
    createRule(context.store, region, group, { ...rule, Direction: direction, createdAt: context.now });
}

function authorizeAction(direction: Direction): ActionHandler {
  return (context) => {
    const region = requireRegion(context);
    return idempotent(context, () => {
      const group = requireGroup(region, context.params.requiredString('SecurityGroupId'));
      const rules = readRuleInputs(context.params).map((input) => parseRule(input, direction, group, region));
      addRules(context, region, group, direction, rules);
      return {};
    });
  };
}

// RevokeSecurityGroup / RevokeSecurityGroupEgress ----------------------------------------------------

/** By ID every rule must exist (SDK, since 2024-07-08: InvalidParam.SecurityGroupRuleId). */
function revokeById(group: SecurityGroupRecord, direction: Direction, ruleIds: readonly string[]): void {
  const ids = new Set(ruleIds);
  for (const id of ids) {
    if (!group.rules.some((rule) => rule.SecurityGroupRuleId === id && rule.Direction === direction)) {
      throw apiError(
        400,
        'InvalidParam.SecurityGroupRuleId',
        `The specified parameter SecurityGroupRuleId (${id}) is not valid.`,
      );
    }
  }
  group.rules = group.rules.filter((rule) => !ids.has(rule.SecurityGroupRuleId));
}

/** By fields a rule that does not exist is a silent success (D21, SDK). */
function revokeMatching(group: SecurityGroupRecord, direction: Direction, rules: readonly RuleFields[]): void {
  const keys = new Set(rules.map(ruleKey));
  group.rules = group.rules.filter((rule) => rule.Direction !== direction || !keys.has(ruleKey(rule)));
}

function revokeAction(direction: Direction): ActionHandler {
  return (context) => {
    const { params } = context;
    const region = requireRegion(context);
    return idempotent(context, () => {
      const group = requireGroup(region, params.requiredString('SecurityGroupId'));
      const ruleIds = params.repeatList('SecurityGroupRuleId').filter((id) => id !== '');
      if (ruleIds.length === 0) {
        revokeMatching(
          group,
          direction,
          readRuleInputs(params).map((input) => parseRule(input, direction, group, region)),
        );
        return {};
      }
      if (Object.keys(flatRuleFields(params)).length > 0 || params.objectList('Permissions').length > 0) {
        throw apiError(
          400,
          'InvalidParameter',
          'SecurityGroupRuleId.N cannot be specified together with rule fields or Permissions.N.',
        );
      }
      revokeById(group, direction, ruleIds);
      return {};
    });
  };
}

// ModifySecurityGroupRule ----------------------------------------------------------------------------

type AuthorizationKind = 'ipv4' | 'ipv6' | 'group' | 'prefixList';

/** What a rule's source is, in the precedence ECS applies; undefined when none is named. */
function sourceKind(fields: Readonly<Record<string, string>>): AuthorizationKind | undefined {
  if (fields.SourceCidrIp) return 'ipv4';
  if (fields.Ipv6SourceCidrIp) return 'ipv6';
  if (fields.SourceGroupId) return 'group';
  if (fields.SourcePrefixListId) return 'prefixList';
  return undefined;
}

/** An ingress rule as request fields (its non-empty ones), to apply changes over. */
function ruleAsFields(rule: RuleRecord): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of RULE_FIELDS) {
    const value = (rule as unknown as Record<string, unknown>)[name];
    if (typeof value === 'string' && value !== '') fields[name] = value;
  }
  return fields;
}

/**
 * The SDK's edit by SecurityGroupRuleId: any field may change except NicType and the kind of the
 * authorization object; an empty parameter keeps the old value; the result may not duplicate
 * another rule.
 */
function modifyById(
  region: RegionState,
  group: SecurityGroupRecord,
  ruleId: string,
  changes: Record<string, string>,
): void {
  const rule = group.rules.find(
    (candidate) => candidate.SecurityGroupRuleId === ruleId && candidate.Direction === 'ingress',
  );
  if (!rule) throw notFound('SecurityGroupRule.NotFound', 'security group rule', ruleId);
  const current = ruleAsFields(rule);
  if (changes.NicType !== undefined && changes.NicType !== rule.NicType) {
    throw apiError(400, 'InvalidOperation.ModifyNicType', 'NicType is not allowed to modify.');
  }
  const newKind = sourceKind(changes);
  if (newKind !== undefined && newKind !== sourceKind(current)) {
    throw apiError(
      400,
      'InvalidOperation.ModifySgRuleEntityType',
      'The source or destination type of the rules cannot be modified.',
    );
  }
  const updated = parseRule({ label: '', fields: { ...current, ...changes } }, 'ingress', group, region);
  const key = ruleKey(updated);
  if (group.rules.some((other) => other !== rule && other.Direction === 'ingress' && ruleKey(other) === key)) {
    throw apiError(400, 'InvalidOperation.RuleDuplicate', 'The modified rule duplicates an existing rule.');
  }
  Object.assign(rule, updated);
}

/** The D21 form without an ID: the rule is found by its identifying fields, and only Description changes. */
function modifyDescriptionByMatch(
  region: RegionState,
  group: SecurityGroupRecord,
  changes: Record<string, string>,
): void {
  const target = parseRule({ label: '', fields: changes }, 'ingress', group, region);
  const key = ruleKey(target);
  const rule = group.rules.find((candidate) => candidate.Direction === 'ingress' && ruleKey(candidate) === key);
  if (!rule) throw apiError(404, 'SecurityGroupRule.NotFound', 'The target security group rule not exist.');
  if (changes.Description !== undefined) rule.Description = target.Description;
}

function modifySecurityGroupRuleAction(context: ActionContext): Record<string, unknown> {
  const { params } = context;
  const region = requireRegion(context);
  return idempotent(context, () => {
    const group = requireGroup(region, params.requiredString('SecurityGroupId'));
    const changes = flatRuleFields(params);
    const ruleId = params.string('SecurityGroupRuleId');
    if (ruleId === undefined) modifyDescriptionByMatch(region, group, changes);
    else modifyById(region, group, ruleId, changes);
    return {};
  });
}

// JoinSecurityGroup / LeaveSecurityGroup -------------------------------------------------------------

/**
 * The instance and group of a Join/Leave request. RegionId is optional: the instance is found by
 * ID, and the group must be in the instance's region. The emulator models no elastic network
 * interfaces, so NetworkInterfaceId is refused.
 */
function readMembership(
  context: ActionContext,
  action: string,
): { region: RegionState; instance: InstanceRecord; group: SecurityGroupRecord } {
  const { params } = context;
  const groupId = params.requiredString('SecurityGroupId');
  const instanceId = params.string('InstanceId');
  const eniId = params.string('NetworkInterfaceId');
  if (instanceId !== undefined && eniId !== undefined) {
    throw apiError(
      403,
      'InvalidParam.EniIdAndInstanceId.Conflict',
      'InstanceId and NetworkInterfaceId cannot be specified together.',
    );
  }
  if (eniId !== undefined) {
    throw apiError(
      400,
      'InvalidParameter',
      'NetworkInterfaceId is not supported: this emulator models no elastic network interfaces. Use InstanceId.',
    );
  }
  if (instanceId === undefined) throw missingParameter('InstanceId');
  const region = regionOfResource(context, instanceId);
  const namedRegion = params.string('RegionId');
  const instance = region?.instances.get(instanceId);
  if (!region || !instance || (namedRegion !== undefined && namedRegion !== region.region.RegionId)) {
    throw notFound('InvalidInstanceId.NotFound', 'InstanceId', instanceId);
  }
  const group = requireGroup(region, groupId);
  if (instance.Status !== 'Running' && instance.Status !== 'Stopped') {
    throw incorrectStatus('IncorrectInstanceStatus', 'instance', instance.Status, action);
  }
  rejectSecurityLock(instance);
  return { region, instance, group };
}

function joinSecurityGroupAction(context: ActionContext): Record<string, unknown> {
  const { region, instance, group } = readMembership(context, 'JoinSecurityGroup');
  if (instance.SecurityGroupIds.includes(group.SecurityGroupId)) {
    throw apiError(
      403,
      'InvalidInstanceId.AlreadyExists',
      'The specified instance already exists in the specified security group.',
    );
  }
  if (group.VpcId !== instance.VpcId) {
    throw apiError(400, 'InvalidInstanceId.Mismatch', 'Specified instance and security group are not in the same VPC.');
  }
  if (instance.SecurityGroupIds.length >= MAX_GROUPS_PER_INSTANCE) {
    throw apiError(
      403,
      'InstanceSecurityGroupLimitExceeded',
      'Exceeding the allowed amount of security groups that an instance can be in.',
    );
  }
  const otherTypes = instance.SecurityGroupIds.map((id) => region.securityGroups.get(id)?.SecurityGroupType);
  if (otherTypes.some((type) => type !== undefined && type !== group.SecurityGroupType)) {
    throw apiError(
      400,
      'InvalidOperation.MultiGroupType',
      "The specified instance can't join different types of security group.",
    );
  }
  const members = countMembers(region, [group.SecurityGroupId]).get(group.SecurityGroupId)!;
  if (members >= INSTANCE_CAPACITY[group.SecurityGroupType]) {
    throw apiError(
      403,
      'SecurityGroupInstanceLimitExceeded',
      'The maximum number of instances in a security group is exceeded.',
    );
  }
  instance.SecurityGroupIds.push(group.SecurityGroupId);
  return {};
}

/** Leaving a group the instance is not in fails since 2024-07-08 (SDK): InvalidSecurityGroupAssociation.NotFound. */
function leaveSecurityGroupAction(context: ActionContext): Record<string, unknown> {
  const { instance, group } = readMembership(context, 'LeaveSecurityGroup');
  if (!instance.SecurityGroupIds.includes(group.SecurityGroupId)) {
    throw apiError(
      400,
      'InvalidSecurityGroupAssociation.NotFound',
      'The instance is not in the specified security group.',
    );
  }
  if (instance.SecurityGroupIds.length === 1) {
    throw apiError(
      403,
      'InstanceLastSecurityGroup',
      'The specified security group is the last security group for the instance.',
    );
  }
  instance.SecurityGroupIds = instance.SecurityGroupIds.filter((id) => id !== group.SecurityGroupId);
  return {};
}

export const securityGroupHandlers: Readonly<Record<string, ActionHandler>> = {
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeSecurityGroupAttribute: describeSecurityGroupAttribute,
  CreateSecurityGroup: createSecurityGroupAction,
  DeleteSecurityGroup: deleteSecurityGroupAction,
  AuthorizeSecurityGroup: authorizeAction('ingress'),
  AuthorizeSecurityGroupEgress: authorizeAction('egress'),
  RevokeSecurityGroup: revokeAction('ingress'),
  RevokeSecurityGroupEgress: revokeAction('egress'),
  ModifySecurityGroupRule: modifySecurityGroupRuleAction,
  JoinSecurityGroup: joinSecurityGroupAction,
  LeaveSecurityGroup: leaveSecurityGroupAction,
};
