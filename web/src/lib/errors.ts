import type { FormInstance } from 'antd';
import { App } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { formatTime } from './time';

// Codes whose server text is either internal or not localised; everything else shows the server's message.
const TRANSLATED = new Set([
  'invalid_credentials',
  'rate_limited',
  'version_conflict',
  'forbidden',
  'unauthenticated',
  'internal',
]);

export function errorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'network_error') return t('errors.network');
    if (err.code === 'account_locked') {
      const until = (err.details as { lockedUntil?: unknown } | null)?.lockedUntil;
      return typeof until === 'string'
        ? t('errors.account_locked', { until: formatTime(until) })
        : t('errors.account_locked_plain');
    }
    if (err.code === 'login_throttled') {
      const n = (err.details as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
      if (typeof n === 'number') return t('errors.login_throttled', { n });
    }
    if (TRANSLATED.has(err.code)) return t(`errors.${err.code}`);
    return err.message || t('errors.unknown');
  }
  return err instanceof Error && err.message ? err.message : t('errors.unknown');
}

type NamePath = string | (string | number)[];

/** Server field paths may come as `email`, `/email` or `body.email`; the form knows fields by bare name. */
function matchField(field: string, values: Record<string, unknown>): NamePath | undefined {
  const known = new Set(Object.keys(values));
  const bare = field.replace(/^\/?(body[./])?/, '').replace(/\//g, '.');
  const parts = bare.split('.');
  // `contacts.0.phone` is a field inside a Form.List row: address that row's own input.
  const head = parts[0] ?? bare;
  const list = values[head];
  if (parts.length > 2 && Array.isArray(list) && typeof list[0] === 'object') {
    return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  }
  // `regions.0` belongs to the `regions` field; `address.city` would belong to `city` if that exists.
  return [field, bare, head, parts[parts.length - 1] ?? bare].find((f) => known.has(f));
}

// Error answers arrive already in the UI's language (the client sends Accept-Language) with each
// field's message translated. Import results are stored rows, kept in the server's English wording:
// those are translated here.
const FIELD_MESSAGES: [RegExp, string][] = [
  [/^is required$/, 'required'],
  [/^is already taken$/, 'taken'],
  [/^is not an allowed field$/, 'notAllowed'],
  [/^refers to a record that does not exist$/, 'missingRef'],
  [/^is not a known role$/, 'unknownRole'],
  [/^is required for a dealer role$/, 'dealerRequired'],
  [/^is outside your data scope$/, 'outOfScope'],
  [/^is wrong$/, 'wrong'],
  [/^must differ from the current password$/, 'samePassword'],
  [/^cannot be the department itself$/, 'selfParent'],
  [/^the admin role keeps every permission$/, 'adminPermissions'],
  [/^you cannot deactivate yourself or change your own role$/, 'selfChange'],
  [/^must NOT have fewer than (\d+) characters$/, 'minLength'],
  [/^must NOT have more than (\d+) characters$/, 'maxLength'],
  [/^must match (format|pattern)/, 'format'],
  // A nullable field with a pattern (phone) reports its pattern failure this way.
  [/^must match a schema in anyOf$/, 'format'],
  [/^is used twice$/, 'usedTwice'],
  [/^is below the earlier reading of ([\d.]+) h$/, 'hoursBelow'],
  [/^is above the later reading of ([\d.]+) h$/, 'hoursAbove'],
  [/^is in the future$/, 'future'],
  [/^must not be negative$/, 'negative'],
  [/^is not a plan of the warranty policy$/, 'notAPlan'],
  [/^has no current warranty policy$/, 'noPolicy'],
  [/^is required for a replaced part$/, 'partRequired'],
  [/^is already archived$/, 'alreadyArchived'],
  [/^must be at least (\d+) characters$/, 'passwordTooShort'],
  [/^is a commonly used password$/, 'passwordCommon'],
  [/^must not be the username$/, 'passwordIsUsername'],
];

export function fieldMessage(t: TFunction, message: string): string {
  for (const [re, key] of FIELD_MESSAGES) {
    const m = re.exec(message);
    if (m) return t(`fieldErrors.${key}`, { n: m[1], defaultValue: message });
  }
  return message;
}

export interface HandleOptions {
  form?: FormInstance;
  /** Called on 409 version_conflict so the caller can reload the record. */
  onConflict?: () => void;
}

export function useApiErrorHandler(): (err: unknown, opts?: HandleOptions) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (err: unknown, opts: HandleOptions = {}) => {
      // The client already sends the user to the login page; a toast on top of that is noise.
      if (err instanceof ApiError && err.status === 401 && err.code !== 'invalid_credentials') return;
      if (err instanceof ApiError && err.code === 'version_conflict') {
        void message.warning(t('errors.version_conflict'), 6);
        opts.onConflict?.();
        return;
      }
      if (err instanceof ApiError && opts.form) {
        const form = opts.form;
        const values = form.getFieldsValue() as Record<string, unknown>;
        const fields = err.fieldErrors.flatMap((fe) => {
          const name = matchField(fe.field, values);
          return name ? [{ name, errors: [fe.message] }] : [];
        });
        if (fields.length > 0) form.setFields(fields);
        // Once every field the server named is marked on the form itself, a pointer to the red
        // fields says the same as the server's sentence, where the user is looking.
        if (err.status === 400 && fields.length > 0 && fields.length === err.fieldErrors.length) {
          void message.error(t('errors.checkFields'));
          return;
        }
      }
      void message.error(errorText(t, err));
    },
    [message, t],
  );
}

/** A list or detail query that failed in the background: say so once, keep showing what we had. */
export function useReportError(error: unknown): void {
  const handleError = useApiErrorHandler();
  useEffect(() => {
    if (error) handleError(error);
  }, [error, handleError]);
}
