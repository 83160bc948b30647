import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { assertPasswordAllowed, PASSWORD_MIN_LENGTH, passwordProblem } from './password-policy.ts';

describe('password policy', () => {
  it('needs at least 10 characters, counted as characters, not bytes', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(passwordProblem('Xy#7pq2Lm', 'u')).toBe('too_short');
    expect(passwordProblem('Xy#7pq2Lmz', 'u')).toBeNull();
    // Nine Chinese characters are nine characters (27 bytes in UTF-8): still too short.
    expect(passwordProblem('售后服务管理系统好', 'u')).toBe('too_short');
    expect(passwordProblem('售后服务管理系统真好用', 'u')).toBeNull();
  });

  it('refuses the common-password list, whatever the case', () => {
    // The reproductions of issue 11 are both refused (the first for its length already).
    expect(passwordProblem('12345678', 'u')).toBe('too_short');
    expect(passwordProblem('password', 'u')).toBe('too_short');
    expect(passwordProblem('1234567890', 'u')).toBe('too_common');
    expect(passwordProblem('password123', 'u')).toBe('too_common');
    expect(passwordProblem('PassWord123', 'u')).toBe('too_common');
    expect(passwordProblem('QWERTYUIOP', 'u')).toBe('too_common');
    expect(passwordProblem('Passw0rd!x', 'u')).toBeNull();
  });

  it('refuses the username itself, whatever the case', () => {
    expect(passwordProblem('administrator', 'Administrator')).toBe('same_as_username');
    expect(passwordProblem('zhangsan2026', 'ZhangSan2026')).toBe('same_as_username');
    expect(passwordProblem('zhangsan2026!', 'zhangsan2026')).toBeNull();
  });

  it('throws a 400 with a code naming the rule and the field in details', () => {
    const err = (() => {
      try {
        assertPasswordAllowed('1234567890', 'u', 'newPassword');
      } catch (e) {
        return e as AppError;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(AppError);
    expect(err!.code).toBe('password_too_common');
    expect(err!.status).toBe(400);
    expect(err!.details).toEqual([
      { field: 'newPassword', message: 'is a commonly used password', rule: 'too_common', minLength: 10 },
    ]);
    expect(() => assertPasswordAllowed('Xy#7pq2Lmz', 'u', 'password')).not.toThrow();
  });
});
