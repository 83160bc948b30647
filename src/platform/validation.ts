import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FieldError } from './errors.ts';

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
for (const ajv of [bodyAjv, paramAjv]) addFormats.default(ajv);

export const validatorCompiler = ({ schema, httpPart }: { schema: object; httpPart?: string }) =>
  (httpPart === 'body' ? bodyAjv : paramAjv).compile(schema);

const pointerToField = (p: string) => p.replace(/^\//, '').replace(/\//g, '.');

/** Turns ajv errors into `{field, message}` with dotted field paths (`regions.0`). */
export const fieldErrors = (errors: ErrorObject[], prefix?: string): FieldError[] => {
  const out: FieldError[] = [];
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
    if (!out.some((o) => o.field === field && o.message === message))
      out.push({ field: field || '(body)', message });
  }
  return out;
};
