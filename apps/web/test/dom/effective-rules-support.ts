import type { SecurityGroupSummary } from '@ecs-console/contract';
import type { Permission } from '@ecs-console/ecs-client';

export const REGION = 'cn-hangzhou';
export const SECURITY_GROUPS_PATH = `GET /api/regions/${REGION}/security-groups`;

let ruleSequence = 0;

/** An inbound TCP rule from anywhere, accepted at priority 1, as DescribeSecurityGroupAttribute reports it. */
export function makePermission(overrides: Partial<Permission> = {}): Permission {
  ruleSequence += 1;
  return {
    SecurityGroupRuleId: `sgr-test${String(ruleSequence).padStart(4, '0')}`,
    Direction: 'ingress',
    IpProtocol: 'TCP',
    PortRange: '22/22',
    SourcePortRange: '',
    SourceCidrIp: '0.0.0.0/0',
    SourceGroupId: '',
    SourceGroupName: '',
    SourceGroupOwnerAccount: '',
    DestCidrIp: '',
    DestGroupId: '',
    DestGroupName: '',
    DestGroupOwnerAccount: '',
    Policy: 'Accept',
    Priority: '1',
    NicType: 'intranet',
    Description: '',
    CreateTime: '2026-11-01T08:00:00Z',
    ...overrides,
  };
}

/** An outbound rule to anywhere (the destination fields set, the source ones empty). */
export function makeEgressPermission(overrides: Partial<Permission> = {}): Permission {
  return makePermission({ Direction: 'egress', SourceCidrIp: '', DestCidrIp: '0.0.0.0/0', ...overrides });
}

/** A basic VPC group whose members reach each other; tests give it the rules they are about. */
export function makeGroup(
  overrides: Partial<SecurityGroupSummary> & Pick<SecurityGroupSummary, 'SecurityGroupId'>,
): SecurityGroupSummary {
  const permissions = overrides.Permissions ?? [];
  return {
    SecurityGroupName: overrides.SecurityGroupId.replace(/^sg-/, ''),
    Description: '',
    SecurityGroupType: 'normal',
    VpcId: 'vpc-bp1vpc0001',
    CreationTime: '2026-10-01T08:00:00Z',
    ResourceGroupId: '',
    EcsCount: 1,
    AvailableInstanceAmount: 2000,
    RuleCount: permissions.length,
    GroupToGroupRuleCount: 0,
    ServiceManaged: false,
    Tags: { Tag: [] },
    InnerAccessPolicy: 'Accept',
    Permissions: permissions,
    ...overrides,
  };
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
