import type { Role } from '@/lib/roles';

/** The BFF's rules for user names and passwords (apps/bff/src/auth/users.ts), checked before sending. */
export const USERNAME_MIN_LENGTH = 2;
export const USERNAME_MAX_LENGTH = 64;
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]*$/;
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const USER_ROLES: readonly Role[] = ['viewer', 'operator', 'admin'];

export type UsernameError = 'required' | 'tooShort' | 'tooLong' | 'pattern';
export type PasswordError = 'required' | 'tooShort' | 'tooLong';
export type ConfirmationError = 'mismatch';

/** Why a user name would be refused, or `null` when it is valid. */
export function validateUsername(username: string): UsernameError | null {
  if (username.length === 0) return 'required';
  if (username.length < USERNAME_MIN_LENGTH) return 'tooShort';
  if (username.length > USERNAME_MAX_LENGTH) return 'tooLong';
  if (!USERNAME_PATTERN.test(username)) return 'pattern';
  return null;
}

/** Why a password would be refused, or `null` when it is valid. Lengths count UTF-16 units, as the BFF does. */
export function validatePassword(password: string): PasswordError | null {
  if (password.length === 0) return 'required';
  if (password.length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'tooLong';
  return null;
}

export function validateConfirmation(password: string, confirmation: string): ConfirmationError | null {
  return password === confirmation ? null : 'mismatch';
}

export interface PasswordFormErrors {
  readonly password: PasswordError | null;
  readonly confirmation: ConfirmationError | null;
}

export interface NewUserForm {
  readonly username: string;
  readonly role: Role;
  readonly password: string;
  readonly confirmation: string;
}

export interface NewUserFormErrors extends PasswordFormErrors {
  readonly username: UsernameError | null;
}

export function validatePasswordForm(password: string, confirmation: string): PasswordFormErrors {
  return { password: validatePassword(password), confirmation: validateConfirmation(password, confirmation) };
}

export function validateNewUser(form: NewUserForm): NewUserFormErrors {
  return { username: validateUsername(form.username), ...validatePasswordForm(form.password, form.confirmation) };
}

/** True when no field has an error. */
export function isFormValid(errors: NewUserFormErrors | PasswordFormErrors): boolean {
  return Object.values(errors).every((error) => error === null);
}

export type SelfActionBlock = 'deleteSelf' | 'demoteSelf';

/**
 * Why the signed-in admin may not delete or change the role of `target`: themselves (the page is for
 * admins, so any role change of their own is a demotion). `null` when allowed.
 */
export function selfActionBlock(
  action: 'delete' | 'changeRole',
  target: string,
  signedInUsername: string,
): SelfActionBlock | null {
  if (target !== signedInUsername) return null;
  return action === 'delete' ? 'deleteSelf' : 'demoteSelf';
}
