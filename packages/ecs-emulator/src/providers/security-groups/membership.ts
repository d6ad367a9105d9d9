import { apiError, incorrectStatus, missingParameter, notFound } from '../../protocol/errors.js';
import type { InstanceRecord, RegionState, SecurityGroupRecord } from '../../store/types.js';
import { regionOfResource, type ActionContext } from '../kit/context.js';
import { rejectSecurityLock } from '../kit/checks.js';
import { INSTANCE_CAPACITY, MAX_GROUPS_PER_INSTANCE } from './limits.js';
import { countMembers, requireGroup } from './lookup.js';

// JoinSecurityGroup / LeaveSecurityGroup -------------------------------------------------------------

/**
 * The instance and group of a Join/Leave request. RegionId is optional: the instance is found by
 * ID, and the group must be in the instance's region. The emulator models no elastic network
 * interfaces, so NetworkInterfaceId is refused.
 */
function readMembership(
  context: ActionContext,
  action: string,
): { region: RegionState; instance: InstanceRecord; group: SecurityGroupRecord } {
  const { params } = context;
  const groupId = params.requiredString('SecurityGroupId');
  const instanceId = params.string('InstanceId');
  const eniId = params.string('NetworkInterfaceId');
  if (instanceId !== undefined && eniId !== undefined) {
    throw apiError(
      403,
      'InvalidParam.EniIdAndInstanceId.Conflict',
      'InstanceId and NetworkInterfaceId cannot be specified together.',
    );
  }
  if (eniId !== undefined) {
    throw apiError(
      400,
      'InvalidParameter',
      'NetworkInterfaceId is not supported: this emulator models no elastic network interfaces. Use InstanceId.',
    );
  }
  if (instanceId === undefined) throw missingParameter('InstanceId');
  const region = regionOfResource(context, instanceId);
  const namedRegion = params.string('RegionId');
  const instance = region?.instances.get(instanceId);
  if (!region || !instance || (namedRegion !== undefined && namedRegion !== region.region.RegionId)) {
    throw notFound('InvalidInstanceId.NotFound', 'InstanceId', instanceId);
  }
  const group = requireGroup(region, groupId);
  if (instance.Status !== 'Running' && instance.Status !== 'Stopped') {
    throw incorrectStatus('IncorrectInstanceStatus', 'instance', instance.Status, action);
  }
  rejectSecurityLock(instance);
  return { region, instance, group };
}

export function joinSecurityGroupAction(context: ActionContext): Record<string, unknown> {
  const { region, instance, group } = readMembership(context, 'JoinSecurityGroup');
  if (instance.SecurityGroupIds.includes(group.SecurityGroupId)) {
    throw apiError(
      403,
      'InvalidInstanceId.AlreadyExists',
      'The specified instance already exists in the specified security group.',
    );
  }
  if (group.VpcId !== instance.VpcId) {
    throw apiError(400, 'InvalidInstanceId.Mismatch', 'Specified instance and security group are not in the same VPC.');
  }
  if (instance.SecurityGroupIds.length >= MAX_GROUPS_PER_INSTANCE) {
    throw apiError(
      403,
      'InstanceSecurityGroupLimitExceeded',
      'Exceeding the allowed amount of security groups that an instance can be in.',
    );
  }
  const otherTypes = instance.SecurityGroupIds.map((id) => region.securityGroups.get(id)?.SecurityGroupType);
  if (otherTypes.some((type) => type !== undefined && type !== group.SecurityGroupType)) {
    throw apiError(
      400,
      'InvalidOperation.MultiGroupType',
      "The specified instance can't join different types of security group.",
    );
  }
  const members = countMembers(region, [group.SecurityGroupId]).get(group.SecurityGroupId)!;
  if (members >= INSTANCE_CAPACITY[group.SecurityGroupType]) {
    throw apiError(
      403,
      'SecurityGroupInstanceLimitExceeded',
      'The maximum number of instances in a security group is exceeded.',
    );
  }
  instance.SecurityGroupIds.push(group.SecurityGroupId);
  return {};
}

/** Leaving a group the instance is not in fails since 2024-07-08 (SDK): InvalidSecurityGroupAssociation.NotFound. */
export function leaveSecurityGroupAction(context: ActionContext): Record<string, unknown> {
  const { instance, group } = readMembership(context, 'LeaveSecurityGroup');
  if (!instance.SecurityGroupIds.includes(group.SecurityGroupId)) {
    throw apiError(
      400,
      'InvalidSecurityGroupAssociation.NotFound',
      'The instance is not in the specified security group.',
    );
  }
  if (instance.SecurityGroupIds.length === 1) {
    throw apiError(
      403,
      'InstanceLastSecurityGroup',
      'The specified security group is the last security group for the instance.',
    );
  }
  instance.SecurityGroupIds = instance.SecurityGroupIds.filter((id) => id !== group.SecurityGroupId);
  return {};
}
