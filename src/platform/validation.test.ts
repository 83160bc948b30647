import { describe, expect, it } from 'vitest';
import { langFrom, messageFor } from './messages.ts';
import { fieldErrors, validatorCompiler } from './validation.ts';

const errorsOf = (schema: object, value: unknown, httpPart = 'body') => {
  const validate = validatorCompiler({ schema, httpPart });
  validate(value);
  return fieldErrors(validate.errors ?? [], httpPart);
};

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', maxLength: 3 },
    n: { type: 'integer' },
    tags: { type: 'array', items: { type: 'string' } },
  },
};

describe('fieldErrors', () => {
  it('names missing, unknown, wrong-typed and nested fields', () => {
    expect(errorsOf(schema, { n: 1 })).toEqual([{ field: 'name', message: 'is required' }]);
    expect(errorsOf(schema, { name: 'a', x: 1 })).toEqual([
      { field: 'x', message: 'is not an allowed field' },
    ]);
    expect(errorsOf(schema, { name: 'abcd' })[0]!.field).toBe('name');
    expect(errorsOf(schema, { name: 'a', tags: ['ok', 3] })[0]!.field).toBe('tags.1');
  });

  it('does not coerce bodies but does coerce query strings', () => {
    expect(errorsOf(schema, { name: 'a', n: '5' })[0]!.field).toBe('n');
    expect(errorsOf(schema, { name: 'a', n: '5' }, 'querystring')).toEqual([]);
    expect(errorsOf(schema, { name: 'a', n: 'x' }, 'querystring')[0]!.field).toBe('querystring.n');
  });
});

describe('messages', () => {
  it('defaults to Chinese and says what is wrong with each field', () => {
    expect(langFrom(undefined)).toBe('zh');
    expect(langFrom('zh-CN,zh;q=0.9')).toBe('zh');
    expect(langFrom('en-GB')).toBe('en');
    expect(messageFor('validation_failed', 'zh', ['名称不能为空', '编码已被占用'])).toBe(
      '输入有误：名称不能为空；编码已被占用',
    );
    expect(messageFor('validation_failed', 'en', ['name is required'])).toBe(
      'Invalid input: name is required',
    );
  });
});

describe('storage limits', () => {
  it('dates and instants inside the domain range, no leap second, an explicit offset', async () => {
    const { isDomainDate, isDomainDateTime } = await import('./validation.ts');
    expect(isDomainDate('2026-03-01')).toBe(true);
    expect(isDomainDate('1900-01-01')).toBe(true);
    expect(isDomainDate('2100-12-31')).toBe(true);
    for (const bad of [
      '0000-01-01',
      '0050-06-15',
      '1899-12-31',
      '2101-01-01',
      '2026-02-29',
      '2026-13-01',
      '26-03-01',
    ])
      expect(isDomainDate(bad), bad).toBe(false);
    expect(isDomainDateTime('2026-03-01T08:00:00+08:00')).toBe(true);
    expect(isDomainDateTime('2026-03-01T08:00:00.5Z')).toBe(true);
    for (const bad of [
      '2026-06-30T23:59:60Z',
      '0000-01-01T00:00:00Z',
      '2026-03-01T08:00:00',
      '2026-03-01T24:00:00Z',
      '2026-03-01T08:00:00+08',
      '2026-03-01T08:00:00+15:00',
      '2026-02-30T08:00:00Z',
    ])
      expect(isDomainDateTime(bad), bad).toBe(false);
  });

  it('integers without bounds get the integer column range; explicit bounds stay', () => {
    const s = {
      type: 'object',
      properties: { version: { type: 'integer', minimum: 1 }, n: { type: 'integer' }, h: { type: 'number' } },
    };
    expect(errorsOf(s, { version: 2 ** 31 })[0]!.field).toBe('version');
    expect(errorsOf(s, { version: 2 ** 31 - 1 })).toEqual([]);
    expect(errorsOf(s, { n: -(2 ** 31) - 1 })[0]!.field).toBe('n');
    expect(errorsOf(s, { h: 1e308 })[0]!.field).toBe('h');
    expect((s.properties.n as Record<string, unknown>).maximum).toBeUndefined();
  });

  it('finds NUL characters and deep nesting without recursion', async () => {
    const { findUnstorable } = await import('./validation.ts');
    expect(findUnstorable({ a: [{ b: 'x\u0000' }] })).toMatchObject({ field: 'a.0.b' });
    expect(findUnstorable({ 'k\u0000': 1 })).toMatchObject({ field: 'k\\u0000' });
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorable(deep)?.message).toMatch(/nest/);
    expect(findUnstorable({ a: 'fine', b: [1, null, true] })).toBeNull();
  });
});
