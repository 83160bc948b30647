import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from './errors.ts';

// Bodies are validated strictly: no type coercion and no silent dropping of unknown fields, so a
// client bug shows up as a 400 naming the field instead of quietly stored wrong data.
const bodyAjv = new Ajv({
  allErrors: true,
  coerceTypes: false,
  removeAdditional: false,
  useDefaults: true,
  strict: false,
});
// Query strings and path params are text by nature, so they are coerced to the declared types.
const paramAjv = new Ajv({
  allErrors: true,
  coerceTypes: 'array',
  removeAdditional: false,
  useDefaults: true,
  strict: false,
});

/**
 * The calendar range every date and instant of the domain lies in. PostgreSQL stores wider ranges,
 * but years before 1900 are no machine's delivery or repair, the node driver rewrites years
 * 0001–0099 (`0050` → 1950) and day-by-day business calendars must not walk millennia.
 */
export const DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const;
const MIN_MS = Date.parse(`${DATE_RANGE.min}T00:00:00Z`);
const MAX_MS = Date.parse(`${DATE_RANGE.max}T23:59:59.999Z`);

/** Whether `YYYY-MM-DD` names a day that exists (no 2 月 30 日). */
const isRealDay = (ymd: string): boolean => {
  const [y, mo, d] = ymd.split('-').map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y, mo - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d;
};

/** `YYYY-MM-DD`, a real calendar day inside DATE_RANGE. */
export const isDomainDate = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDay(s) && s >= DATE_RANGE.min && s <= DATE_RANGE.max;

/**
 * ISO 8601 instant with an explicit offset (`Z` or `±hh:mm`), a real calendar day, no leap second
 * (JavaScript and PostgreSQL disagree on `23:59:60`), the instant inside DATE_RANGE.
 */
export const isDomainDateTime = (s: string): boolean => {
  const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):?(\d{2}))$/.exec(
    s,
  );
  if (!m) return false;
  const [h, mi, sec] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (h > 23 || mi > 59 || sec > 59) return false;
  if (m[7] && (Number(m[8]) > 14 || Number(m[9]) > 59)) return false;
  // The local calendar day must exist; its year is checked through the instant below.
  if (!isRealDay(m[1]!)) return false;
  const t = Date.parse(s);
  return Number.isFinite(t) && t >= MIN_MS && t <= MAX_MS;
};

for (const ajv of [bodyAjv, paramAjv]) {
  addFormats.default(ajv);
  ajv.addFormat('date', { type: 'string', validate: isDomainDate });
  ajv.addFormat('date-time', { type: 'string', validate: isDomainDateTime });
}

// PostgreSQL `integer` columns; a schema that declares no bound of its own gets these, so 2^31 in
// `version` is a 400 and not "integer out of range" from the database.
export const INT_MAX = 2_147_483_647;
export const INT_MIN = -2_147_483_648;
// Unbounded numbers (hours, weights, shares) stay far inside what a double column and arithmetic hold.
export const NUMBER_LIMIT = 1e12;

/**
 * A copy of a request schema with the database's limits added where the schema names none. The
 * route's own schema objects stay untouched (they are shared with OpenAPI and the responses).
 */
export const withStorageLimits = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(withStorageLimits);
  if (!schema || typeof schema !== 'object') return schema;
  const src = schema as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(src)) {
    // `properties` maps field names to schemas; `enum`/`const`/`default`/`examples` are values.
    if (k === 'enum' || k === 'const' || k === 'default' || k === 'examples') out[k] = v;
    else if ((k === 'properties' || k === 'patternProperties' || k === '$defs') && v && typeof v === 'object')
      out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, withStorageLimits(s)]));
    else out[k] = withStorageLimits(v);
  }
  const types = Array.isArray(src.type) ? src.type : [src.type];
  const bounded = (lo: number, hi: number) => {
    if (out.maximum === undefined && out.exclusiveMaximum === undefined) out.maximum = hi;
    if (out.minimum === undefined && out.exclusiveMinimum === undefined) out.minimum = lo;
  };
  if (types.includes('integer')) bounded(INT_MIN, INT_MAX);
  else if (types.includes('number')) bounded(-NUMBER_LIMIT, NUMBER_LIMIT);
  return out;
};

export const validatorCompiler = ({ schema, httpPart }: { schema: object; httpPart?: string }) =>
  (httpPart === 'body' ? bodyAjv : paramAjv).compile(withStorageLimits(schema) as object);

/** How deep a JSON body may nest; no request of this API comes near it. */
export const MAX_DEPTH = 32;

/**
 * The first place in a parsed body, query or params where text cannot be stored: a NUL character
 * (PostgreSQL text and jsonb refuse it) in a value or a key, or nesting deeper than MAX_DEPTH.
 * Iterative, so a hostile nesting cannot overflow the stack.
 */
export const findUnstorable = (value: unknown): FieldError | null => {
  const stack: [unknown, string[]][] = [[value, []]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    // The field name is only spelt out for the answer, not for every value walked.
    const field = () => path.join('.') || '(body)';
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { field: field(), message: 'must not contain a NUL character' };
    } else if (v && typeof v === 'object') {
      if (path.length >= MAX_DEPTH)
        return { field: field(), message: `must not nest deeper than ${MAX_DEPTH} levels` };
      const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
      for (const [k, x] of entries) {
        if (k.includes('\u0000'))
          return {
            field: [...path, k.replaceAll('\u0000', '\\u0000')].join('.'),
            message: 'must not contain a NUL character',
          };
        stack.push([x, [...path, k]]);
      }
    }
  }
  return null;
};

/**
 * Every request, whatever its route's schemas, is refused before validation and the handler when
 * a body, query or path value holds something the database cannot store.
 */
export const registerInputGuards = (app: FastifyInstance) => {
  app.addHook('preValidation', async (req) => {
    const parts = [
      ['params', req.params],
      ['querystring', req.query],
      ['body', req.body],
    ] as const;
    for (const [part, value] of parts) {
      const bad = findUnstorable(value);
      if (!bad) continue;
      const field = part === 'body' ? bad.field : bad.field === '(body)' ? part : `${part}.${bad.field}`;
      throw new AppError('validation_failed', {
        message: `${field}: ${bad.message}`,
        details: [{ field, message: bad.message }],
      });
    }
  });
};

const pointerToField = (p: string) => p.replace(/^\//, '').replace(/\//g, '.');

/** Turns ajv errors into `{field, message}` with dotted field paths (`regions.0`). */
export const fieldErrors = (errors: ErrorObject[], prefix?: string): FieldError[] => {
  const out: (FieldError & { vague: boolean })[] = [];
  for (const e of errors) {
    let field = pointerToField(e.instancePath);
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      field = field ? `${field}.${missing}` : missing;
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      field = field ? `${field}.${extra}` : extra;
      message = 'is not an allowed field';
    }
    if (prefix && prefix !== 'body') field = field ? `${prefix}.${field}` : prefix;
    field ||= '(body)';
    // A nullable or union field that fails reports every branch (`must be >= 0`, `must be null`,
    // `must match a schema in anyOf`): one message a field, the first that says what is wrong.
    const vague =
      e.keyword === 'anyOf' || e.keyword === 'oneOf' || (e.keyword === 'type' && /null/.test(message));
    const seen = out.findIndex((o) => o.field === field);
    if (seen < 0) out.push({ field, message, vague });
    else if (out[seen]!.vague && !vague) out[seen] = { field, message, vague };
  }
  return out.map(({ field, message }) => ({ field, message }));
};
