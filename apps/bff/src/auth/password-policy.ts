import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's 0–4 scale: 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
const MIN_SCORE = 3;

/** zxcvbn with its common-password, name and keyboard dictionaries (the dictionaries load once). */
const estimator = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

/** zxcvbn's warning keys, said in words. */
const WARNINGS: Readonly<Record<string, string>> = {
  straightRow: 'it is a row of keys on the keyboard',
  keyPattern: 'it is a keyboard pattern',
  simpleRepeat: 'it repeats a few characters',
  extendedRepeat: 'it repeats a pattern',
  sequences: 'it is a sequence like abc or 123',
  recentYears: 'it contains a recent year',
  dates: 'it contains a date',
  topTen: 'it is one of the ten most common passwords',
  topHundred: 'it is one of the hundred most common passwords',
  common: 'it is a commonly used password',
  similarToCommon: 'it is too similar to a commonly used password',
  wordByItself: 'it is a single word',
  namesByThemselves: 'it is a name',
  commonNames: 'it is a common name',
  userInputs: 'it contains the user name',
  pwned: 'it has appeared in a data breach',
};

/**
 * Why a new password is refused, or undefined when it is acceptable: at least 12 characters, not
 * only white space, and not easy to guess (zxcvbn score ≥ 3; the user name counts as guessable).
 * Existing passwords are never re-checked, so old accounts keep signing in.
 */
export function passwordWeakness(password: string, userInputs: readonly string[] = []): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
  }
  if (password.trim() === '') return 'The password must not be only white space.';
  const result = estimator.check(password, [...userInputs]);
  if (result.score >= MIN_SCORE) return undefined;
  const reason = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
  return `The password is too easy to guess${reason ? `: ${reason}` : ''}. Use a longer phrase of unrelated words.`;
}
