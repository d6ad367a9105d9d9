import { z } from 'zod';
import {
  entry,
  idList,
  idsFrom,
  idsIn,
  instanceId,
  nextToken,
  pageNumber,
  pageSize,
  regionId,
  resourceId,
  securityGroupId,
  tagInput,
  tags,
  text,
  type RegistryEntry,
} from './types.js';

const clientToken = text(64);
const securityGroupRuleId = resourceId('sgr');
const networkInterfaceId = resourceId('eni');

// Security-group rule fields (DIGEST §6.4). Shapes only; ECS checks the combinations (which
// protocol takes which range, one kind of source per rule).
/** `start/end`: `-1/-1` (icmp, gre, all) or ports 1–65535 with start ≤ end. */
const portRange = z.string().refine((range) => {
  const match = /^(-1|\d{1,5})\/(-1|\d{1,5})$/.exec(range);
  if (!match) return false;
  const [start, end] = [Number(match[1]), Number(match[2])];
  return (start === -1 && end === -1) || (start >= 1 && start <= end && end <= 65535);
}, 'not a port range: -1/-1, or start/end with 1 ≤ start ≤ end ≤ 65535');
/** tcp, udp, icmp, icmpv6, gre, all (any case), or an IANA protocol number where the region takes one. */
const ipProtocol = z
  .string()
  .regex(/^(tcp|udp|icmp|icmpv6|gre|all|25[0-5]|2[0-4]\d|1?\d?\d)$/i, 'not tcp, udp, icmp, icmpv6, gre, all or 0–255');
const ipv4CidrOrAddress = z.union([z.cidrv4(), z.ipv4()]);
const ipv6CidrOrAddress = z.union([z.cidrv6(), z.ipv6()]);
/** An account UID; a string avoids precision loss. */
const accountUid = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/, 'not an account UID')]);
const priority = z.union([z.number().int().min(1).max(100), z.string().regex(/^(100|[1-9]\d?)$/, 'not 1–100')]);

const commonRuleFields = {
  IpProtocol: ipProtocol.optional(),
  PortRange: portRange.optional(),
  SourcePortRange: portRange.optional(),
  SourceCidrIp: ipv4CidrOrAddress.optional(),
  Ipv6SourceCidrIp: ipv6CidrOrAddress.optional(),
  DestCidrIp: ipv4CidrOrAddress.optional(),
  Ipv6DestCidrIp: ipv6CidrOrAddress.optional(),
  Policy: z.enum(['accept', 'drop']).optional(),
  Priority: priority.optional(),
  NicType: z.enum(['internet', 'intranet']).optional(),
  Description: text(512).optional(),
};
/** Flat (legacy) rule parameters of the ingress actions. */
const ingressRuleFields = {
  ...commonRuleFields,
  SourceGroupId: securityGroupId.optional(),
  SourceGroupOwnerAccount: text(64).optional(),
  SourceGroupOwnerId: accountUid.optional(),
  SourcePrefixListId: text(64).optional(),
};
/** Flat (legacy) rule parameters of the egress actions. */
const egressRuleFields = {
  ...commonRuleFields,
  DestGroupId: securityGroupId.optional(),
  DestGroupOwnerAccount: text(64).optional(),
  DestGroupOwnerId: accountUid.optional(),
  DestPrefixListId: text(64).optional(),
};
const ingressPermissions = z
  .array(z.strictObject({ ...ingressRuleFields, PortRangeListId: text(64).optional() }))
  .max(100);
const egressPermissions = z
  .array(z.strictObject({ ...egressRuleFields, PortRangeListId: text(64).optional() }))
  .max(100);

const tagResourceType = z.enum([
  'instance',
  'disk',
  'snapshot',
  'image',
  'securitygroup',
  'volume',
  'eni',
  'ddh',
  'ddhcluster',
  'keypair',
  'launchtemplate',
  'reservedinstance',
  'snapshotpolicy',
  'elasticityassurance',
  'capacityreservation',
  'command',
  'invocation',
  'activation',
  'managedinstance',
]);
/** Any taggable resource's ID (key pairs are tagged by name). */
const taggableId = z.string().regex(/^[A-Za-z0-9][\w.:-]{0,127}$/, 'not a resource ID');
const tagKey = z.string().min(1).max(128);
const tagFilterInput = z.strictObject({
  TagKey: tagKey,
  TagValues: z.array(z.string().max(128)).min(1).max(5).optional(),
});

/** Join and Leave take the same parameters. */
const securityGroupMembership = entry({
  // The action's RegionId is optional for ECS, but the BFF needs it to choose the endpoint.
  schema: z.strictObject({
    RegionId: regionId,
    SecurityGroupId: securityGroupId,
    InstanceId: instanceId.optional(),
    NetworkInterfaceId: networkInterfaceId.optional(),
  }),
  access: 'write',
  role: 'admin',
  region: 'param',
  resources: idsFrom('SecurityGroupId', 'InstanceId', 'NetworkInterfaceId'),
});

export const networkEntries: Record<string, RegistryEntry> = {
  DescribeSecurityGroups: entry({
    schema: z.strictObject({
      RegionId: regionId,
      SecurityGroupId: securityGroupId.optional(),
      SecurityGroupIds: idList(securityGroupId, 100).optional(),
      SecurityGroupName: text(128).optional(),
      VpcId: text(64).optional(),
      NetworkType: z.enum(['vpc', 'classic']).optional(),
      SecurityGroupType: z.enum(['normal', 'enterprise']).optional(),
      ResourceGroupId: text(64).optional(),
      Tag: tags.optional(),
      ServiceManaged: z.boolean().optional(),
      DryRun: z.boolean().optional(),
      PageNumber: pageNumber.optional(),
      PageSize: pageSize(50).optional(),
      NextToken: nextToken.optional(),
      MaxResults: pageSize(100).optional(),
    }),
    access: 'read',
    role: 'viewer',
    region: 'param',
  }),
  DescribeSecurityGroupAttribute: entry({
    schema: z.strictObject({
      RegionId: regionId,
      SecurityGroupId: securityGroupId,
      Direction: z.enum(['ingress', 'egress', 'all']).optional(),
      NicType: z.enum(['internet', 'intranet']).optional(),
      Attribute: z.enum(['snapshotPolicyIds']).optional(),
      NextToken: nextToken.optional(),
      MaxResults: pageSize(1000).optional(),
    }),
    access: 'read',
    role: 'viewer',
    region: 'param',
  }),
  CreateSecurityGroup: entry({
    schema: z.strictObject({
      RegionId: regionId,
      VpcId: text(64).optional(),
      SecurityGroupName: text(128).optional(),
      Description: text(256).optional(),
      SecurityGroupType: z.enum(['normal', 'enterprise']).optional(),
      ResourceGroupId: text(64).optional(),
      Tag: tags.optional(),
      ServiceManaged: z.boolean().optional(),
      ClientToken: clientToken.optional(),
    }),
    access: 'write',
    role: 'admin',
    region: 'param',
    resources: idsFrom('VpcId'),
    createdIds: idsIn('SecurityGroupId'),
  }),
  DeleteSecurityGroup: entry({
    schema: z.strictObject({ RegionId: regionId, SecurityGroupId: securityGroupId }),
    access: 'write',
    role: 'admin',
    region: 'param',
    resources: idsFrom('SecurityGroupId'),
  }),
  AuthorizeSecurityGroup: entry({
    schema: z.strictObject({
      RegionId: regionId,
      SecurityGroupId: securityGroupId,
      ...ingressRuleFields,
      Permissions: ingressPermissions.optional(),
      ClientToken: clientToken.optional(),
    }),
    access: 'write',
    role: 'admin',
    region: 'param',
    resources: idsFrom('SecurityGroupId'),
  }),
  AuthorizeSecurityGroupEgress: entry({
    schema: z.strictObject({
      RegionId: regionId,
      SecurityGroupId: securityGroupId,
      ...egressRuleFields,
      Permissions: egressPermissions.optional(),
      ClientToken: clientToken.optional(),
    }),
    access: 'write',
    role: 'admin',
    region: 'param',
    resources: idsFrom('SecurityGroupId'),
  }),
  RevokeSecurityGroup: entry({
    schema: z.strictObject({
      RegionId: regionId,
      SecurityGroupId: securityGroupId,
      ...ingressRuleFields,
      SecurityGroupRuleId: idList(securityGroupRuleId, 100).optional(),
      Permissions: ingressPermissions.optional(),
      ClientToken: clientToken.optional(),
    }),
    access: 'write',
    role: 'admin',
    region: 'param',
    resources: idsFrom('SecurityGroupId', 'SecurityGroupRuleId'),
  }),
  RevokeSecurityGroupEgress: entry({
    schema: z.strictObject({
      RegionId: regionId,
      SecurityGroupId: securityGroupId,
      ...egressRuleFields,
      SecurityGroupRuleId: idList(securityGroupRuleId, 100).optional(),
      Permissions: egressPermissions.optional(),
      ClientToken: clientToken.optional(),
    }),
    access: 'write',
    role: 'admin',
    region: 'param',
    resources: idsFrom('SecurityGroupId', 'SecurityGroupRuleId'),
  }),
  ModifySecurityGroupRule: entry({
    schema: z.strictObject({
      RegionId: regionId,
      SecurityGroupId: securityGroupId,
      ...ingressRuleFields,
      SecurityGroupRuleId: securityGroupRuleId.optional(),
      PortRangeListId: text(64).optional(),
      ClientToken: clientToken.optional(),
    }),
    access: 'write',
    role: 'admin',
    region: 'param',
    resources: idsFrom('SecurityGroupId', 'SecurityGroupRuleId'),
  }),
  ModifySecurityGroupEgressRule: entry({
    schema: z.strictObject({
      RegionId: regionId,
      SecurityGroupId: securityGroupId,
      ...egressRuleFields,
      SecurityGroupRuleId: securityGroupRuleId.optional(),
      PortRangeListId: text(64).optional(),
      ClientToken: clientToken.optional(),
    }),
    access: 'write',
    role: 'admin',
    region: 'param',
    resources: idsFrom('SecurityGroupId', 'SecurityGroupRuleId'),
  }),
  ModifySecurityGroupAttribute: entry({
    schema: z.strictObject({
      RegionId: regionId,
      SecurityGroupId: securityGroupId,
      SecurityGroupName: text(128).optional(),
      Description: text(256).optional(),
    }),
    access: 'write',
    role: 'admin',
    region: 'param',
    resources: idsFrom('SecurityGroupId'),
  }),
  ModifySecurityGroupPolicy: entry({
    schema: z.strictObject({
      RegionId: regionId,
      SecurityGroupId: securityGroupId,
      InnerAccessPolicy: z.enum(['Accept', 'Drop']),
      ClientToken: clientToken.optional(),
    }),
    access: 'write',
    role: 'admin',
    region: 'param',
    resources: idsFrom('SecurityGroupId'),
  }),
  JoinSecurityGroup: securityGroupMembership,
  LeaveSecurityGroup: securityGroupMembership,
  TagResources: entry({
    schema: z.strictObject({
      RegionId: regionId,
      ResourceType: tagResourceType,
      ResourceId: z.array(taggableId).min(1).max(50),
      Tag: z.array(tagInput).min(1).max(20),
    }),
    access: 'write',
    role: 'admin',
    region: 'param',
    resources: idsFrom('ResourceId'),
  }),
  UntagResources: entry({
    schema: z.strictObject({
      RegionId: regionId,
      ResourceType: tagResourceType,
      ResourceId: z.array(taggableId).min(1).max(50),
      TagKey: z.array(tagKey).min(1).max(20).optional(),
      All: z.boolean().optional(),
    }),
    access: 'write',
    role: 'admin',
    region: 'param',
    resources: idsFrom('ResourceId'),
  }),
  ListTagResources: entry({
    schema: z.strictObject({
      RegionId: regionId,
      ResourceType: tagResourceType,
      ResourceId: z.array(taggableId).min(1).max(50).optional(),
      Tag: z.array(tagInput).min(1).max(20).optional(),
      TagFilter: z.array(tagFilterInput).min(1).max(5).optional(),
      NextToken: nextToken.optional(),
    }),
    access: 'read',
    role: 'viewer',
    region: 'param',
  }),
};
