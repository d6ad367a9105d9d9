import { apiError, notFound } from '../../protocol/errors.js';
import type { RegionState, RuleRecord, SecurityGroupRecord } from '../../store/types.js';
import { requireRegion, type ActionContext, type ActionHandler } from '../kit/context.js';
import { idempotent } from '../kit/idempotency.js';
import type { RequestParams } from '../kit/params.js';
import { requireGroup } from './lookup.js';
import { type Direction, PEER_SIDE, RULE_FIELDS, flatRuleFields, ruleKey } from './rule-fields.js';
import { parseRule } from './rule-peers.js';

// ModifySecurityGroupRule (ingress) / ModifySecurityGroupEgressRule (egress) -------------------------

type AuthorizationKind = 'ipv4' | 'ipv6' | 'group' | 'prefixList';

/** What a rule's authorization object is, in the precedence ECS applies; undefined when none is named. */
function peerKind(fields: Readonly<Record<string, string>>, direction: Direction): AuthorizationKind | undefined {
  const side = PEER_SIDE[direction];
  if (fields[`${side}CidrIp`]) return 'ipv4';
  if (fields[`Ipv6${side}CidrIp`]) return 'ipv6';
  if (fields[`${side}GroupId`]) return 'group';
  if (fields[`${side}PrefixListId`]) return 'prefixList';
  return undefined;
}

/** A rule as request fields (its non-empty ones), to apply changes over. */
function ruleAsFields(rule: RuleRecord): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of RULE_FIELDS) {
    const value = (rule as unknown as Record<string, unknown>)[name];
    if (typeof value === 'string' && value !== '') fields[name] = value;
  }
  return fields;
}

/**
 * SDK: "you cannot change a field from a non-empty value to an empty value" (add a new rule and
 * delete the old one instead). ECS documents no code of its own for it; the emulator answers the
 * action's generic InvalidParam.InvalidModifyRuleRequest rather than silently keeping the value, so
 * a console that sends an empty field learns that the field was not cleared.
 */
function rejectClearing(params: RequestParams, current: Readonly<Record<string, string>>): void {
  for (const name of RULE_FIELDS) {
    if (params.raw[name] === '' && current[name] !== undefined) {
      throw apiError(
        400,
        'InvalidParam.InvalidModifyRuleRequest',
        `The request parameters are illegal: ${name} (${current[name]}) cannot be cleared. Add a new rule and revoke this one instead.`,
      );
    }
  }
}

/**
 * The SDK's edit by SecurityGroupRuleId: any field may change except NicType and the kind of the
 * authorization object; an absent parameter keeps the old value; the result may not duplicate
 * another rule of the direction. The rule keeps its ID and creation time.
 */
function modifyById(
  params: RequestParams,
  region: RegionState,
  group: SecurityGroupRecord,
  direction: Direction,
  ruleId: string,
): void {
  const rule = group.rules.find(
    (candidate) => candidate.SecurityGroupRuleId === ruleId && candidate.Direction === direction,
  );
  if (!rule) throw notFound('SecurityGroupRule.NotFound', 'security group rule', ruleId);
  const changes = flatRuleFields(params);
  const current = ruleAsFields(rule);
  if (changes.NicType !== undefined && changes.NicType !== rule.NicType) {
    throw apiError(400, 'InvalidOperation.ModifyNicType', 'NicType is not allowed to modify.');
  }
  const newKind = peerKind(changes, direction);
  if (newKind !== undefined && newKind !== peerKind(current, direction)) {
    throw apiError(
      400,
      'InvalidOperation.ModifySgRuleEntityType',
      `The source or destination type of the rules cannot be modified: the rule's authorization object is ${peerKind(current, direction)}, not ${newKind}.`,
    );
  }
  rejectClearing(params, current);
  const updated = parseRule({ label: '', fields: { ...current, ...changes } }, direction, group, region);
  const key = ruleKey(updated);
  const twin = group.rules.find((other) => other !== rule && other.Direction === direction && ruleKey(other) === key);
  if (twin) {
    throw apiError(
      400,
      'InvalidOperation.RuleDuplicate',
      `The rule being modified would duplicate the existing rule ${twin.SecurityGroupRuleId}.`,
    );
  }
  Object.assign(rule, updated);
}

/** The D21 form without an ID: the rule is found by its identifying fields, and only Description changes. */
function modifyDescriptionByMatch(
  params: RequestParams,
  region: RegionState,
  group: SecurityGroupRecord,
  direction: Direction,
): void {
  const changes = flatRuleFields(params);
  const target = parseRule({ label: '', fields: changes }, direction, group, region);
  const key = ruleKey(target);
  const rule = group.rules.find((candidate) => candidate.Direction === direction && ruleKey(candidate) === key);
  if (!rule) throw apiError(404, 'SecurityGroupRule.NotFound', 'The target security group rule not exist.');
  if (changes.Description !== undefined) rule.Description = target.Description;
}

export function modifyRuleAction(direction: Direction): ActionHandler {
  return (context: ActionContext) => {
    const { params } = context;
    const region = requireRegion(context);
    return idempotent(context, () => {
      const group = requireGroup(region, params.requiredString('SecurityGroupId'));
      const ruleId = params.string('SecurityGroupRuleId');
      if (ruleId === undefined) modifyDescriptionByMatch(params, region, group, direction);
      else modifyById(params, region, group, direction, ruleId);
      return {};
    });
  };
}
