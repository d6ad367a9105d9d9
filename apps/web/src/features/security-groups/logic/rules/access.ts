import type { SecurityGroupSummary } from '@ecs-console/contract';
import { effectiveRules, uniqueGroups } from './order';
import { cidrContains, parseAddress, parseCidr, type ParsedAddress } from './peers';
import { MAX_PORT, MIN_PORT, portSpanContains } from './ports';
import { normaliseProtocol, protocolHasPorts, protocolMatches } from './protocol';
import type { AccessAnswer, AccessQuery, Rule } from './types';

/** How a rule relates to a query: it matches, it does not, or its peer cannot be resolved against it. */
export type RuleMatch = 'match' | 'noMatch' | 'unresolved';

/** A query with its protocol normalised and its address parsed (see `normaliseQuery`). */
export interface NormalisedQuery extends AccessQuery {
  readonly address?: ParsedAddress;
}

/**
 * Checks and normalises a query. Throws a RangeError for what is not a question: a tcp/udp query
 * without a port in 1–65535, or an address that is not an IPv4/IPv6 address.
 */
export function normaliseQuery(query: AccessQuery): NormalisedQuery {
  const protocol = normaliseProtocol(query.protocol);
  if (protocolHasPorts(protocol)) {
    const { port } = query;
    if (port === undefined || !Number.isInteger(port) || port < MIN_PORT || port > MAX_PORT) {
      throw new RangeError(`A ${protocol} access check needs a port from ${MIN_PORT} to ${MAX_PORT}.`);
    }
  }
  if (query.peer.kind === 'group') return { ...query, protocol };
  const address = parseAddress(query.peer.address);
  if (!address) throw new RangeError(`"${query.peer.address}" is not an IPv4 or IPv6 address.`);
  return { ...query, protocol, address };
}

/** Whether `rule` applies to the query's traffic (see the module header for the semantics). */
export function matchRule(rule: Rule, query: NormalisedQuery): RuleMatch {
  if (rule.direction !== query.direction || !protocolMatches(rule.protocol, query.protocol)) return 'noMatch';
  if (protocolHasPorts(rule.protocol) && !portSpanContains(rule.ports, query.port ?? Number.NaN)) return 'noMatch';
  const { peer } = rule;
  switch (peer.kind) {
    case 'prefixList':
      return 'unresolved';
    case 'group':
      if (query.peer.kind === 'address') return 'unresolved';
      return peer.groupId === query.peer.groupId ? 'match' : 'noMatch';
    case 'cidr': {
      if (!query.address) return 'unresolved';
      const block = parseCidr(peer.cidr);
      return block && cidrContains(block, query.address) ? 'match' : 'noMatch';
    }
  }
}

/** Whether a rule matches a query (unresolved peers do not). Throws like `normaliseQuery`. */
export function ruleMatches(rule: Rule, query: AccessQuery): boolean {
  return matchRule(rule, normaliseQuery(query)) === 'match';
}

/** A member of one of the target's basic groups whose intra-group policy is Accept. */
function acceptsIntraGroup(groups: readonly SecurityGroupSummary[], query: AccessQuery): boolean {
  const { peer } = query;
  if (peer.kind !== 'group') return false;
  return groups.some(
    (group) =>
      group.SecurityGroupId === peer.groupId &&
      group.SecurityGroupType !== 'enterprise' &&
      group.InnerAccessPolicy === 'Accept',
  );
}

/**
 * Whether traffic described by `query` reaches (ingress) or leaves (egress) an instance in
 * `targetGroups`, and why. Evaluation as in the module header: the intra-group Accept policy first,
 * then the first matching rule of all groups in evaluation order, then the implicit default.
 */
export function checkAccess(query: AccessQuery, targetGroups: readonly SecurityGroupSummary[]): AccessAnswer {
  const normalised = normaliseQuery(query);
  const groups = uniqueGroups(targetGroups);
  const matchingRules: Rule[] = [];
  const unresolvedRules: Rule[] = [];
  for (const rule of effectiveRules(groups, normalised.direction)) {
    const match = matchRule(rule, normalised);
    if (match === 'match') matchingRules.push(rule);
    else if (match === 'unresolved') unresolvedRules.push(rule);
  }
  if (acceptsIntraGroup(groups, normalised)) {
    return { allowed: true, basis: 'intraGroup', matchingRules, unresolvedRules };
  }
  const [decidingRule] = matchingRules;
  if (decidingRule) {
    return { allowed: decidingRule.policy === 'accept', basis: 'rule', decidingRule, matchingRules, unresolvedRules };
  }
  return defaultAnswer(
    normalised.direction === 'egress' && allowsEgressByDefault(groups),
    matchingRules,
    unresolvedRules,
  );
}

/** Basic groups let outbound traffic through when no rule decides; advanced groups do not. */
function allowsEgressByDefault(groups: readonly SecurityGroupSummary[]): boolean {
  return groups.length > 0 && groups.every((group) => group.SecurityGroupType !== 'enterprise');
}

function defaultAnswer(allowed: boolean, matchingRules: Rule[], unresolvedRules: Rule[]): AccessAnswer {
  return { allowed, basis: allowed ? 'defaultAllow' : 'defaultDeny', matchingRules, unresolvedRules };
}
