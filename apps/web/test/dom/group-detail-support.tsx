import type { InstanceSummary, SecurityGroupSummary } from '@ecs-console/contract';
import type { Permission } from '@ecs-console/ecs-client';
import { configure } from '@testing-library/react';
import { makeEgressPermission, makeInstance, makePermission, makeSecurityGroup } from '../fixtures';
import type { SentRequest } from './fetch-stub';

// Cloudscape tables and modals take a while to render on a busy machine; waits end as soon as their condition holds.
configure({ asyncUtilTimeout: 10_000 });

export const REGION = 'cn-hangzhou';
export const GROUPS_PATH = `GET /api/regions/${REGION}/security-groups`;
export const INSTANCES_PATH = `GET /api/regions/${REGION}/instances`;

/** A rule with its ID: inbound TCP 22 from anywhere, or with `Direction: 'egress'` outbound to anywhere. */
export function permission(ruleId: string, overrides: Partial<Permission> = {}): Permission {
  const make = overrides.Direction === 'egress' ? makeEgressPermission : makePermission;
  return make({ SecurityGroupRuleId: ruleId, ...overrides });
}

/** A basic VPC group whose members reach each other, named after its ID. */
export function securityGroup(groupId: string, overrides: Partial<SecurityGroupSummary> = {}): SecurityGroupSummary {
  return makeSecurityGroup({ SecurityGroupId: groupId, SecurityGroupName: groupId.replace(/^sg-/, ''), ...overrides });
}

/** An instance of the VPC in the given groups. */
export function member(
  instanceId: string,
  groupIds: readonly string[],
  overrides: Partial<InstanceSummary> = {},
): InstanceSummary {
  return makeInstance({
    InstanceId: instanceId,
    InstanceName: instanceId.replace(/^i-/, ''),
    SecurityGroupIds: { SecurityGroupId: groupIds },
    ...overrides,
  });
}

/** The BFF's answer listing a region's `key` (securityGroups, instances). */
export function listAnswer<K extends string, T>(key: K, items: readonly T[]) {
  return {
    regionId: REGION,
    totalCount: items.length,
    pages: 1,
    fetchedAt: '2026-11-30T10:00:00.000Z',
    version: 'v1',
    [key]: items,
  };
}

/**
 * `GET …/<kind>`: the whole list, or (with `?ids=`) those asked for that `existing` has. Functions
 * are read on each request, so a test can change what the BFF answers.
 */
export function listRoute<T>(key: string, idOf: (item: T) => string, list: () => readonly T[], existing = list) {
  return (request: SentRequest) => {
    const ids = new URL(request.path, 'http://console.test').searchParams.get('ids');
    if (ids === null) return Response.json(listAnswer(key, list()));
    const requestedIds = ids.split(',');
    return Response.json({
      regionId: REGION,
      requestedIds,
      fetchedAt: '2026-11-30T10:00:00.000Z',
      [key]: existing().filter((item) => requestedIds.includes(idOf(item))),
    });
  };
}

/** The BFF's group and instance lists, as `stubApi` routes. */
export function groupPageLists(
  groups: () => readonly SecurityGroupSummary[],
  instances: () => readonly InstanceSummary[] = () => [],
) {
  return {
    [GROUPS_PATH]: listRoute('securityGroups', (group: SecurityGroupSummary) => group.SecurityGroupId, groups),
    [INSTANCES_PATH]: listRoute('instances', (instance: InstanceSummary) => instance.InstanceId, instances),
  };
}

export const ok = (requestId: string) => () => Response.json({ RequestId: requestId });
