// One error type for every expected failure; its code maps to an HTTP status in exactly one place.
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  // A cookie-authenticated change sent from another site (CSRF).
  csrf_rejected: 403,
  not_found: 404,
  route_not_found: 404,
  version_conflict: 409,
  invalid_state: 409,
  duplicate: 409,
  insufficient_stock: 409,
  paperwork_blocked: 409,
  // A one-time link that was used or has expired (survey links).
  gone: 410,
  account_locked: 423,
  // Password rules (src/platform/password-policy.ts) and the must-change gate; the login delay per client.
  password_too_short: 400,
  password_too_common: 400,
  password_same_as_username: 400,
  password_change_required: 403,
  login_throttled: 429,
  payload_too_large: 413,
  uri_too_long: 414,
  headers_too_large: 431,
  request_timeout: 408,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldError = { field: string; message: string };

/** What a person reads, zh-CN and English; the answer carries the caller's language. */
export type UserMessage = { zh: string; en: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** Message safe to show users, in both languages; `message` (internal) goes to logs only. */
  readonly userMessage: UserMessage | undefined;

  constructor(
    code: ErrorCode,
    opts: { message?: string; userMessage?: UserMessage; details?: unknown } = {},
  ) {
    super(opts.message ?? opts.userMessage?.en ?? code);
    this.code = code;
    this.details = opts.details ?? null;
    this.userMessage = opts.userMessage;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (entity: string, id?: string) =>
  new AppError('not_found', {
    message: `${entity} ${id ?? ''} not found`,
    details: { entity, id: id ?? null },
  });

export const forbidden = (action: string) =>
  new AppError('forbidden', { message: `missing permission ${action}`, details: { permission: action } });

/** Missing every one of several permissions that would each allow the step. */
export const forbiddenAny = (actions: string[]) =>
  new AppError('forbidden', {
    message: `missing one of ${actions.join(', ')}`,
    details: { permission: actions.join('|') },
  });

export const fieldError = (field: string, message: string) =>
  new AppError('validation_failed', { message: `${field}: ${message}`, details: [{ field, message }] });

/**
 * One record refused by a create rule that checks many records at once (an Excel import, or a
 * single create through the same rule): the field and message a single create answers with.
 */
export type Refusal = FieldError & { code: 'validation_failed' | 'duplicate' };

/** The outcome of one record of a batch create: created, refused by a rule, or taken meanwhile. */
export type Created<Row> = { row: Row } | { refusal: Refusal } | { lost: true };

/** The error a single create throws for a refusal (the same as the checks threw one by one). */
export const refusalError = (r: Refusal) =>
  r.code === 'duplicate'
    ? new AppError('duplicate', { details: [{ field: r.field, message: r.message }] })
    : fieldError(r.field, r.message);

/** A single create's record: the row, or the refusal thrown (a record taken meanwhile as `lost`). */
export const createdOrThrow = <Row>(c: Created<Row> | undefined, lost: Refusal): Row => {
  if (!c) throw new Error('a batch create answered fewer records than it was given');
  if ('row' in c) return c.row;
  throw refusalError('refusal' in c ? c.refusal : lost);
};

export const versionConflict = (entity: string, id: string, current: number | null) =>
  new AppError('version_conflict', {
    message: `${entity} ${id} was changed by someone else`,
    details: { entity, id, currentVersion: current },
  });

export function assertUnreachable(x: never): never {
  throw new Error(`unreachable: ${JSON.stringify(x)}`);
}
