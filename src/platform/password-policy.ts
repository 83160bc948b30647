import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from './errors.ts';

/** Characters (code points, so 中文 counts one each) a new password needs at least. */
export const PASSWORD_MIN_LENGTH = 10;

export type PasswordProblem = 'too_short' | 'too_common' | 'same_as_username';

// zxcvbn-ts's list of ~49,000 passwords seen most often in breaches; built once, on first use.
let common: ReadonlySet<string> | null = null;
const commonPasswords = (): ReadonlySet<string> => {
  common ??= new Set(dictionary.passwords.map((p) => p.toLowerCase()));
  return common;
};

/**
 * Why a password may not be set, or null when it may. Applies to every password a person or the
 * bootstrap sets; existing passwords are never re-checked at login (the demo logins keep working).
 */
export const passwordProblem = (password: string, username: string | null): PasswordProblem | null => {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'too_short';
  const lower = password.toLowerCase();
  if (username && lower === username.toLowerCase()) return 'same_as_username';
  if (commonPasswords().has(lower)) return 'too_common';
  return null;
};

const FIELD_MESSAGE: Record<PasswordProblem, string> = {
  too_short: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
  too_common: 'is a commonly used password',
  same_as_username: 'must not be the username',
};

const CODE = {
  too_short: 'password_too_short',
  too_common: 'password_too_common',
  same_as_username: 'password_same_as_username',
} as const;

/** Throws a 400 naming the broken rule (zh/en message by code, the field in details). */
export const assertPasswordAllowed = (password: string, username: string | null, field: string): void => {
  const problem = passwordProblem(password, username);
  if (!problem) return;
  throw new AppError(CODE[problem], {
    message: `${field}: ${FIELD_MESSAGE[problem]}`,
    details: [{ field, message: FIELD_MESSAGE[problem], rule: problem, minLength: PASSWORD_MIN_LENGTH }],
  });
};
