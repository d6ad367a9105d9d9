import { describe, expect, it } from 'vitest';
import { selfActionBlock, validateNewUser, validateUsername } from '@/features/users/logic/user-validation';
import { isFormValid, validateConfirmation, validateNewPassword, validatePasswordForm } from '@/lib/password-rules';

describe('user name validation (mirrors the BFF)', () => {
  it('accepts 2 to 64 lower-case characters starting with a letter', () => {
    expect(validateUsername('ab')).toBeNull();
    expect(validateUsername('alice.smith-2_ops')).toBeNull();
    expect(validateUsername(`a${'b'.repeat(63)}`)).toBeNull();
  });

  it('says why a name is refused', () => {
    expect(validateUsername('')).toBe('required');
    expect(validateUsername('a')).toBe('tooShort');
    expect(validateUsername(`a${'b'.repeat(64)}`)).toBe('tooLong');
    expect(validateUsername('Alice')).toBe('pattern');
    expect(validateUsername('1alice')).toBe('pattern');
    expect(validateUsername('.alice')).toBe('pattern');
    expect(validateUsername('al ice')).toBe('pattern');
    expect(validateUsername('alice@example')).toBe('pattern');
    expect(validateUsername('ålice')).toBe('pattern');
  });
});

describe('password validation (mirrors the BFF)', () => {
  it('needs 12 to 256 characters', () => {
    expect(validateNewPassword('')).toBe('required');
    expect(validateNewPassword('a'.repeat(11))).toBe('tooShort');
    expect(validateNewPassword('a'.repeat(12))).toBeNull();
    expect(validateNewPassword('a'.repeat(256))).toBeNull();
    expect(validateNewPassword('a'.repeat(257))).toBe('tooLong');
  });

  it('refuses a password of only whitespace, however long', () => {
    expect(validateNewPassword(' '.repeat(20))).toBe('onlyWhitespace');
    expect(validateNewPassword('\t\n '.repeat(5))).toBe('onlyWhitespace');
    expect(validateNewPassword(' spaced out passphrase ')).toBeNull();
  });

  it('refuses the current password as the new one, only when the current one is given', () => {
    expect(validateNewPassword('the-same-password', 'the-same-password')).toBe('sameAsCurrent');
    expect(validateNewPassword('the-same-password', 'another-password')).toBeNull();
    expect(validateNewPassword('the-same-password')).toBeNull();
    expect(validatePasswordForm('the-same-password', 'the-same-password', 'the-same-password')).toEqual({
      password: 'sameAsCurrent',
      confirmation: null,
    });
  });

  it('needs the confirmation to match exactly', () => {
    expect(validateConfirmation('correct horse battery', 'correct horse battery')).toBeNull();
    expect(validateConfirmation('correct horse battery', 'correct horse battery ')).toBe('mismatch');
    expect(validatePasswordForm('short', 'other')).toEqual({ password: 'tooShort', confirmation: 'mismatch' });
  });

  it('reports a form valid only when every field is', () => {
    const valid = {
      username: 'bob',
      role: 'viewer',
      password: 'a-long-password',
      confirmation: 'a-long-password',
    } as const;
    expect(isFormValid(validateNewUser(valid))).toBe(true);
    expect(validateNewUser({ ...valid, username: 'B' })).toEqual({
      username: 'tooShort',
      password: null,
      confirmation: null,
    });
    expect(isFormValid(validateNewUser({ ...valid, confirmation: 'different-one' }))).toBe(false);
  });
});

describe('actions on oneself', () => {
  it('blocks deleting or demoting the signed-in admin, nothing else', () => {
    expect(selfActionBlock('delete', 'root', 'root')).toBe('deleteSelf');
    expect(selfActionBlock('changeRole', 'root', 'root')).toBe('demoteSelf');
    expect(selfActionBlock('delete', 'alice', 'root')).toBeNull();
    expect(selfActionBlock('changeRole', 'alice', 'root')).toBeNull();
  });
});
