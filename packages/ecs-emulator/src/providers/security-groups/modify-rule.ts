import { apiError, notFound } from '../../protocol/errors.js';
import type { RegionState, RuleRecord, SecurityGroupRecord } from '../../store/types.js';
import { requireRegion, type ActionContext } from '../kit/context.js';
import { idempotent } from '../kit/idempotency.js';
import { requireGroup } from './lookup.js';
import { RULE_FIELDS, flatRuleFields, ruleKey } from './rule-fields.js';
import { parseRule } from './rule-peers.js';

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

export function modifySecurityGroupRuleAction(context: ActionContext): Record<string, unknown> {
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
