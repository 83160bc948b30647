import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { scanSource } from '../../test/helpers/source-literals.ts';
import { checkStep } from '../domain/complaints/complaint-status.ts';
import { validateCalendarSpec } from '../domain/sla/calendar-spec.ts';
import { FIELD_MESSAGE_TEXT } from './field-message-text.ts';
import { assertPasswordAllowed } from './password-policy.ts';
import { fieldErrors, findUnstorable, MAX_DEPTH, validatorCompiler } from './validation.ts';

const entryFor = (message: string) => FIELD_MESSAGE_TEXT.find((e) => e.re.test(message));

// The catch-alls: a message that lands on one of them is understood but not said in words.
const VAGUE = new Set(['格式不正确']);

/** Messages no pattern matches, with where they come from: the failure lists them all at once. */
const unmatched = (messages: { text: string; from: string }[]) =>
  messages.filter((m) => !entryFor(m.text)).map((m) => `${m.text}  (${m.from})`);

describe('FIELD_MESSAGE_TEXT covers what the services state', () => {
  const root = new URL('../..', import.meta.url).pathname;
  const { messages } = scanSource(root);

  it('finds the messages in the source (the scan itself works)', () => {
    const texts = new Set(messages.map((m) => m.text));
    expect(texts.size).toBeGreaterThan(100);
    for (const t of ['is outside your data scope', 'is below the 12 reserved for work orders'])
      expect(texts).toContain(t);
    // `${…}` in a template reads as 12.
    expect(texts).toContain('must not nest deeper than 12 levels');
  });

  it('has a pattern for every literal and template message of fieldError and { field, message }', () => {
    expect(unmatched(messages.map((m) => ({ text: m.text, from: `${m.file}:${m.line}` })))).toEqual([]);
  });

  it('has a pattern for the messages that reach a field by a variable', () => {
    const indirect: { text: string; from: string }[] = [];
    // password-policy.ts: its messages sit in a table keyed by the broken rule.
    for (const [password, username] of [
      ['short', null],
      ['1234567890', null],
      ['zhang.wei.2026', 'zhang.wei.2026'],
    ] as const) {
      try {
        assertPasswordAllowed(password, username, 'newPassword');
      } catch (e) {
        for (const d of (e as { details: { message: string }[] }).details)
          indirect.push({ text: d.message, from: 'password-policy.ts' });
      }
    }
    expect(indirect).toHaveLength(3);
    // complaint-step-kit.ts passes an invalid_value check's messageEn on as the field's message.
    const r = checkStep({
      step: 'action',
      status: 'investigating',
      compensationStatus: 'none',
      receivedAt: new Date('2026-03-02T00:00:00Z'),
      fields: {
        causeClass: 'design',
        rootCause: 'x',
        correctiveAction: 'x',
        actionOwnerUserId: 'u',
        actionDueAt: '2026-03-01T00:00:00Z',
      },
    });
    expect(r.ok === false && r.code).toBe('invalid_value');
    if (!r.ok) indirect.push({ text: r.messageEn, from: 'complaint-status.ts' });
    // domain/returns/return-validate.ts states each issue positionally (zh, messageEn), not on a route yet.
    const returns = readFileSync(new URL('../domain/returns/return-validate.ts', import.meta.url), 'utf8');
    for (const m of returns.matchAll(
      /issue\(\s*[^,]+,\s*(?:retail\s*\?\s*)?'[^']*'(?:\s*:\s*'[^']*')?,\s*(?:retail\s*\?\s*)?'([^']+)'(?:\s*:\s*'([^']+)')?/g,
    ))
      for (const text of [m[1], m[2]]) if (text) indirect.push({ text, from: 'return-validate.ts' });
    expect(indirect.filter((i) => i.from === 'return-validate.ts').length).toBeGreaterThanOrEqual(9);
    expect(unmatched(indirect)).toEqual([]);
    expect(entryFor('actionDueAt is before the complaint was received')?.zh).toBe('不能早于投诉受理时间');
  });

  it('has a pattern for real calendar problems (the scan sees 12 where a path like weeklyHours.mon is)', () => {
    const issues = validateCalendarSpec({
      timeZone: 'Mars/Olympus',
      weeklyHours: {
        mon: [
          ['08:00', '12:00'],
          ['11:00', '13:00'],
        ],
        tue: [['9', '17:00']],
        wed: [['08:00', '25:00']],
        thu: [['17:00', '08:00']],
        fri: [
          ['13:00', '17:00'],
          ['08:00', '12:00'],
        ],
        sat: 'closed',
        sun: [['08:00']],
      } as never,
      holidays: ['2026-10-01', '2026-10-01', '2026-13-01'],
      workdays: ['2026-10-01'],
    });
    expect(issues.length).toBeGreaterThan(8);
    expect(unmatched(issues.map((i) => ({ text: i.message, from: i.field })))).toEqual([]);
  });

  it('has a pattern for what validation.ts and http.ts state themselves', () => {
    const nul = findUnstorable({ a: 'x\u0000y' })!;
    let deep: unknown = 'x';
    for (let i = 0; i <= MAX_DEPTH; i++) deep = { d: deep };
    const tooDeep = findUnstorable(deep)!;
    const texts = [
      nul.message,
      tooDeep.message,
      'refers to a record that does not exist',
      'is not a valid URL component',
      'is required',
    ];
    expect(unmatched(texts.map((text) => ({ text, from: 'validation.ts / http.ts' })))).toEqual([]);
    expect(entryFor(tooDeep.message)?.zh).toBe('嵌套不能超过 {1} 层');
  });
});

describe('FIELD_MESSAGE_TEXT covers Ajv', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);

  /** Every message Ajv gives for a value failing a schema. */
  const ajvMessages = (schema: object, value: unknown) => {
    const validate = ajv.compile(schema);
    expect(validate(value)).toBe(false);
    return (validate.errors ?? []).map((e) => e.message ?? '');
  };

  const cases: [string, object, unknown][] = [
    ['type string', { type: 'string' }, 1],
    ['type integer', { type: 'integer' }, 1.5],
    ['type number', { type: 'number' }, 'x'],
    ['type boolean', { type: 'boolean' }, 'x'],
    ['type array', { type: 'array' }, 'x'],
    ['type object', { type: 'object' }, 'x'],
    ['type null', { type: 'null' }, 'x'],
    ['type string,null', { type: ['string', 'null'] }, 1],
    ['type integer,null', { type: ['integer', 'null'] }, 'x'],
    ['type null,string', { type: ['null', 'string'] }, 1],
    ['type array,object', { type: ['array', 'object'] }, 1],
    ['type of three', { type: ['integer', 'string', 'null'] }, true],
    ['enum', { enum: ['a', 'b'] }, 'c'],
    ['const', { const: 'a' }, 'b'],
    ['minLength 1', { type: 'string', minLength: 1 }, ''],
    ['minLength', { type: 'string', minLength: 3 }, 'ab'],
    ['maxLength', { type: 'string', maxLength: 3 }, 'abcd'],
    ['minimum', { type: 'number', minimum: 0 }, -1],
    ['maximum', { type: 'number', maximum: 10 }, 11],
    ['exclusiveMinimum', { type: 'number', exclusiveMinimum: 0 }, 0],
    ['exclusiveMaximum', { type: 'number', exclusiveMaximum: 10 }, 10],
    ['multipleOf', { type: 'number', multipleOf: 5 }, 7],
    ['minItems 1', { type: 'array', minItems: 1 }, []],
    ['minItems', { type: 'array', minItems: 2 }, [1]],
    ['maxItems', { type: 'array', maxItems: 1 }, [1, 2]],
    ['additionalItems', { type: 'array', items: [{ type: 'string' }], additionalItems: false }, ['a', 'b']],
    ['uniqueItems', { type: 'array', uniqueItems: true }, [1, 1]],
    ['minProperties', { type: 'object', minProperties: 1 }, {}],
    ['maxProperties', { type: 'object', maxProperties: 1 }, { a: 1, b: 2 }],
    ['required', { type: 'object', required: ['a'] }, {}],
    ['additionalProperties', { type: 'object', additionalProperties: false }, { a: 1 }],
    ['dependencies', { type: 'object', dependencies: { a: ['b'] } }, { a: 1 }],
    ['propertyNames', { type: 'object', propertyNames: { maxLength: 1 } }, { ab: 1 }],
    ['contains', { type: 'array', contains: { type: 'string' } }, [1]],
    ['anyOf', { anyOf: [{ type: 'string' }, { type: 'integer' }] }, true],
    ['oneOf', { oneOf: [{ type: 'number' }, { type: 'integer' }] }, 1],
    ['not', { not: { type: 'string' } }, 'x'],
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable.
    ['if/then', { if: { type: 'string' }, then: { minLength: 2 } }, 'x'],
    ['false schema', { type: 'object', properties: { a: false } }, { a: 1 }],
    ['format date', { type: 'string', format: 'date' }, '2026-13-01'],
    ['format date-time', { type: 'string', format: 'date-time' }, 'yesterday'],
    ['format email', { type: 'string', format: 'email' }, 'not an address'],
    ['format uuid', { type: 'string', format: 'uuid' }, '123'],
    ['format time', { type: 'string', format: 'time' }, '25:00'],
    ['format uri', { type: 'string', format: 'uri' }, 'not a uri'],
    ['format hostname', { type: 'string', format: 'hostname' }, '-x-'],
    ['format ipv4', { type: 'string', format: 'ipv4' }, '999.1.1.1'],
    ['format ipv6', { type: 'string', format: 'ipv6' }, 'x'],
    ['format byte (no words of its own)', { type: 'string', format: 'byte' }, '!!'],
    ['pattern', { type: 'string', pattern: '^[A-Za-z0-9_.-]+$' }, 'a b'],
    ['pattern of no schema of ours', { type: 'string', pattern: '^x$' }, 'y'],
  ];

  it.each(cases)('%s', (_name, schema, value) => {
    const messages = ajvMessages(schema, value);
    expect(messages.length).toBeGreaterThan(0);
    expect(unmatched(messages.map((text) => ({ text, from: 'ajv' })))).toEqual([]);
  });

  it('says the usual ones in words, not with a catch-all', () => {
    for (const [name, schema, value] of cases) {
      if (name.includes('no schema of ours') || name.includes('no words of its own')) continue;
      for (const m of ajvMessages(schema, value))
        expect(VAGUE.has(entryFor(m)!.zh), `${name}: ${m}`).toBe(false);
    }
    expect(entryFor('must be string,null')?.zh).toBe('必须是文本或空值');
    expect(entryFor('must be >= 0')?.zh).toBe('不能小于 {1}');
    expect(entryFor('must NOT have duplicate items (items ## 1 and 0 are identical)')?.zh).toBe(
      '不能有重复项',
    );
  });

  it('covers what our validator adds: storage limits, the 1900–2100 calendar, leap seconds, field names', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: { type: 'string' },
        n: { type: 'integer' },
        x: { type: 'number' },
        day: { type: 'string', format: 'date' },
        at: { type: 'string', format: 'date-time' },
      },
    };
    const run = (value: unknown) => {
      const validate = validatorCompiler({ schema, httpPart: 'body' });
      validate(value);
      return fieldErrors(validate.errors ?? []).map((e) => e.message);
    };
    const messages = [
      ...run({ name: 'a', n: 2 ** 31, x: 1e13, day: '1899-12-31', at: '2026-06-30T23:59:60Z' }),
      ...run({ name: 'a', n: -(2 ** 31) - 1, x: -1e13, day: '2101-01-01', at: '2101-01-01T00:00:00Z' }),
      ...run({ extra: 1 }),
    ];
    expect(messages).toEqual(
      expect.arrayContaining([
        'must be <= 2147483647',
        'must be >= -2147483648',
        'must match format "date"',
        'must match format "date-time"',
        'is required',
        'is not an allowed field',
      ]),
    );
    expect(unmatched(messages.map((text) => ({ text, from: 'validation.ts' })))).toEqual([]);
  });
});

describe('FIELD_MESSAGE_TEXT entries', () => {
  const groupsOf = (re: RegExp) => new RegExp(`${re.source}|`).exec('')!.length - 1;
  const placeholders = (s: string) => [...s.matchAll(/\{(?:label:)?(\d+)\}/g)].map((m) => Number(m[1]));

  it('insert only captures their pattern has', () => {
    const bad = FIELD_MESSAGE_TEXT.filter((e) =>
      [...placeholders(e.zh), ...placeholders(e.en)].some((n) => n < 1 || n > groupsOf(e.re)),
    ).map((e) => e.re.source);
    expect(bad).toEqual([]);
  });

  it('match a whole message, never a part of one', () => {
    const bad = FIELD_MESSAGE_TEXT.filter((e) => !e.re.source.startsWith('^') || !e.re.source.endsWith('$'));
    expect(bad.map((e) => e.re.source)).toEqual([]);
  });

  it('read after a label: no leading subject or space, English in lower case', () => {
    for (const e of FIELD_MESSAGE_TEXT) {
      expect(e.zh, e.re.source).toBe(e.zh.trim());
      expect(e.en, e.re.source).toBe(e.en.trim());
      expect(e.en[0], e.re.source).not.toMatch(/[A-Z]/);
    }
  });

  // Units, formats and codes a Chinese reader meets as they are.
  const ALLOWED_IN_ZH = [
    'YYYY-MM-DD',
    'YYYY-MM',
    'multipart/form-data',
    'https://',
    'http://',
    'NPS',
    'PNG',
    'IPv4',
    'IPv6',
  ];

  it('leak no English into the Chinese', () => {
    const leaks = FIELD_MESSAGE_TEXT.map((e) => {
      let zh = e.zh.replace(/\{(?:label:)?\d+\}/g, '');
      for (const a of ALLOWED_IN_ZH) zh = zh.replaceAll(a, '');
      return { zh: e.zh, leak: /[A-Za-z]{3,}/.exec(zh)?.[0] };
    }).filter((x) => x.leak);
    expect(leaks).toEqual([]);
  });
});
