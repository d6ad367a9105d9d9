import { apiError, invalidParameter, notFound } from '../../protocol/errors.js';
import type { InstanceRecord, RegionState } from '../../store/types.js';
import type { ActionHandler } from '../kit/context.js';
import { rejectSecurityLock } from '../kit/checks.js';
import { checkPassword } from '../kit/passwords.js';
import { BURSTABLE_FAMILIES, MAX_SECURITY_GROUPS_PER_INSTANCE, MAX_USER_DATA_BYTES } from './limits.js';
import { namedInstance, requireStatus } from './lookup.js';

// ModifyInstanceAttribute -------------------------------------------------------------------------

/** 2–128 characters, starting with a letter; letters, digits, `.`, `_`, `-` and `:` (so never `http://`). */
const INSTANCE_NAME = /^\p{L}[\p{L}\p{N}._:-]{1,127}$/u;

export const modifyInstanceAttribute: ActionHandler = (context) => {
  const { region, instance } = namedInstance(context);
  const { params } = context;
  const instanceName = params.string('InstanceName', { code: 'InvalidInstanceName.Malformed', pattern: INSTANCE_NAME });
  const description = params.string('Description', {
    code: 'InvalidDescription.Malformed',
    minLength: 2,
    maxLength: 256,
  });
  if (description !== undefined && /^https?:\/\//.test(description)) {
    throw invalidParameter('Description', 'must not start with http:// or https://', 'InvalidDescription.Malformed');
  }
  const hostName = params.string('HostName');
  if (hostName !== undefined) validateHostName(hostName, instance.OSType);
  const password = params.string('Password');
  if (password !== undefined) checkPassword(password, instance.OSType);
  const userData = params.string('UserData');
  if (userData !== undefined) validateUserData(userData);
  const deletionProtection = params.boolean('DeletionProtection');
  const creditSpecification = params.oneOf('CreditSpecification', ['Standard', 'Unlimited'], {
    code: 'InvalidParameter.CreditSpecification',
  });
  const securityGroupIds = params.repeatList('SecurityGroupIds', {
    max: MAX_SECURITY_GROUPS_PER_INSTANCE,
    code: 'InstanceSecurityGroupLimitExceeded',
  });
  validateSecurityGroups(region, instance, securityGroupIds);

  rejectSecurityLock(instance);
  // Passwords and host names are set by the OS agent at boot, and user data only on a stopped instance.
  if (password !== undefined)
    requireStatus(instance, ['Pending', 'Running', 'Stopping', 'Stopped'], 'ModifyInstanceAttribute');
  if (hostName !== undefined) requireStatus(instance, ['Running', 'Stopping', 'Stopped'], 'ModifyInstanceAttribute');
  if (userData !== undefined) requireStatus(instance, ['Stopped'], 'ModifyInstanceAttribute');
  if (creditSpecification !== undefined && !BURSTABLE_FAMILIES.includes(instance.InstanceTypeFamily)) {
    throw invalidParameter(
      'CreditSpecification',
      'only burstable (t5, t6) instances have one',
      'InvalidParameter.CreditSpecification',
    );
  }

  // Password and UserData are checked and accepted; nothing in the emulator reads them back.
  if (instanceName !== undefined) instance.InstanceName = instanceName;
  if (description !== undefined) instance.Description = description;
  if (hostName !== undefined) instance.HostName = hostName;
  if (deletionProtection !== undefined) instance.DeletionProtection = deletionProtection;
  if (creditSpecification !== undefined) instance.CreditSpecification = creditSpecification;
  if (securityGroupIds.length) instance.SecurityGroupIds = securityGroupIds;
  return {};
};

function validateHostName(hostName: string, osType: InstanceRecord['OSType']): void {
  const malformed = (detail: string) => invalidParameter('HostName', detail, 'InvalidHostName.Malformed');
  if (/^[.-]|[.-]$|\.\.|--/.test(hostName)) throw malformed('must not start or end with, or repeat, "." or "-"');
  if (osType === 'windows') {
    if (!/^[A-Za-z0-9-]{2,15}$/.test(hostName)) throw malformed('Windows host names are 2-15 letters, digits or "-"');
    if (/^\d+$/.test(hostName)) throw malformed('must not be only digits');
  } else if (!/^[A-Za-z0-9.-]{2,64}$/.test(hostName)) {
    throw malformed('2-64 letters, digits, "-" and "." separating segments');
  }
}

function validateUserData(userData: string): void {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(userData) || userData.length % 4 !== 0) {
    throw invalidParameter('UserData', 'not Base64');
  }
  if (Buffer.from(userData, 'base64').length > MAX_USER_DATA_BYTES) {
    throw invalidParameter('UserData', `more than ${MAX_USER_DATA_BYTES} bytes`, 'InvalidUserData.SizeExceeded');
  }
}

/** The new set replaces the old one: existing groups of the instance's VPC, no repeats, one group type. */
function validateSecurityGroups(region: RegionState, instance: InstanceRecord, ids: readonly string[]): void {
  if (new Set(ids).size !== ids.length) {
    throw invalidParameter('SecurityGroupIds', 'lists a group twice', 'InvalidParameter.SecurityGroupIdRepeated');
  }
  const groups = ids.map((id) => {
    const group = region.securityGroups.get(id);
    if (!group) throw notFound('InvalidSecurityGroupId.NotFound', 'SecurityGroupId', id);
    return group;
  });
  const otherVpc = groups.find((group) => group.VpcId !== instance.VpcId);
  if (otherVpc) {
    throw apiError(
      400,
      'InvalidSecurityGroup.VpcMismatch',
      `The security group ${otherVpc.SecurityGroupId} is not in the instance's VPC.`,
    );
  }
  if (new Set(groups.map((group) => group.SecurityGroupType)).size > 1) {
    throw invalidParameter('SecurityGroupIds', 'basic and advanced security groups cannot be mixed');
  }
}
