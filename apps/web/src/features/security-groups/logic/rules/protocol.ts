import type { RuleProtocol } from './types';

/** IANA numbers of the protocols ECS names (ECS accepts the numbers in some regions). */
const NAMED_PROTOCOL_NUMBERS: Readonly<Record<string, RuleProtocol>> = {
  '1': 'icmp',
  '6': 'tcp',
  '17': 'udp',
  '47': 'gre',
  '58': 'icmpv6',
};

/** ECS's `IpProtocol` (answers are upper case: `TCP`, `ICMPv6`, `ALL`) as a RuleProtocol. */
export function normaliseProtocol(ipProtocol: string): RuleProtocol {
  const lower = ipProtocol.trim().toLowerCase();
  if (lower === '-1') return 'all';
  return NAMED_PROTOCOL_NUMBERS[lower] ?? lower;
}

/** Whether rules of this protocol carry a destination port range (the others use `-1/-1`). */
export function protocolHasPorts(protocol: RuleProtocol): boolean {
  return protocol === 'tcp' || protocol === 'udp';
}

/** Whether a rule of protocol `ruleProtocol` applies to traffic of `trafficProtocol`: `all` covers every protocol. */
export function protocolMatches(ruleProtocol: RuleProtocol, trafficProtocol: RuleProtocol): boolean {
  return ruleProtocol === 'all' || ruleProtocol === trafficProtocol;
}
