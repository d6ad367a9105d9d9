import type { SecurityGroupRecord } from '../../src/store/types.js';
import { testBed, type TestBed } from './test-bed.js';

/** A group as DescribeSecurityGroups renders it (the fields the tests read). */
export interface GroupView {
  SecurityGroupId: string;
  SecurityGroupName: string;
  EcsCount: number;
  RuleCount: number;
  GroupToGroupRuleCount: number;
  AvailableInstanceAmount: number;
  Tags: { Tag: { TagKey: string; TagValue: string }[] };
}

/** A rule as DescribeSecurityGroupAttribute renders it (the fields the tests read). */
export interface PermissionView {
  SecurityGroupRuleId: string;
  Direction: string;
  IpProtocol: string;
  PortRange: string;
  SourceCidrIp: string;
  SourceGroupId: string;
  SourceGroupName: string;
  DestCidrIp: string;
  DestGroupId: string;
  DestGroupName: string;
  Policy: string;
  Priority: string;
  NicType: string;
  Description: string;
}

export interface GroupsPage {
  TotalCount: number;
  PageNumber?: number;
  PageSize?: number;
  NextToken?: string;
  SecurityGroups: { SecurityGroup: GroupView[] };
}

/** An ingress rule from 10.0.0.0/8 to TCP port 22. */
export const SSH = { IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8' };

export interface SecurityGroupBed extends TestBed {
  /** `params` with the bed's RegionId. */
  regionParams(params?: Record<string, string>): Record<string, string>;
  /** CreateSecurityGroup in the bed's VPC unless `params` names another; the new group's ID. */
  createGroup(params?: Record<string, string>): string;
  /** The stored record of a group. */
  group(id: string): SecurityGroupRecord;
  describeGroups(params?: Record<string, string>): GroupsPage;
  /** The IDs DescribeSecurityGroups lists for these parameters. */
  groupIds(params?: Record<string, string>): string[];
  /** The rules DescribeSecurityGroupAttribute lists for a group. */
  permissions(groupId: string, params?: Record<string, string>): PermissionView[];
  authorize(groupId: string, params: Record<string, string>): void;
  authorizeEgress(groupId: string, params: Record<string, string>): void;
}

/** The provider test bed with the security group actions as calls. */
export function securityGroupBed(): SecurityGroupBed {
  const base = testBed();
  const regionParams = (params: Record<string, string> = {}) => ({ RegionId: base.regionId, ...params });
  const describeGroups = (params: Record<string, string> = {}) =>
    base.call('DescribeSecurityGroups', regionParams(params)) as unknown as GroupsPage;
  return {
    ...base,
    regionParams,
    createGroup(params = {}) {
      const body = base.call('CreateSecurityGroup', regionParams({ VpcId: base.vpc.VpcId, ...params }));
      return body.SecurityGroupId as string;
    },
    group: (id) => base.region.securityGroups.get(id)!,
    describeGroups,
    groupIds: (params = {}) => describeGroups(params).SecurityGroups.SecurityGroup.map((g) => g.SecurityGroupId),
    permissions(groupId, params = {}) {
      const body = base.call(
        'DescribeSecurityGroupAttribute',
        regionParams({ SecurityGroupId: groupId, ...params }),
      ) as {
        Permissions: { Permission: PermissionView[] };
      };
      return body.Permissions.Permission;
    },
    authorize(groupId, params) {
      base.call('AuthorizeSecurityGroup', regionParams({ SecurityGroupId: groupId, ...params }));
    },
    authorizeEgress(groupId, params) {
      base.call('AuthorizeSecurityGroupEgress', regionParams({ SecurityGroupId: groupId, ...params }));
    },
  };
}
