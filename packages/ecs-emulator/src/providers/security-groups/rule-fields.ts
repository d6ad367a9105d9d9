import { apiError } from '../../protocol/errors.js';
import type { RuleRecord } from '../../store/types.js';
import type { RequestParams } from '../kit/params.js';
import { MAX_PERMISSIONS } from './limits.js';

// Rule requests ------------------------------------------------------------------------------------

export type Direction = RuleRecord['Direction'];
export type Side = 'Source' | 'Dest';
/** A rule's fields as stored, without its identity and time. */
export type RuleFields = Omit<RuleRecord, 'SecurityGroupRuleId' | 'Direction' | 'createdAt'>;

/** The side that holds a rule's authorization object: where ingress comes from, where egress goes. */
export const PEER_SIDE: Record<Direction, Side> = { ingress: 'Source', egress: 'Dest' };
/** The other side: optional addresses inside the group. */
export const LOCAL_SIDE: Record<Direction, Side> = { ingress: 'Dest', egress: 'Source' };
/** Malformed PortRange: documented as InvalidIpPortRange.Malformed for ingress, InvalidParam.PortRange for egress. */
export const PORT_RANGE_CODE: Record<Direction, string> = {
  ingress: 'InvalidIpPortRange.Malformed',
  egress: 'InvalidParam.PortRange',
};

/** The rule parameters, flat (legacy) or inside `Permissions.N`. */
export const RULE_FIELDS = [
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

export function ruleKey(rule: RuleFields): string {
  return JSON.stringify(RULE_IDENTITY.map((field) => rule[field]));
}

/** One rule as requested: its non-empty fields and the prefix its parameters are named with. */
export interface RuleInput {
  /** `''` for flat parameters, `Permissions.2.` inside the list. */
  readonly label: string;
  readonly fields: Readonly<Record<string, string>>;
}

export function flatRuleFields(params: RequestParams): Record<string, string> {
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
export function readRuleInputs(params: RequestParams): RuleInput[] {
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
