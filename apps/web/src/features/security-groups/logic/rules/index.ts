/**
 * The security-group rules engine: one pure module (no React, no fetch) behind the rule analysis,
 * the access check and an instance's effective rules.
 *
 * Evaluation semantics, as implemented:
 * - Rules of all the groups of an instance are merged and evaluated in one order: lower priority
 *   number first (1–100); at equal priority a drop before an accept ("When multiple security group
 *   rules have the same priority, drop rules take precedence": Alibaba Cloud, AuthorizeSecurityGroup
 *   API reference). The first matching rule decides. Further ties are broken by rule ID so the order
 *   is total (order.ts).
 * - A rule matches traffic of its direction; protocol `all` matches every protocol; tcp/udp rules
 *   match the ports of their range, other protocols (icmp, gre, all: `-1/-1`) every port; a CIDR peer
 *   matches the addresses it contains, IPv4 and IPv6 never matching each other; a group peer matches
 *   traffic from (ingress) or to (egress) that group's members. Addresses are parsed with ipaddr.js.
 * - What the console cannot resolve never matches, and the answer says so (`unresolvedRules`):
 *   prefix lists; group peers when the question names an address; CIDR peers when it names a group
 *   (the console does not know the members' addresses). NicType and source ports are not modelled.
 * - Intra-group policy: traffic between members of one basic group whose InnerAccessPolicy is Accept
 *   is allowed whatever the rules say ("the Accept internal access control policy takes precedence
 *   over user-created security group rules": Alibaba Cloud, ModifySecurityGroupPolicy API
 *   reference); so one Accept group among the instance's groups suffices, as in "Network isolation
 *   within a basic security group" (isolation has the lowest priority). With Drop, and in advanced
 *   groups (always isolated, "Basic and advanced security groups"), the rules decide, then the default.
 * - When no rule matches, the implicit default rules apply: inbound traffic is denied; outbound
 *   traffic is allowed from basic groups and denied from advanced (enterprise) groups ("Security
 *   group rules" and "Basic and advanced security groups", Alibaba Cloud ECS user guide). ECS does not
 *   let one instance join both kinds ("Basic and advanced security groups"); should a mixed set arrive,
 *   outbound is allowed by default only when every group is basic, and with no groups at all nothing
 *   is allowed.
 * - The check answers for the target's groups only: an outbound answer says whether this instance
 *   lets the traffic out, not whether the other end lets it in.
 *
 * Analysis (analysis.ts, coverage.ts) uses the same matching, so a rule reported as shadowed,
 * duplicate or overridden never changes an access answer if removed (a property test checks this).
 */
export type {
  AccessAnswer,
  AccessPeer,
  AccessQuery,
  Direction,
  Finding,
  PortSpan,
  Rule,
  RulePeer,
  RulePolicy,
  RuleProtocol,
} from './types';
export { ADMIN_PORTS, type AdminPort } from './admin-ports';
export { checkAccess, matchRule, normaliseQuery, ruleMatches, type NormalisedQuery, type RuleMatch } from './access';
export { analyseRules, findingsByRuleId } from './analysis';
export { coveringRules } from './coverage';
export { ruleOf, rulesOf } from './model';
export { compareEvaluationOrder, effectiveRules, inEvaluationOrder } from './order';
export {
  cidrContains,
  cidrsOfRange,
  isWorld,
  parseAddress,
  parseCidr,
  type ParsedAddress,
  type ParsedCidr,
} from './peers';
export { formatPorts, parsePortRange, portSpanContains, portSpanOf, toEcsPortRange, MAX_PORT, MIN_PORT } from './ports';
export { normaliseProtocol, protocolHasPorts, protocolMatches } from './protocol';
