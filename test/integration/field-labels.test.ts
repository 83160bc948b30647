import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORTERS } from '../../src/modules/imports/importers.ts';
import { FIELD_LABELS } from '../../src/platform/field-labels.ts';
import { FIELD_MESSAGE_TEXT } from '../../src/platform/field-message-text.ts';
import { startTestApp } from '../helpers/test-app.ts';

type Schema = Record<string, unknown>;

/** Every request of the API as the OpenAPI document states it: parameters and body schemas. */
const requestParts = (doc: { paths: Record<string, Record<string, Schema>> }) => {
  const params: { name: string; where: string }[] = [];
  const bodies: { schema: unknown; where: string }[] = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      const where = `${method.toUpperCase()} ${path}`;
      for (const p of (op.parameters ?? []) as { name: string; schema?: unknown }[]) {
        params.push({ name: p.name, where });
        bodies.push({ schema: p.schema, where });
      }
      if (op.requestBody) bodies.push({ schema: op.requestBody, where });
    }
  return { params, bodies };
};

/** Walks a schema: `visit` sees every sub-schema; property names are keys, not schemas. */
const walk = (s: unknown, visit: (s: Schema) => void) => {
  if (!s || typeof s !== 'object') return;
  if (Array.isArray(s)) {
    for (const x of s) walk(x, visit);
    return;
  }
  const o = s as Schema;
  visit(o);
  for (const [k, v] of Object.entries(o)) {
    if (k === 'enum' || k === 'const' || k === 'default' || k === 'examples' || k === 'example') continue;
    if (k === 'properties' && v && typeof v === 'object')
      for (const sub of Object.values(v as Schema)) walk(sub, visit);
    else walk(v, visit);
  }
};

describe('field labels and message texts against the app (OpenAPI document, imports)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let doc: { paths: Record<string, Record<string, Schema>> };
  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(() => t.close());

  it('has a label for every request property and every query and path parameter', () => {
    const { params, bodies } = requestParts(doc);
    const where = new Map<string, string>();
    for (const p of params) if (!where.has(p.name)) where.set(p.name, p.where);
    for (const b of bodies)
      walk(b.schema, (s) => {
        if (s.properties && typeof s.properties === 'object')
          for (const name of Object.keys(s.properties)) if (!where.has(name)) where.set(name, b.where);
      });
    expect(where.size).toBeGreaterThan(200);
    const missing = [...where].filter(([name]) => !FIELD_LABELS[name]).map(([name, w]) => `${name}  (${w})`);
    expect(missing).toEqual([]);
  });

  it('says every pattern and format of the request schemas in words, not with the catch-all', () => {
    const { bodies } = requestParts(doc);
    const messages = new Set<string>();
    for (const b of bodies)
      walk(b.schema, (s) => {
        if (typeof s.pattern === 'string') messages.add(`must match pattern "${s.pattern}"`);
        if (typeof s.format === 'string') messages.add(`must match format "${s.format}"`);
      });
    expect(messages.size).toBeGreaterThan(5);
    const vague = [...messages].filter((m) => {
      const e = FIELD_MESSAGE_TEXT.find((x) => x.re.test(m));
      return !e || e.zh === '格式不正确';
    });
    expect(vague).toEqual([]);
  });

  it('names every column of the spreadsheet imports (their row errors name the column)', () => {
    const missing = Object.values(IMPORTERS)
      .flatMap((i) => Object.keys(i.columns))
      .filter((n) => !FIELD_LABELS[n]);
    expect(missing).toEqual([]);
  });
});
