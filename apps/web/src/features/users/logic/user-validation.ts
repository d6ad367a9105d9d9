import type { Role } from '@ecs-console/contract';
import { validatePasswordForm, type PasswordFormErrors } from '@/lib/password-rules';

/** The BFF's rules for user names (apps/bff/src/auth/users.ts), checked before sending. */
export const USERNAME_MIN_LENGTH = 2;
export const USERNAME_MAX_LENGTH = 64;
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]*$/;

export type UsernameError = 'required' | 'tooShort' | 'tooLong' | 'pattern';

/** Why a user name would be refused, or `null` when it is valid. */
export function validateUsername(username: string): UsernameError | null {
  if (username.length === 0) return 'required';
  if (username.length < USERNAME_MIN_LENGTH) return 'tooShort';
  if (username.length > USERNAME_MAX_LENGTH) return 'tooLong';
  if (!USERNAME_PATTERN.test(username)) return 'pattern';
  return null;
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

export function validateNewUser(form: NewUserForm): NewUserFormErrors {
  return { username: validateUsername(form.username), ...validatePasswordForm(form.password, form.confirmation) };
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
