import type { Permission, SecurityGroup } from '@ecs-console/ecs-client';
import type { RegionListAnswer, RegionListByIdAnswer } from './storage.js';

/** The group fields (from DescribeSecurityGroups) the Security groups list, its filters and the group page show. */
export const SECURITY_GROUP_SUMMARY_FIELDS = [
  'SecurityGroupId',
  'SecurityGroupName',
  'Description',
  'SecurityGroupType',
  'VpcId',
  'CreationTime',
  'ResourceGroupId',
  'EcsCount',
  'AvailableInstanceAmount',
  'RuleCount',
  'GroupToGroupRuleCount',
  'ServiceManaged',
  'Tags',
] as const satisfies readonly (keyof SecurityGroup)[];

/**
 * A security group with all of its rules. The console analyses rules across groups (an instance's
 * effective rules, group references by name, the access check), so the listing carries each
 * group's rules (DescribeSecurityGroupAttribute, both directions) rather than only their count.
 */
export type SecurityGroupSummary = Pick<SecurityGroup, (typeof SECURITY_GROUP_SUMMARY_FIELDS)[number]> & {
  /** Whether members of the group reach each other without a rule (advanced groups: always Drop). */
  readonly InnerAccessPolicy: 'Accept' | 'Drop';
  /** Every rule, ingress and egress, as DescribeSecurityGroupAttribute reports it (`Direction` tells them apart). */
  readonly Permissions: readonly Permission[];
};

/** `GET /api/regions/:regionId/security-groups`. */
export type SecurityGroupListAnswer = RegionListAnswer<'securityGroups', SecurityGroupSummary>;
/** `GET /api/regions/:regionId/security-groups?ids=sg-1,sg-2`. */
export type SecurityGroupsByIdAnswer = RegionListByIdAnswer<'securityGroups', SecurityGroupSummary>;
