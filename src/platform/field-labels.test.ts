import { describe, expect, it } from 'vitest';
import { fieldNamesOf, scanSource } from '../../test/helpers/source-literals.ts';
import { FIELD_LABELS } from './field-labels.ts';

// The request's own names are checked against the OpenAPI document in
// test/integration/field-labels.test.ts (so are the import columns); these are the names the services add.
describe('FIELD_LABELS', () => {
  const root = new URL('../..', import.meta.url).pathname;

  it('names every field the services put in a refusal (fieldError, { field, message })', () => {
    const { fields } = scanSource(root);
    expect(fields.length).toBeGreaterThan(100);
    const missing = fields.flatMap((f) =>
      fieldNamesOf(f.text)
        .filter((n) => !FIELD_LABELS[n])
        .map((n) => `${n}  (${f.file}:${f.line})`),
    );
    expect(missing).toEqual([]);
  });

  it('says every name in words, short, English in lower case but for names and abbreviations', () => {
    const PROPER =
      /\b(English|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|URL|SLA|QR|ID|CNY)\b/g;
    for (const [name, { zh, en }] of Object.entries(FIELD_LABELS)) {
      expect(zh.trim(), name).toBe(zh);
      expect(en.trim(), name).toBe(en);
      expect(zh.length, name).toBeGreaterThan(0);
      expect(zh.length, name).toBeLessThanOrEqual(16);
      expect(en.replace(PROPER, ''), name).toBe(en.replace(PROPER, '').toLowerCase());
      // `Fen` fields are kept in fen: a label saying 元 would misstate the unit.
      if (name.endsWith('Fen')) expect(zh, name).not.toMatch(/元/);
    }
  });

  it('leaks no English into the Chinese', () => {
    const ALLOWED_IN_ZH = ['Webhook'];
    const leaks = Object.entries(FIELD_LABELS).filter(([, { zh }]) => {
      let rest = zh;
      for (const a of ALLOWED_IN_ZH) rest = rest.replaceAll(a, '');
      return /[A-Za-z]{3,}/.test(rest);
    });
    expect(leaks).toEqual([]);
  });
});
