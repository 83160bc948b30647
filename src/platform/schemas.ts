import { type TSchema, Type } from '@sinclair/typebox';

// Small building blocks shared by every module's TypeBox schemas.
export const Uuid = Type.String({ format: 'uuid' });
export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** A short single-line text with a limit, so oversize input is a 400 and never a huge row. */
export const Text = (max = 200, min = 0) => Type.String({ minLength: min, maxLength: max });
export const Code = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$' });
export const Phone = Type.String({ maxLength: 40, pattern: '^[0-9+()\\- ]*$' });
export const Email = Type.String({ maxLength: 200, format: 'email' });
// The rules (≥ 10 characters, not a common password, not the username) are checked by the service with
// their own error codes (src/platform/password-policy.ts), so a refusal names the rule in zh/en.
export const Password = Type.String({
  minLength: 1,
  maxLength: 128,
  description: 'at least 10 characters; not on the common-password list; not the username',
});
export const Version = Type.Integer({ minimum: 1 });

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const PageQuery = {
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer() });

export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Any() }),
});

/** Error responses every authenticated route can give; listed so OpenAPI shows them. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
};

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** A calendar date (`2026-03-01`) or an instant; dates mean local midnight in the business zone. */
export const DateOrTime = Type.Union([Type.String({ format: 'date' }), Type.String({ format: 'date-time' })]);

// Asia/Shanghai has had no DST since 1991, so a fixed offset is exact for the default business zone.
export const toInstant = (value: string): Date =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value);

export const toInstantOrNull = (value: string | null | undefined): Date | null | undefined =>
  value === undefined ? undefined : value === null ? null : toInstant(value);
