/**
 * The BFF's rules for a new password, checked before sending so the user hears at once what the
 * server would refuse. The server also refuses common passwords: its WeakPassword message is shown as is.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordError = 'required' | 'tooShort' | 'tooLong' | 'onlyWhitespace' | 'sameAsCurrent';
export type ConfirmationError = 'mismatch';

/**
 * Why a new password would be refused, or `null` when it is valid. Lengths count UTF-16 units, as
 * the BFF does. `current` is the password it replaces, when the user typed it.
 */
export function validateNewPassword(password: string, current?: string): PasswordError | null {
  if (password.length === 0) return 'required';
  if (password.trim().length === 0) return 'onlyWhitespace';
  if (password.length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'tooLong';
  if (current !== undefined && password === current) return 'sameAsCurrent';
  return null;
}

export function validateConfirmation(password: string, confirmation: string): ConfirmationError | null {
  return password === confirmation ? null : 'mismatch';
}

export interface PasswordFormErrors {
  readonly password: PasswordError | null;
  readonly confirmation: ConfirmationError | null;
}

export function validatePasswordForm(password: string, confirmation: string, current?: string): PasswordFormErrors {
  return {
    password: validateNewPassword(password, current),
    confirmation: validateConfirmation(password, confirmation),
  };
}

/** True when no field has an error. */
export function isFormValid(errors: object): boolean {
  return Object.values(errors).every((error) => error === null);
}
