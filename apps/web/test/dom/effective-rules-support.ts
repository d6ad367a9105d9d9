import type { Permission } from '@ecs-console/ecs-client';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import { makeEgressPermission, makePermission } from '../fixtures';
import { listAnswer } from './group-detail-support';

export { REGION, GROUPS_PATH as SECURITY_GROUPS_PATH } from './group-detail-support';

let ruleSequence = 0;
const nextRuleId = () => `sgr-test${String(++ruleSequence).padStart(4, '0')}`;

/** An inbound TCP 22 rule from anywhere, accepted at priority 1, with an ID of its own. */
export function makeRule(overrides: Partial<Permission> = {}): Permission {
  return makePermission({ SecurityGroupRuleId: nextRuleId(), ...overrides });
}

/** An outbound rule to anywhere, with an ID of its own. */
export function makeEgressRule(overrides: Partial<Permission> = {}): Permission {
  return makeEgressPermission({ SecurityGroupRuleId: nextRuleId(), ...overrides });
}

/** The BFF's answer listing the region's groups. */
export const groupListAnswer = (groups: readonly SecurityGroupSummary[]) => listAnswer('securityGroups', groups);
