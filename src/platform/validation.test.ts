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
  it('defaults to Chinese and lists the fields', () => {
    expect(langFrom(undefined)).toBe('zh');
    expect(langFrom('zh-CN,zh;q=0.9')).toBe('zh');
    expect(langFrom('en-GB')).toBe('en');
    expect(messageFor('validation_failed', 'zh', ['name', 'code'])).toBe('输入有误：name、code');
    expect(messageFor('validation_failed', 'en', ['name'])).toBe('Invalid input: name');
  });
});
