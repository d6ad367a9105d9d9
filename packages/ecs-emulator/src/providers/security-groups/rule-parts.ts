import { apiError, missingParameter } from '../../protocol/errors.js';
import type { SecurityGroupRecord } from '../../store/types.js';
import { HTTP_PREFIX } from './limits.js';
import type { RuleInput, Side } from './rule-fields.js';

const PROTOCOLS = ['tcp', 'udp', 'icmp', 'icmpv6', 'gre', 'all'];
const NO_PORTS = '-1/-1';

/** Upper case, as ECS answers it. */
export function readProtocol(input: RuleInput): string {
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
export function readPortRange(
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
export function readPolicy(input: RuleInput): 'Accept' | 'Drop' {
  const value = input.fields.Policy?.toLowerCase();
  if (value === undefined || value === 'accept' || value === 'allow') return 'Accept';
  if (value === 'drop') return 'Drop';
  throw apiError(400, 'InvalidPolicy.Malformed', `The specified parameter ${input.label}Policy is not valid.`);
}

/** 1–100, default 1, answered as a string. */
export function readPriority(input: RuleInput): string {
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
export function readNicType(input: RuleInput, group: SecurityGroupRecord, peer: Side, peerIsGroup: boolean) {
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

export function readRuleDescription(input: RuleInput): string {
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
