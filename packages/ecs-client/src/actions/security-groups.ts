import {
  defineAction,
  type EcsResponse,
  type NextTokenRequest,
  type PageNumberRequest,
  type PagedResponse,
  type Tag,
  type TagInput,
} from './define.js';

/**
 * One rule in a request: `Permissions.N.*`, or the same names as flat (legacy) parameters. Ingress rules
 * name a Source*, egress rules a Dest*.
 */
export interface PermissionInput {
  /** tcp, udp, icmp, icmpv6, gre or all (case-insensitive). */
  IpProtocol?: string;
  /** Destination ports `start/end`: 1–65535 for tcp/udp, `-1/-1` for icmp, gre and all. */
  PortRange?: string;
  /** Source ports, same format as PortRange. */
  SourcePortRange?: string;
  /** IPv4 CIDR block or address. */
  SourceCidrIp?: string;
  /** VPC only. */
  Ipv6SourceCidrIp?: string;
  SourceGroupId?: string;
  /** Account that owns SourceGroupId (cross-account rules). */
  SourceGroupOwnerAccount?: string;
  /** Account UID that owns SourceGroupId; pass a string to avoid precision loss. */
  SourceGroupOwnerId?: number | string;
  SourcePrefixListId?: string;
  /** IPv4 CIDR block or address. */
  DestCidrIp?: string;
  /** VPC only. */
  Ipv6DestCidrIp?: string;
  DestGroupId?: string;
  /** Account that owns DestGroupId (cross-account rules). */
  DestGroupOwnerAccount?: string;
  /** Account UID that owns DestGroupId; pass a string to avoid precision loss. */
  DestGroupOwnerId?: number | string;
  DestPrefixListId?: string;
  /** Ignored when PortRange is set. */
  PortRangeListId?: string;
  /** Default accept. */
  Policy?: 'accept' | 'drop';
  /** 1–100, lower wins; default 1. */
  Priority?: string | number;
  /** VPC groups: intranet only. */
  NicType?: 'internet' | 'intranet';
  /** 1–512 chars. */
  Description?: string;
}

/** Flat rule parameters accepted by the ingress actions. */
export type IngressRuleFields = Pick<
  PermissionInput,
  | 'IpProtocol'
  | 'PortRange'
  | 'SourcePortRange'
  | 'SourceCidrIp'
  | 'Ipv6SourceCidrIp'
  | 'SourceGroupId'
  | 'SourceGroupOwnerAccount'
  | 'SourceGroupOwnerId'
  | 'SourcePrefixListId'
  | 'DestCidrIp'
  | 'Ipv6DestCidrIp'
  | 'Policy'
  | 'Priority'
  | 'NicType'
  | 'Description'
>;

/** Flat rule parameters accepted by the egress actions. */
export type EgressRuleFields = Pick<
  PermissionInput,
  | 'IpProtocol'
  | 'PortRange'
  | 'SourcePortRange'
  | 'SourceCidrIp'
  | 'Ipv6SourceCidrIp'
  | 'DestCidrIp'
  | 'Ipv6DestCidrIp'
  | 'DestGroupId'
  | 'DestGroupOwnerAccount'
  | 'DestGroupOwnerId'
  | 'DestPrefixListId'
  | 'Policy'
  | 'Priority'
  | 'NicType'
  | 'Description'
>;

// DescribeSecurityGroups --------------------------------------------------------------------------

export interface DescribeSecurityGroupsRequest extends PageNumberRequest, NextTokenRequest {
  RegionId: string;
  SecurityGroupId?: string;
  /** Up to 100 IDs; sent as one JSON-array string. */
  SecurityGroupIds?: string[];
  SecurityGroupName?: string;
  VpcId?: string;
  NetworkType?: 'vpc' | 'classic';
  SecurityGroupType?: 'normal' | 'enterprise';
  ResourceGroupId?: string;
  /** Up to 20 tags. */
  Tag?: TagInput[];
  /** Filter on whether the group is a managed security group. */
  ServiceManaged?: boolean;
  DryRun?: boolean;
}

export interface SecurityGroup {
  readonly SecurityGroupId: string;
  readonly SecurityGroupName: string;
  readonly Description: string;
  /** enterprise = advanced security group. */
  readonly SecurityGroupType: 'normal' | 'enterprise';
  /** Empty for classic-network groups. */
  readonly VpcId: string;
  readonly CreationTime: string;
  readonly ResourceGroupId: string;
  /** How many more private IPs (instances/ENIs) the group can take. */
  readonly AvailableInstanceAmount?: number;
  readonly EcsCount?: number;
  readonly RuleCount?: number;
  readonly GroupToGroupRuleCount?: number;
  readonly ServiceManaged?: boolean;
  readonly ServiceID?: number;
  readonly Tags?: { readonly Tag: readonly Tag[] };
}

export interface DescribeSecurityGroupsResponse extends PagedResponse {
  readonly RegionId: string;
  readonly SecurityGroups: { readonly SecurityGroup: readonly SecurityGroup[] };
}

// DescribeSecurityGroupAttribute ------------------------------------------------------------------

export interface DescribeSecurityGroupAttributeRequest extends NextTokenRequest {
  RegionId: string;
  SecurityGroupId: string;
  /** Default all. */
  Direction?: 'ingress' | 'egress' | 'all';
  NicType?: 'internet' | 'intranet';
  /** `snapshotPolicyIds` adds SnapshotPolicyIds to the response. */
  Attribute?: 'snapshotPolicyIds';
}

/** A rule as DescribeSecurityGroupAttribute reports it. */
export interface Permission {
  readonly SecurityGroupRuleId: string;
  readonly Direction: 'ingress' | 'egress';
  /** Upper case in responses (TCP, UDP, ICMP, GRE, ALL). */
  readonly IpProtocol: string;
  readonly PortRange: string;
  readonly SourcePortRange: string;
  readonly SourceCidrIp: string;
  readonly Ipv6SourceCidrIp?: string;
  readonly SourceGroupId: string;
  readonly SourceGroupName: string;
  readonly SourceGroupOwnerAccount: string;
  readonly SourcePrefixListId?: string;
  readonly SourcePrefixListName?: string;
  readonly DestCidrIp: string;
  readonly Ipv6DestCidrIp?: string;
  readonly DestGroupId: string;
  readonly DestGroupName: string;
  readonly DestGroupOwnerAccount: string;
  readonly DestPrefixListId?: string;
  readonly DestPrefixListName?: string;
  readonly PortRangeListId?: string;
  readonly PortRangeListName?: string;
  /** Accept or Drop (capitalised, unlike the request). */
  readonly Policy: string;
  /** 1–100 as a string. */
  readonly Priority: string;
  readonly NicType: 'internet' | 'intranet';
  readonly Description: string;
  readonly CreateTime: string;
}

export interface DescribeSecurityGroupAttributeResponse extends EcsResponse {
  readonly RegionId: string;
  readonly SecurityGroupId: string;
  readonly SecurityGroupName: string;
  readonly Description: string;
  /** Empty for classic-network groups. */
  readonly VpcId: string;
  /** Whether instances inside the group can reach each other. */
  readonly InnerAccessPolicy: 'Accept' | 'Drop';
  readonly NextToken?: string;
  readonly Permissions: { readonly Permission: readonly Permission[] };
  readonly SnapshotPolicyIds?: { readonly SnapshotPolicyId: readonly string[] };
}

// CreateSecurityGroup -----------------------------------------------------------------------------

export interface CreateSecurityGroupRequest {
  RegionId: string;
  /** Required for a VPC security group. */
  VpcId?: string;
  /** 2–128 chars, starts with a letter; no http:// or https:// prefix. */
  SecurityGroupName?: string;
  /** 2–256 chars. */
  Description?: string;
  /** Default normal; enterprise = advanced security group. */
  SecurityGroupType?: 'normal' | 'enterprise';
  ResourceGroupId?: string;
  /** Up to 20 tags. */
  Tag?: TagInput[];
  ServiceManaged?: boolean;
  ClientToken?: string;
}

export interface CreateSecurityGroupResponse extends EcsResponse {
  readonly SecurityGroupId: string;
}

// DeleteSecurityGroup -----------------------------------------------------------------------------

export interface DeleteSecurityGroupRequest {
  RegionId: string;
  /** Must hold no instances or ENIs and not be referenced by another group's rules. */
  SecurityGroupId: string;
}

// AuthorizeSecurityGroup --------------------------------------------------------------------------

export interface AuthorizeSecurityGroupRequest extends IngressRuleFields {
  RegionId: string;
  SecurityGroupId: string;
  /** Preferred over the flat (deprecated) rule fields. */
  Permissions?: PermissionInput[];
  ClientToken?: string;
}

// AuthorizeSecurityGroupEgress --------------------------------------------------------------------

export interface AuthorizeSecurityGroupEgressRequest extends EgressRuleFields {
  RegionId: string;
  SecurityGroupId: string;
  /** Preferred over the flat (deprecated) rule fields. */
  Permissions?: PermissionInput[];
  ClientToken?: string;
}

// RevokeSecurityGroup -----------------------------------------------------------------------------

export interface RevokeSecurityGroupRequest extends IngressRuleFields {
  RegionId: string;
  SecurityGroupId: string;
  /** Rules to remove by ID (`sgr-…`), instead of matching rule fields. */
  SecurityGroupRuleId?: string[];
  Permissions?: PermissionInput[];
  ClientToken?: string;
}

// RevokeSecurityGroupEgress -----------------------------------------------------------------------

export interface RevokeSecurityGroupEgressRequest extends EgressRuleFields {
  RegionId: string;
  SecurityGroupId: string;
  /** Rules to remove by ID (`sgr-…`), instead of matching rule fields. */
  SecurityGroupRuleId?: string[];
  Permissions?: PermissionInput[];
  ClientToken?: string;
}

// ModifySecurityGroupRule -------------------------------------------------------------------------

/** Edits an ingress rule; the kind of authorization object (CIDR, group, prefix list) cannot change. */
export interface ModifySecurityGroupRuleRequest extends IngressRuleFields {
  RegionId: string;
  SecurityGroupId: string;
  /** The rule to edit (`sgr-…`); without it the rule is located by its other fields. */
  SecurityGroupRuleId?: string;
  PortRangeListId?: string;
  ClientToken?: string;
}

// ModifySecurityGroupEgressRule -------------------------------------------------------------------

/** Edits an egress rule; as ModifySecurityGroupRule, the kind of authorization object cannot change. */
export interface ModifySecurityGroupEgressRuleRequest extends EgressRuleFields {
  RegionId: string;
  SecurityGroupId: string;
  /** The rule to edit (`sgr-…`); without it the rule is located by its other fields. */
  SecurityGroupRuleId?: string;
  PortRangeListId?: string;
  ClientToken?: string;
}

// ModifySecurityGroupAttribute --------------------------------------------------------------------

export interface ModifySecurityGroupAttributeRequest {
  RegionId: string;
  SecurityGroupId: string;
  /** 2–128 chars, starts with a letter; no http:// or https:// prefix. */
  SecurityGroupName?: string;
  /** 2–256 chars. */
  Description?: string;
}

// ModifySecurityGroupPolicy -----------------------------------------------------------------------

export interface ModifySecurityGroupPolicyRequest {
  RegionId: string;
  SecurityGroupId: string;
  /** Whether instances inside the group reach each other: Accept (connected) or Drop (isolated). */
  InnerAccessPolicy: 'Accept' | 'Drop';
  ClientToken?: string;
}

// JoinSecurityGroup -------------------------------------------------------------------------------

export interface JoinSecurityGroupRequest {
  SecurityGroupId: string;
  /** Exactly one of InstanceId or NetworkInterfaceId. */
  InstanceId?: string;
  NetworkInterfaceId?: string;
  RegionId?: string;
}

// LeaveSecurityGroup ------------------------------------------------------------------------------

export interface LeaveSecurityGroupRequest {
  SecurityGroupId: string;
  /** Exactly one of InstanceId or NetworkInterfaceId. */
  InstanceId?: string;
  NetworkInterfaceId?: string;
  RegionId?: string;
}

export const securityGroupActions = {
  DescribeSecurityGroups: defineAction<DescribeSecurityGroupsRequest, DescribeSecurityGroupsResponse>()({
    kind: 'read',
    jsonArrayParams: ['SecurityGroupIds'],
    pagination: {
      items: (r) => r.SecurityGroups.SecurityGroup,
      maxPageSize: 50,
      pageNumber: true,
      nextToken: true,
    },
  }),
  DescribeSecurityGroupAttribute: defineAction<
    DescribeSecurityGroupAttributeRequest,
    DescribeSecurityGroupAttributeResponse
  >()({
    kind: 'read',
    pagination: { items: (r) => r.Permissions.Permission, maxPageSize: 1000, pageNumber: false, nextToken: true },
  }),
  CreateSecurityGroup: defineAction<CreateSecurityGroupRequest, CreateSecurityGroupResponse>()({
    kind: 'write',
    clientToken: true,
  }),
  DeleteSecurityGroup: defineAction<DeleteSecurityGroupRequest, EcsResponse>()({ kind: 'write' }),
  AuthorizeSecurityGroup: defineAction<AuthorizeSecurityGroupRequest, EcsResponse>()({
    kind: 'write',
    clientToken: true,
  }),
  AuthorizeSecurityGroupEgress: defineAction<AuthorizeSecurityGroupEgressRequest, EcsResponse>()({
    kind: 'write',
    clientToken: true,
  }),
  RevokeSecurityGroup: defineAction<RevokeSecurityGroupRequest, EcsResponse>()({ kind: 'write', clientToken: true }),
  RevokeSecurityGroupEgress: defineAction<RevokeSecurityGroupEgressRequest, EcsResponse>()({
    kind: 'write',
    clientToken: true,
  }),
  ModifySecurityGroupRule: defineAction<ModifySecurityGroupRuleRequest, EcsResponse>()({
    kind: 'write',
    clientToken: true,
  }),
  ModifySecurityGroupEgressRule: defineAction<ModifySecurityGroupEgressRuleRequest, EcsResponse>()({
    kind: 'write',
    clientToken: true,
  }),
  ModifySecurityGroupAttribute: defineAction<ModifySecurityGroupAttributeRequest, EcsResponse>()({ kind: 'write' }),
  ModifySecurityGroupPolicy: defineAction<ModifySecurityGroupPolicyRequest, EcsResponse>()({
    kind: 'write',
    clientToken: true,
  }),
  JoinSecurityGroup: defineAction<JoinSecurityGroupRequest, EcsResponse>()({ kind: 'write' }),
  LeaveSecurityGroup: defineAction<LeaveSecurityGroupRequest, EcsResponse>()({ kind: 'write' }),
};
