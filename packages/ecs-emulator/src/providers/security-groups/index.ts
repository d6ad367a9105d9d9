import type { ActionHandler } from '../kit/context.js';
import { describeSecurityGroupAttribute } from './attribute.js';
import { authorizeAction } from './authorize.js';
import { createSecurityGroupAction, deleteSecurityGroupAction } from './create-delete.js';
import { describeSecurityGroups } from './describe.js';
import { joinSecurityGroupAction, leaveSecurityGroupAction } from './membership.js';
import { modifySecurityGroupAttributeAction, modifySecurityGroupPolicyAction } from './group-attributes.js';
import { modifyRuleAction } from './modify-rule.js';
import { revokeAction } from './revoke.js';

export const securityGroupHandlers: Readonly<Record<string, ActionHandler>> = {
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeSecurityGroupAttribute: describeSecurityGroupAttribute,
  CreateSecurityGroup: createSecurityGroupAction,
  DeleteSecurityGroup: deleteSecurityGroupAction,
  AuthorizeSecurityGroup: authorizeAction('ingress'),
  AuthorizeSecurityGroupEgress: authorizeAction('egress'),
  RevokeSecurityGroup: revokeAction('ingress'),
  RevokeSecurityGroupEgress: revokeAction('egress'),
  ModifySecurityGroupAttribute: modifySecurityGroupAttributeAction,
  ModifySecurityGroupPolicy: modifySecurityGroupPolicyAction,
  ModifySecurityGroupRule: modifyRuleAction('ingress'),
  ModifySecurityGroupEgressRule: modifyRuleAction('egress'),
  JoinSecurityGroup: joinSecurityGroupAction,
  LeaveSecurityGroup: leaveSecurityGroupAction,
};
