import { invalidParameter } from '../../protocol/errors.js';
import type { InstanceRecord } from '../../store/types.js';

/** ECS's instance password rule (ModifyInstanceAttribute, ReInitDisk). */

const PASSWORD_CHARACTERS = /^[A-Za-z0-9()`~!@#$%^&*\-_+=|{}[\]:;'<>,.?/]{8,30}$/;

/** What is wrong with the password, or undefined when ECS accepts it. */
export function passwordProblem(password: string, osType: InstanceRecord['OSType']): string | undefined {
  if (!PASSWORD_CHARACTERS.test(password)) return '8-30 letters, digits and the documented special characters';
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((characterClass) => characterClass.test(password));
  if (classes.length < 3) return 'needs three of: upper case, lower case, digits, special characters';
  if (osType === 'windows' && password.startsWith('/')) return 'a Windows password must not start with "/"';
  return undefined;
}

/** Throws InvalidPassword.Malformed naming what is wrong. */
export function checkPassword(password: string, osType: InstanceRecord['OSType']): void {
  const problem = passwordProblem(password, osType);
  if (problem !== undefined) throw invalidParameter('Password', problem, 'InvalidPassword.Malformed');
}
