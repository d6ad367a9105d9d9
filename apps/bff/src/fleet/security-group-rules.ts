import { isEcsError, paginate, type EcsClient, type Permission, type SecurityGroup } from '@ecs-console/ecs-client';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import { summariseSecurityGroup } from './summarise.js';

/**
 * A group's summary with every rule of both directions and its intra-group policy
 * (DescribeSecurityGroupAttribute, Direction all, NextToken pages followed). Undefined when the
 * group was deleted between the listing's page and this call: it is left out, as if the page had
 * been read a moment later. Any other failure fails the listing.
 */
export async function withRules(
  group: SecurityGroup,
  call: EcsClient['call'],
  regionId: string,
  signal: AbortSignal | undefined,
): Promise<SecurityGroupSummary | undefined> {
  const permissions: Permission[] = [];
  let innerAccessPolicy: SecurityGroupSummary['InnerAccessPolicy'] = 'Accept';
  try {
    for await (const page of paginate(
      { call },
      'DescribeSecurityGroupAttribute',
      { RegionId: regionId, SecurityGroupId: group.SecurityGroupId, Direction: 'all' },
      signal ? { signal } : {},
    )) {
      innerAccessPolicy = page.InnerAccessPolicy;
      permissions.push(...page.Permissions.Permission);
    }
  } catch (error) {
    if (isEcsError(error) && error.code === 'InvalidSecurityGroupId.NotFound') return undefined;
    throw error;
  }
  return summariseSecurityGroup(group, innerAccessPolicy, permissions);
}
