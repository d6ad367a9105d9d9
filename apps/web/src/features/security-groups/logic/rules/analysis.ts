import { ADMIN_PORTS } from './admin-ports';
import { coveringRules } from './coverage';
import { peerText, inEvaluationOrder } from './order';
import { cidrsOfRange, isWorld, parseCidr, type ParsedCidr } from './peers';
import { formatPorts, joinPortSpans, portInterval, portSpanContains } from './ports';
import { protocolHasPorts } from './protocol';
import type { Finding, PortSpan, Rule } from './types';

/**
 * Findings about a set of rules: one group's, or an instance's effective rules (all its groups').
 * Rules are considered in evaluation order, each direction on its own.
 * - duplicate: same direction, policy, priority, protocol, ports and peer as a rule evaluated
 *   before it (reported instead of shadowed, which a duplicate also is).
 * - shadowed / overriddenByDeny: the rules before it take all of its traffic (coverage.ts), so it
 *   never decides; overriddenByDeny when it is an accept and a drop is among those rules.
 * - worldOpen: an ingress accept from 0.0.0.0/0 or ::/0 whose protocol (tcp, udp or all) and ports
 *   include ADMIN_PORTS; high when an administration or database port is among them.
 * - mergeable: among the rules that do decide, several that one rule would replace: same direction,
 *   policy, priority, protocol and peer with overlapping or adjacent port ranges; or same everything
 *   but CIDRs whose union is one CIDR block.
 */
export function analyseRules(rules: readonly Rule[]): Finding[] {
  const ordered = inEvaluationOrder(rules);
  const findings: Finding[] = [];
  const redundant = new Set<Rule>();
  const firstByIdentity = new Map<string, Rule>();
  ordered.forEach((rule, index) => {
    const identity = ruleIdentity(rule);
    const twin = firstByIdentity.get(identity);
    if (twin) {
      findings.push({ kind: 'duplicate', rule, of: twin });
      redundant.add(rule);
      return;
    }
    firstByIdentity.set(identity, rule);
    const by = coveringRules(rule, ordered.slice(0, index));
    if (!by) return;
    redundant.add(rule);
    const overridden = rule.policy === 'accept' && by.some((earlier) => earlier.policy === 'drop');
    findings.push({ kind: overridden ? 'overriddenByDeny' : 'shadowed', rule, by });
  });
  for (const rule of ordered) {
    const finding = worldOpenFinding(rule);
    if (finding) findings.push(finding);
  }
  const deciding = ordered.filter((rule) => !redundant.has(rule));
  findings.push(...mergeablePortRanges(deciding), ...mergeableCidrs(deciding));
  return findings;
}

/** The findings that concern each rule, by rule ID (a mergeable finding appears under each of its rules). */
export function findingsByRuleId(findings: readonly Finding[]): Map<string, Finding[]> {
  const byRuleId = new Map<string, Finding[]>();
  for (const finding of findings) {
    const subjects = finding.kind === 'mergeable' ? finding.rules : [finding.rule];
    for (const subject of subjects) {
      const list = byRuleId.get(subject.ruleId) ?? [];
      list.push(finding);
      byRuleId.set(subject.ruleId, list);
    }
  }
  return byRuleId;
}

function peerIdentity(rule: Rule): string {
  return `${rule.peer.kind}:${peerText(rule.peer)}`;
}

function ruleIdentity(rule: Rule): string {
  return [rule.direction, rule.policy, rule.priority, rule.protocol, formatPorts(rule.ports), peerIdentity(rule)].join(
    '|',
  );
}

function worldOpenFinding(rule: Rule): Finding | undefined {
  if (rule.direction !== 'ingress' || rule.policy !== 'accept' || !isWorld(rule.peer)) return undefined;
  if (rule.protocol !== 'all' && !protocolHasPorts(rule.protocol)) return undefined;
  const exposed = ADMIN_PORTS.filter((admin) => rule.protocol === 'all' || portSpanContains(rule.ports, admin.port));
  if (exposed.length === 0) return undefined;
  const severity = exposed.some((admin) => admin.category !== 'fileSharing') ? 'high' : 'medium';
  return { kind: 'worldOpen', severity, rule, ports: exposed.map(({ port, service }) => ({ port, service })) };
}

function groupBy(rules: readonly Rule[], keyOf: (rule: Rule) => string | undefined): Rule[][] {
  const groups = new Map<string, Rule[]>();
  for (const rule of rules) {
    const key = keyOf(rule);
    if (key === undefined) continue;
    const list = groups.get(key) ?? [];
    list.push(rule);
    groups.set(key, list);
  }
  return [...groups.values()].filter((list) => list.length > 1);
}

/** Rules alike but for tcp/udp port ranges that overlap or touch, chained (22-80, 81-90, 85-100). */
function mergeablePortRanges(rules: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  const alike = groupBy(rules, (rule) =>
    protocolHasPorts(rule.protocol)
      ? [rule.direction, rule.policy, rule.priority, rule.protocol, peerIdentity(rule)].join('|')
      : undefined,
  );
  for (const group of alike) {
    const byStart = [...group].sort((a, b) => portInterval(a.ports).from - portInterval(b.ports).from);
    let component: Rule[] = [];
    let span: PortSpan | undefined;
    const flush = (): void => {
      if (component.length > 1 && span) findings.push({ kind: 'mergeable', rules: component, merged: { ports: span } });
    };
    for (const rule of byStart) {
      const joined = span && joinPortSpans(span, rule.ports);
      if (joined) {
        component.push(rule);
        span = joined;
      } else {
        flush();
        component = [rule];
        span = rule.ports;
      }
    }
    flush();
  }
  return findings;
}

/** Rules alike but for CIDRs that aggregate into one block (10.0.0.0/25 + 10.0.0.128/25 = 10.0.0.0/24). */
function mergeableCidrs(rules: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  const blockOf = new Map<Rule, ParsedCidr>();
  for (const rule of rules) {
    const block = rule.peer.kind === 'cidr' ? parseCidr(rule.peer.cidr) : undefined;
    if (block) blockOf.set(rule, block);
  }
  const alike = groupBy([...blockOf.keys()], (rule) =>
    [
      rule.direction,
      rule.policy,
      rule.priority,
      rule.protocol,
      formatPorts(rule.ports),
      rule.peer.kind === 'cidr' ? rule.peer.family : '',
    ].join('|'),
  );
  for (const group of alike) {
    const blocks = group.map((rule) => ({ rule, block: blockOf.get(rule)! }));
    blocks.sort((a, b) => (a.block.first < b.block.first ? -1 : a.block.first > b.block.first ? 1 : 0));
    // Union of the blocks as maximal intervals, each split into the fewest aligned CIDR blocks; every
    // rule's block lies inside one of those, and a block holding several rules is a merge.
    const aggregates: ParsedCidr[] = [];
    let first = blocks[0]!.block.first;
    let last = blocks[0]!.block.last;
    const family = blocks[0]!.block.family;
    for (const { block } of blocks.slice(1)) {
      if (block.first <= last + 1n) {
        if (block.last > last) last = block.last;
      } else {
        aggregates.push(...cidrsOfRange(first, last, family));
        first = block.first;
        last = block.last;
      }
    }
    aggregates.push(...cidrsOfRange(first, last, family));
    for (const aggregate of aggregates) {
      const inside = blocks
        .filter(({ block }) => block.first >= aggregate.first && block.last <= aggregate.last)
        .map(({ rule }) => rule);
      if (inside.length > 1) findings.push({ kind: 'mergeable', rules: inside, merged: { cidr: aggregate.cidr } });
    }
  }
  return findings;
}
