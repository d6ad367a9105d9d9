import type { EcsActionName } from '@ecs-console/ecs-client';

/**
 * Action names the audit log records, offered as suggestions in the action filter (free text
 * stays allowed: older entries may name actions the console no longer offers). The ECS actions are
 * the writes the console sends through its proxy (only writes are audited), checked against the
 * ECS client's action table; the others are the console's own.
 */
const ECS_WRITE_ACTIONS = [
  'StartInstance',
  'StopInstance',
  'RebootInstance',
  'DeleteInstance',
  'ModifyInstanceAttribute',
  'ModifyInstanceVncPasswd',
  'CreateDisk',
  'AttachDisk',
  'DetachDisk',
  'ResizeDisk',
  'DeleteDisk',
  'ModifyDiskAttribute',
  'ResetDisk',
  'ReInitDisk',
  'CreateSnapshot',
  'DeleteSnapshot',
  'CreateSecurityGroup',
  'DeleteSecurityGroup',
  'ModifySecurityGroupAttribute',
  'ModifySecurityGroupPolicy',
  'AuthorizeSecurityGroup',
  'AuthorizeSecurityGroupEgress',
  'RevokeSecurityGroup',
  'RevokeSecurityGroupEgress',
  'ModifySecurityGroupRule',
  'ModifySecurityGroupEgressRule',
  'JoinSecurityGroup',
  'LeaveSecurityGroup',
  'TagResources',
  'UntagResources',
] as const satisfies readonly EcsActionName[];

/** The console's own actions; `ChangeRole` matches `ChangeRole(admin)` and the like on the server. */
const CONSOLE_ACTIONS = [
  'CreateUser',
  'ChangeRole',
  'ChangePassword',
  'DeleteUser',
  'ChangeOwnPassword',
  'OpenVncConsole',
] as const;

export const KNOWN_AUDIT_ACTIONS: readonly string[] = [...CONSOLE_ACTIONS, ...ECS_WRITE_ACTIONS].sort();
