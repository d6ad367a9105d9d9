import type { SecurityGroupSummary } from '@ecs-console/contract';
import { rulesOf } from './model';
import { formatPorts } from './ports';
import type { Direction, Rule, RulePeer } from './types';

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function peerText(peer: RulePeer): string {
  switch (peer.kind) {
    case 'cidr':
      return peer.cidr;
    case 'group':
      return peer.groupId;
    case 'prefixList':
      return peer.prefixListId;
  }
}

/**
 * ECS's evaluation order: lower priority number first; at equal priority a drop before an accept.
 * Rules tied on both decide alike (same policy), so which of them is named as deciding is a matter
 * of presentation; the tie is broken by rule ID, then group ID, then the rule's content, which makes
 * the order total and independent of the order rules arrive in.
 */
export function compareEvaluationOrder(a: Rule, b: Rule): number {
  return (
    a.priority - b.priority ||
    (a.policy === b.policy ? 0 : a.policy === 'drop' ? -1 : 1) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.groupId, b.groupId) ||
    compareText(a.direction, b.direction) ||
    compareText(a.protocol, b.protocol) ||
    compareText(formatPorts(a.ports), formatPorts(b.ports)) ||
    compareText(`${a.peer.kind}:${peerText(a.peer)}`, `${b.peer.kind}:${peerText(b.peer)}`)
  );
}

/** A sorted copy (the input is left alone). */
export function inEvaluationOrder(rules: readonly Rule[]): Rule[] {
  return [...rules].sort(compareEvaluationOrder);
}

/**
 * An instance's rules for one direction: the rules of all its groups merged (a group listed twice
 * counts once) in evaluation order, each still naming its group.
 */
export function effectiveRules(groups: readonly SecurityGroupSummary[], direction: Direction): Rule[] {
  return inEvaluationOrder(
    uniqueGroups(groups).flatMap((group) => rulesOf(group).filter((rule) => rule.direction === direction)),
  );
}

export function uniqueGroups(groups: readonly SecurityGroupSummary[]): SecurityGroupSummary[] {
  const byId = new Map<string, SecurityGroupSummary>();
  for (const group of groups) if (!byId.has(group.SecurityGroupId)) byId.set(group.SecurityGroupId, group);
  return [...byId.values()];
}
