import { apiError } from '../../protocol/errors.js';
import { createRule } from '../../store/factories.js';
import type { RegionState, SecurityGroupRecord } from '../../store/types.js';
import { requireRegion, type ActionContext, type ActionHandler } from '../kit/context.js';
import { idempotent } from '../kit/idempotency.js';
import { MAX_REFERENCED_GROUPS, MAX_RULES_PER_GROUP } from './limits.js';
import { referencesGroup, requireGroup } from './lookup.js';
import { type Direction, type RuleFields, readRuleInputs, ruleKey } from './rule-fields.js';
import { parseRule } from './rule-peers.js';

// AuthorizeSecurityGroup / AuthorizeSecurityGroupEgress ----------------------------------------------

/** Adds the rules not already present (a duplicate is a silent success, DIGEST §6.4); all or none. */
function addRules(
  context: ActionContext,
  region: RegionState,
  group: SecurityGroupRecord,
  direction: Direction,
  rules: RuleFields[],
) {
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

export function authorizeAction(direction: Direction): ActionHandler {
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
