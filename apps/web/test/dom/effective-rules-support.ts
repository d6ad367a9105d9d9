import type { Permission } from '@ecs-console/ecs-client';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import { makePermission } from '../fixtures';

export const REGION = 'cn-hangzhou';
export const SECURITY_GROUPS_PATH = `GET /api/regions/${REGION}/security-groups`;

let ruleSequence = 0;

/** An inbound TCP 22 rule from anywhere, accepted at priority 1, with an ID of its own. */
export function makeRule(overrides: Partial<Permission> = {}): Permission {
  ruleSequence += 1;
  return makePermission({ SecurityGroupRuleId: `sgr-test${String(ruleSequence).padStart(4, '0')}`, ...overrides });
}

/** An outbound rule to anywhere (the destination fields set, the source ones empty). */
export function makeEgressRule(overrides: Partial<Permission> = {}): Permission {
  return makeRule({ Direction: 'egress', SourceCidrIp: '', DestCidrIp: '0.0.0.0/0', ...overrides });
}

/** The BFF's answer listing the region's groups. */
export function groupListAnswer(groups: readonly SecurityGroupSummary[]) {
  return {
    regionId: REGION,
    totalCount: groups.length,
    pages: 1,
    fetchedAt: '2026-11-30T10:00:00.000Z',
    version: 'v1',
    securityGroups: groups,
  };
}
