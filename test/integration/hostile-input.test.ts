import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

// Issue 11, item 2: every operation of the published OpenAPI document is driven with a fixed set of
// hostile values, one parameter or field at a time on an otherwise well-formed request, as an
// administrator (and anonymously for the public ones). No answer may be a 5xx, every refusal has the
// contract's error shape, and a refused request changes no record.

type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  nullable?: boolean;
  default?: unknown;
  const?: unknown;
};
type Param = { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: Schema };
type Operation = {
  parameters?: Param[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};

const MISSING_ID = '00000000-0000-4000-8000-00000000abcd';
const NUL = 'a\u0000b';

/** A value the schema accepts, so that only the one hostile field is wrong. */
const sample = (s: Schema, depth = 0): unknown => {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return sample(alt.find((a) => a.type !== 'null') ?? alt[0]!, depth);
  if (s.allOf) return sample(s.allOf[0]!, depth);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'string': {
      if (s.format === 'uuid') return MISSING_ID;
      if (s.format === 'date') return '2026-03-01';
      if (s.format === 'date-time') return '2026-03-01T08:00:00+08:00';
      if (s.format === 'email') return 'a@example.com';
      const len = Math.max(s.minLength ?? 1, 1);
      const re = s.pattern ? new RegExp(s.pattern) : null;
      for (const c of ['x', '1', 'A', 'a1', '08:00']) {
        const v = c.length >= len ? c : c.repeat(Math.ceil(len / c.length)).slice(0, len);
        if (!re || re.test(v)) return v;
      }
      return 'x'.repeat(len);
    }
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, (s.exclusiveMinimum ?? 0) + 1, 1);
    case 'boolean':
      return false;
    case 'array':
      return depth > 4 || !s.items
        ? []
        : Array.from({ length: s.minItems ?? 0 }, () => sample(s.items!, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? []) out[k] = sample(s.properties?.[k] ?? {}, depth + 1);
      return out;
    }
    default:
      return null;
  }
};

const deep = (n: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
};

const typeOf = (s: Schema): string => {
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return typeOf(alt.find((a) => a.type !== 'null') ?? alt[0]!);
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (t === 'string' && (s.format === 'date' || s.format === 'date-time')) return 'date';
  return t ?? 'any';
};

// The fixed hostile values: the same for every field of a kind, a few that apply to any field.
const HOSTILE_BODY: Record<string, unknown[]> = {
  string: [NUL, 'x'.repeat(6000), 42],
  date: ['0000-01-01T00:00:00Z', '0050-06-15', '2026-06-30T23:59:60Z', NUL],
  integer: [2 ** 31, -1, 1e308],
  number: [1e308, -1],
  boolean: ['true'],
  array: ['x', [NUL]],
  object: [[], deep(40)],
  any: [NUL, deep(40)],
};
const HOSTILE_PATH = ['a%00b', 'x'.repeat(3000), '0000-01-01', '2147483648'];
const HOSTILE_QUERY = [
  'a%00b',
  'x'.repeat(3000),
  '0000-01-01T00:00:00Z',
  '2026-06-30T23:59:60Z',
  '2147483648',
  '1e308',
];

type Probe = { method: string; path: string; body?: unknown; raw?: string; label: string };

const fillPath = (path: string, params: Param[], hostile?: { name: string; value: string }) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (hostile && hostile.name === name) return hostile.value;
    const p = params.find((x) => x.in === 'path' && x.name === name);
    const v = p ? sample(p.schema) : MISSING_ID;
    return encodeURIComponent(String(v));
  });

const queryString = (params: Param[], hostile?: { name: string; value: string }) => {
  const parts: string[] = [];
  for (const p of params.filter((x) => x.in === 'query')) {
    if (hostile && p.name === hostile.name) parts.push(`${encodeURIComponent(p.name)}=${hostile.value}`);
    else if (p.required && p.schema.default === undefined)
      parts.push(`${encodeURIComponent(p.name)}=${encodeURIComponent(String(sample(p.schema)))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
};

/** Every hostile request of one operation. */
const probesOf = (method: string, path: string, op: Operation): Probe[] => {
  const params = op.parameters ?? [];
  const out: Probe[] = [];
  const schema = op.requestBody?.content['application/json']?.schema;
  const base = schema ? (sample(schema) as Record<string, unknown>) : undefined;
  const url = (h?: { name: string; value: string }, inPath = false) =>
    fillPath(path, params, inPath ? h : undefined) + queryString(params, inPath ? undefined : h);

  for (const p of params.filter((x) => x.in === 'path'))
    for (const v of HOSTILE_PATH)
      out.push({
        method,
        path: url({ name: p.name, value: encodeURIComponent(v) }, true),
        body: base,
        label: `path ${p.name}=${v.slice(0, 20)}`,
      });
  for (const p of params.filter((x) => x.in === 'query'))
    for (const v of HOSTILE_QUERY)
      out.push({
        method,
        path: url({ name: p.name, value: encodeURIComponent(v) }),
        body: base,
        label: `query ${p.name}=${v.slice(0, 20)}`,
      });
  // A scalar given twice arrives as an array.
  for (const p of params.filter((x) => x.in === 'query').slice(0, 1))
    out.push({
      method,
      path: `${url()}${url().includes('?') ? '&' : '?'}${p.name}=1&${p.name}=2`,
      body: base,
      label: `query ${p.name} twice`,
    });
  if (schema && base && typeof base === 'object' && !Array.isArray(base)) {
    const u = url();
    out.push({ method, path: u, body: { ...base, unknownField: 1 }, label: 'body unknown field' });
    out.push({ method, path: u, body: [base], label: 'body as array' });
    out.push({ method, path: u, raw: '{"a":', label: 'body bad JSON' });
    out.push({ method, path: u, raw: `${'['.repeat(5000)}${']'.repeat(5000)}`, label: 'body deep' });
    for (const [name, fs] of Object.entries(schema.properties ?? {}))
      for (const v of HOSTILE_BODY[typeOf(fs)] ?? HOSTILE_BODY.any!)
        out.push({
          method,
          path: u,
          body: { ...base, [name]: v },
          label: `body ${name}=${JSON.stringify(v).slice(0, 20)}`,
        });
  }
  return out;
};

let t: TestApp;
let admin: string;
let digestSql: string;

/** Row count, latest change and version sum of every business table (sessions and logins aside). */
const digest = async (): Promise<string> => {
  const r = await t.database.db.execute(sql.raw(digestSql));
  const rows = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];
  return JSON.stringify(rows[0]);
};

beforeAll(async () => {
  t = await startTestApp({ config: { loginRateLimitPerMinute: 100_000 } });
  admin = await t.adminToken();
  const r = await t.database.db.execute(
    sql.raw(`select c.table_name as t, bool_or(c.column_name = 'updated_at') as u, bool_or(c.column_name = 'version') as v
             from information_schema.columns c join information_schema.tables tb
               on tb.table_name = c.table_name and tb.table_schema = c.table_schema
             where c.table_schema = 'public' and tb.table_type = 'BASE TABLE' group by c.table_name order by 1`),
  );
  const tables = (
    (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { t: string; u: boolean; v: boolean }[]
  ).filter((x) => !/session|login|attempt|rate|drizzle|migration|pgboss/i.test(x.t));
  expect(tables.length).toBeGreaterThan(20);
  digestSql = `select ${tables
    .map(
      (x, i) =>
        `(select json_build_array(count(*)${x.u ? ', max(updated_at)' : ''}${x.v ? ', sum(version)' : ''}) from "${x.t}") as t${i}`,
    )
    .join(', ')}`;
}, 60_000);
afterAll(() => t?.close());

describe('hostile input on every OpenAPI operation', () => {
  it('never answers 5xx, always in the error shape, and changes nothing when it refuses', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, Operation>>;
    };
    const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map(([m, op]) => ({ method: m.toUpperCase(), path, op })),
    );
    expect(ops.length).toBeGreaterThan(150);
    const failures: string[] = [];
    let requests = 0;
    let rechecked = 0;
    const started = Date.now();
    const send = async (p: Probe, anonymous: boolean) => {
      const token = anonymous ? null : admin;
      const r = await t.request(
        p.method,
        p.path,
        p.raw !== undefined ? { token, raw: p.raw } : { token, body: p.body },
      );
      requests++;
      const where = `${p.method} ${p.path.slice(0, 80)} [${p.label}] → ${r.status}`;
      if (r.status >= 500) failures.push(`${where} ${JSON.stringify(r.body).slice(0, 200)}`);
      else if (r.status >= 400) {
        const e = (r.body as { error?: Record<string, unknown> } | null)?.error;
        if (!e || typeof e.code !== 'string' || typeof e.message !== 'string' || !('details' in e))
          failures.push(`${where} not the error shape: ${JSON.stringify(r.body).slice(0, 200)}`);
        if (r.status === 401 && !anonymous) admin = await t.adminToken();
      }
      return { status: r.status, where };
    };
    for (const { method, path, op } of ops) {
      // Logging out would end the administrator's session for the rest of the run.
      if (path === '/api/auth/logout') continue;
      const anonymous = path === '/api/auth/login' || path.startsWith('/api/public/');
      // A wrong login is recorded against the account (lockout), which is a change on purpose.
      const checkChanges = path !== '/api/auth/login';
      const probes = probesOf(method, path, op);
      const before = await digest();
      const results: { p: Probe; status: number }[] = [];
      for (const p of probes) results.push({ p, status: (await send(p, anonymous)).status });
      if (!checkChanges || (await digest()) === before) continue;
      const refused = results.filter((x) => x.status >= 400).map((x) => x.p);
      if (refused.length === results.length) {
        failures.push(`${method} ${path}: refused requests changed stored records`);
        continue;
      }
      // Some probe was accepted, so the whole op moved the digest: check each refused probe alone.
      for (const p of refused) {
        const d0 = await digest();
        const { status, where } = await send(p, anonymous);
        rechecked++;
        if (status >= 400 && (await digest()) !== d0) failures.push(`${where} changed stored records`);
      }
    }
    // Anonymous calls of authenticated operations: refused, in the error shape, never 5xx.
    for (const { method, path, op } of ops.slice(0, 40)) {
      const r = await t.request(
        method,
        fillPath(path, op.parameters ?? []),
        method === 'GET' ? {} : { body: {} },
      );
      requests++;
      if (path === '/api/auth/login' || path.startsWith('/api/public/') || path === '/api/health') continue;
      if (r.status !== 401) failures.push(`${method} ${path} anonymous → ${r.status}`);
    }
    console.info(
      `hostile input: ${requests} requests (${rechecked} rechecked alone) over ${ops.length} operations in ${Date.now() - started} ms`,
    );
    expect(failures).toEqual([]);
  }, 600_000);
});
