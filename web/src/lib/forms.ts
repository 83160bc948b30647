import type { TFunction } from 'i18next';

type Values = Record<string, unknown>;

// Mirrors the server's password rule (10–128 characters) so the user hears about it before submitting;
// the common-password list and "not the username" are checked by the server only.
export const PASSWORD_MIN = 10;

export function newPasswordRules(t: TFunction) {
  return [
    { required: true, message: t('password.required') },
    { min: PASSWORD_MIN, message: t('password.minLength', { n: PASSWORD_MIN }) },
    { max: 128, message: t('fieldErrors.maxLength', { n: 128 }) },
  ];
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

const normalise = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

/** Create bodies leave optional fields out instead of sending empty strings the server would have to reject. */
export function createBody<T extends Values>(values: T): Partial<T> {
  const out: Values = {};
  for (const [k, v] of Object.entries(values)) {
    if (!isEmpty(v)) out[k] = normalise(v);
  }
  return out as Partial<T>;
}

/**
 * PATCH only what the user changed: untouched fields stay out of the body, and a cleared
 * field is sent as null (the API's way to clear a nullable column).
 */
export function patchBody<T extends Values>(before: T, after: T): Partial<Record<keyof T, unknown>> {
  const out: Values = {};
  for (const [k, raw] of Object.entries(after)) {
    const next = isEmpty(raw) ? null : normalise(raw);
    const prev = isEmpty(before[k]) ? null : normalise(before[k]);
    if (JSON.stringify(next) !== JSON.stringify(prev)) out[k] = next;
  }
  return out as Partial<Record<keyof T, unknown>>;
}
