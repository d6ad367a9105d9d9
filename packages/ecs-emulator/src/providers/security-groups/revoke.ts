import { apiError } from '../../protocol/errors.js';
import type { SecurityGroupRecord } from '../../store/types.js';
import { requireRegion, type ActionHandler } from '../kit/context.js';
import { idempotent } from '../kit/idempotency.js';
import { requireGroup } from './lookup.js';
import { type Direction, type RuleFields, flatRuleFields, readRuleInputs, ruleKey } from './rule-fields.js';
import { parseRule } from './rule-peers.js';

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

export function revokeAction(direction: Direction): ActionHandler {
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
