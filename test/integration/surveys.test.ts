import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyInvitations, surveyResponses } from '../../src/db/schema/index.ts';
import { seedOrg, startTestApp, type TestApp, USER_PASSWORD } from '../helpers/test-app.ts';

// 满意度调查: one invitation per active customer and quarter (idempotent, also when two sends race),
// links that answer once and only for their own customer, at most two reminders, and results per
// dimension that equal a direct count.

const mails: { to: string; body: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, done) {
    let body = '';
    stream.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    stream.on('end', () => {
      mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
      done();
    });
  },
});

let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;
let survey: { id: string; version: number };
const c: Record<string, string> = {};
/** The 2026-Q1 links as e-mailed, by customer. */
const q1Links: Record<string, string> = {};
let engineerId: string;

const act = async (token: string, method: string, path: string, body?: unknown) =>
  t.request(method, path, { token, body });
const q = () => s.users.quality!.token;
/** Sessions last hours: after moving the clock by days, log in again. */
const relogin = async () => {
  s.users.quality!.token = await t.login('u_quality', USER_PASSWORD);
  s.users.dealer!.token = await t.login('u_dealer', USER_PASSWORD);
  s.users.dealerB!.token = await t.login('u_dealer_b', USER_PASSWORD);
};

/** The link in the newest mail to an address (quoted-printable or base64 bodies). */
const linkTo = (to: string) => {
  const m = mails.filter((x) => x.to === to).at(-1);
  if (!m) throw new Error(`no mail to ${to}`);
  const [head, ...rest] = m.body.split(/\r?\n\r?\n/);
  let text = rest.join('\n\n');
  if (/content-transfer-encoding: base64/i.test(head!)) text = Buffer.from(text, 'base64').toString('utf8');
  else if (/quoted-printable/i.test(head!))
    text = text
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  const url = /\/s\/([A-Za-z0-9_-]{43})/.exec(text);
  if (!url) throw new Error(`no link in ${text}`);
  return url[1]!;
};
const tokenOf = (url: string) => url.split('/s/')[1]!;
const waitForMails = async (n: number) => {
  for (let i = 0; i < 100 && mails.length < n; i++) await new Promise((r) => setTimeout(r, 20));
  expect(mails.length).toBeGreaterThanOrEqual(n);
};

const QUESTIONS = [
  { code: 'overall', type: 'score', text: '总体满意度', textEn: 'Overall', required: true },
  { code: 'service', type: 'score', text: '服务满意度', required: false },
  { code: 'recommend', type: 'nps', text: '您向朋友推荐我们的可能性', required: true },
  {
    code: 'channel',
    type: 'choice',
    text: '常用报修渠道',
    options: ['电话', '网站', '微信'],
    required: false,
  },
  { code: 'remarks', type: 'text', text: '意见和建议', required: false },
];
const answer = (overall: number, recommend: number) => [
  { code: 'overall', value: overall },
  { code: 'service', value: 4 },
  { code: 'recommend', value: recommend },
  { code: 'channel', value: '电话' },
  { code: 'remarks', value: '  服务及时  ' },
];
const pub = (token: string, body?: unknown) =>
  t.request(body ? 'POST' : 'GET', `/api/public/surveys/${token}`, { body });

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  t = await startTestApp({
    config: {
      smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      publicUrl: 'https://fw.example.com',
    },
  });
  s = await seedOrg(t);
  const mk = async (key: string, body: Record<string, unknown>) => {
    const r = await act(s.admin, 'POST', '/api/customers', { kind: 'existing', grade: 'B', ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    c[key] = r.body.id;
    return r.body;
  };
  const one = await mk('one', {
    name: '南京宏达',
    dealerId: s.dealerA.id,
    region: '江苏',
    contacts: [{ name: '刘经理', email: 'one@example.com', primary: true }],
  });
  await mk('two', {
    name: '苏州远大',
    dealerId: s.dealerA.id,
    region: '江苏',
    contacts: [{ name: '王', email: 'two@example.com' }],
  });
  await mk('three', { name: '广州粤建', dealerId: s.dealerB.id, region: '广东' });
  const gone = await mk('archived', { name: '已倒闭', dealerId: s.dealerA.id });
  await act(s.admin, 'POST', `/api/customers/${gone.id}/archive`, { version: gone.version, reason: '倒闭' });
  await mk('rival', { name: '竞争对手', kind: 'competitor' });
  // c.one had a finished work order: its engineer and product category go with the answer.
  const policy = await act(s.admin, 'POST', '/api/warranty-policies', {
    name: 'p',
    startBasis: 'delivery',
    months: 12,
    hoursLimit: 2000,
  });
  expect(policy.status, JSON.stringify(policy.body)).toBe(201);
  const model = await act(s.admin, 'POST', '/api/product-models', {
    code: 'DX60',
    name: 'DX60',
    category: 'excavator',
    warrantyPolicyId: policy.body.id,
  });
  expect(model.status, JSON.stringify(model.body)).toBe(201);
  const asset = await act(s.admin, 'POST', '/api/assets', {
    serialNo: 'SN-S1',
    modelId: model.body.id,
    customerId: one.id,
  });
  engineerId = (await act(s.admin, 'POST', '/api/engineers', { name: '李工', trade: 'hydraulic' })).body.id;
  const tk = await act(s.users.desk!.token, 'POST', '/api/tickets', {
    customerId: one.id,
    assetId: asset.body.id,
    channel: 'phone',
    type: 'repair',
    description: '漏油',
  });
  const wo = await act(s.users.desk!.token, 'POST', `/api/tickets/${tk.body.id}/work-orders`, {
    task: '检修',
  });
  const d = await act(s.users.desk!.token, 'POST', `/api/work-orders/${wo.body.id}/dispatch`, {
    version: wo.body.version,
    engineerIds: [engineerId],
  });
  expect(d.status).toBe(200);
  await t.database.db.execute(
    sql`update work_orders set status = 'done', done_at = now() where id = ${wo.body.id}`,
  );
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('questionnaires', () => {
  it('are checked: unique codes, choices with two options; 400 names the field', async () => {
    const bad = await act(q(), 'POST', '/api/surveys', {
      code: 'BAD',
      name: 'x',
      questions: [QUESTIONS[0], { ...QUESTIONS[1], code: 'overall' }, { ...QUESTIONS[3], options: ['电话'] }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((e: { field: string }) => e.field)).toEqual([
      'questions.1.code',
      'questions.2.options',
    ]);
    expect(
      (await act(s.users.desk!.token, 'POST', '/api/surveys', { code: 'X', name: 'x', questions: QUESTIONS }))
        .status,
    ).toBe(403);
    const r = await act(q(), 'POST', '/api/surveys', {
      code: 'CSAT',
      name: '季度客户满意度调查',
      questions: QUESTIONS,
      status: 'active',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.questions[1]).toMatchObject({ textEn: null, options: null });
    survey = r.body;
    expect(
      (await act(q(), 'POST', '/api/surveys', { code: 'CSAT', name: 'y', questions: QUESTIONS })).status,
    ).toBe(409);
  });
});

describe('sending', () => {
  it('one invitation per active customer and period, e-mailed with a link; a second run adds nothing', async () => {
    const first = await act(q(), 'POST', `/api/surveys/${survey.id}/send`, { period: '2026-Q1' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ period: '2026-Q1', invited: 3, emailed: 2, alreadyInvited: 0 });
    const again = await act(q(), 'POST', `/api/surveys/${survey.id}/send`, {});
    expect(again.body).toEqual({ period: '2026-Q1', invited: 0, emailed: 0, alreadyInvited: 3 });
    await waitForMails(2);
    expect(mails.map((m) => m.to).sort()).toEqual(['one@example.com', 'two@example.com']);
    q1Links.one = linkTo('one@example.com');
    q1Links.two = linkTo('two@example.com');
    const rows = await t.database.db.select().from(surveyInvitations);
    expect(rows.map((r) => r.customerId).sort()).toEqual([c.one, c.two, c.three].sort());
    expect(
      rows.every((r) => r.tokenHash.length === 64 && !mails.some((m) => m.body.includes(r.tokenHash))),
    ).toBe(true);
  });

  it('two sends at once, and the quarterly job, still give one invitation each', async () => {
    const [a, b] = await Promise.all([
      act(q(), 'POST', `/api/surveys/${survey.id}/send`, { period: '2026-Q2' }),
      act(q(), 'POST', `/api/surveys/${survey.id}/send`, { period: '2026-Q2' }),
    ]);
    expect(a.body.invited + b.body.invited).toBe(3);
    await t.app.services.handlers['survey-send']!({ period: '2026-Q2' });
    await Promise.all([
      t.app.services.handlers['survey-send']!({ period: '2026-Q3' }),
      t.app.services.handlers['survey-send']!({ period: '2026-Q3' }),
    ]);
    const counts = await t.database.db
      .select({
        period: surveyInvitations.period,
        customer: surveyInvitations.customerId,
        n: sql<number>`count(*)::int`,
      })
      .from(surveyInvitations)
      .groupBy(surveyInvitations.period, surveyInvitations.customerId);
    expect(counts).toHaveLength(9);
    expect(counts.every((r) => r.n === 1)).toBe(true);
    expect((await act(q(), 'POST', `/api/surveys/${survey.id}/send`, { period: '2026-5' })).status).toBe(400);
  });
});

describe('the link', () => {
  it('works once and only for its own customer; unknown links are 404', async () => {
    const token = q1Links.one!;
    const view = await pub(token);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      surveyName: '季度客户满意度调查',
      customerName: '南京宏达',
      period: '2026-Q1',
    });
    // The body cannot name a customer (or anything but answers).
    const sneaky = await pub(token, { answers: answer(5, 10), customerId: c.three });
    expect(sneaky.status).toBe(400);
    expect(sneaky.body.error.details[0].field).toBe('customerId');
    const invalid = await pub(token, { answers: [{ code: 'overall', value: 9 }] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((e: { field: string }) => e.field)).toEqual([
      'answers.0.value',
      'answers.recommend',
    ]);
    const ok = await pub(token, { answers: answer(5, 10) });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const [resp] = await t.database.db.select().from(surveyResponses);
    expect(resp).toMatchObject({
      customerId: c.one,
      dealerId: s.dealerA.id,
      region: '江苏',
      engineerId,
      productCategory: 'excavator',
      period: '2026-Q1',
      scoreX100: 450,
      nps: 10,
    });
    expect(resp!.answers).toContainEqual({ code: 'remarks', value: '服务及时' });
    const twice = await pub(token, { answers: answer(1, 0) });
    expect(twice.status).toBe(410);
    expect(twice.body.error).toMatchObject({ code: 'gone', details: { reason: 'answered' } });
    expect((await pub(token)).status).toBe(410);
    expect((await pub('x'.repeat(43))).status).toBe(404);
    expect((await pub('x'.repeat(43), { answers: answer(5, 9) })).status).toBe(404);
    expect(await t.database.db.select().from(surveyResponses)).toHaveLength(1);
  });

  it('staff can make a customer a new link; the old one stops working; answered ones cannot', async () => {
    const before = q1Links.two!;
    const r = await act(q(), 'POST', `/api/surveys/${survey.id}/invite`, {
      customerId: c.two,
      period: '2026-Q1',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ period: '2026-Q1', reissued: true });
    expect(r.body.url).toMatch(/^https:\/\/fw\.example\.com\/s\/[A-Za-z0-9_-]{43}$/);
    expect((await pub(before)).status).toBe(404);
    expect((await pub(tokenOf(r.body.url))).body.customerName).toBe('苏州远大');
    const answered = await act(q(), 'POST', `/api/surveys/${survey.id}/invite`, {
      customerId: c.one,
      period: '2026-Q1',
    });
    expect(answered.status).toBe(409);
    const archived = await act(q(), 'POST', `/api/surveys/${survey.id}/invite`, { customerId: c.archived });
    expect(archived.status).toBe(400);
  });
});

describe('reminders', () => {
  it('go a week after sending, to the unanswered only, at most twice, each with a new link', async () => {
    const remind = () => t.app.services.handlers['survey-remind']!({}) as Promise<{ reminded: number }>;
    expect(await remind()).toEqual({ reminded: 0 });
    const sent = mails.length;
    const rounds: number[] = [];
    for (let i = 0; i < 3; i++) {
      t.clock.advance(8 * 86_400_000);
      rounds.push((await remind()).reminded);
      expect((await remind()).reminded).toBe(0);
    }
    // Unanswered with an e-mail: customer one's Q2 and Q3 (Q1 answered), customer two's Q1–Q3
    // (customer three has no e-mail). Twice each, a week apart; the third week nothing more.
    expect(rounds).toEqual([5, 5, 0]);
    const rows = await t.database.db
      .select()
      .from(surveyInvitations)
      .where(eq(surveyInvitations.customerId, c.two!));
    expect(rows.map((r) => r.reminders)).toEqual([2, 2, 2]);
    await waitForMails(sent + 10);
    await relogin();
  });

  it('a reminder link works; an expired link is refused', async () => {
    const fresh = linkTo('two@example.com');
    const view = await pub(fresh);
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(view.body.customerName).toBe('苏州远大');
    expect((await pub(fresh, { answers: answer(2, 3) })).status).toBe(201);
    const short = await act(q(), 'POST', '/api/surveys', {
      code: 'SHORT',
      name: '短期',
      questions: QUESTIONS,
      status: 'active',
      validDays: 1,
    });
    const link = (await act(q(), 'POST', `/api/surveys/${short.body.id}/invite`, { customerId: c.three }))
      .body.url;
    expect((await pub(tokenOf(link))).status).toBe(200);
    t.clock.advance(2 * 86_400_000);
    await relogin();
    const expired = await pub(tokenOf(link), { answers: answer(4, 8) });
    expect(expired.status).toBe(410);
    expect(expired.body.error.details.reason).toBe('expired');
    // Customer three answers Q2 through a fresh staff link.
    const q2 = (
      await act(q(), 'POST', `/api/surveys/${survey.id}/invite`, { customerId: c.three, period: '2026-Q2' })
    ).body.url;
    expect((await pub(tokenOf(q2), { answers: answer(3, 7) })).status).toBe(201);
  });
});

describe('results', () => {
  it('per dimension equal a direct count; dealers see their own customers only', async () => {
    const rows = await t.database.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.surveyId, survey.id));
    expect(rows).toHaveLength(3);
    const keyOf: Record<string, (r: (typeof rows)[number]) => string | null> = {
      engineer: (r) => r.engineerId,
      dealer: (r) => r.dealerId,
      product: (r) => r.productCategory,
      region: (r) => r.region,
      period: (r) => r.period,
    };
    const expected = (list: typeof rows, key: (r: (typeof rows)[number]) => string | null) => {
      const groups = new Map<string | null, typeof rows>();
      for (const r of list) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
      return [...groups].map(([k, g]) => {
        const scores = g.map((r) => r.scoreX100!);
        const nps = g.filter((r) => r.nps !== null).map((r) => r.nps!);
        const p = nps.filter((n) => n >= 9).length;
        const d = nps.filter((n) => n <= 6).length;
        return {
          key: k,
          responses: g.length,
          avgScoreX100: Math.round(scores.reduce((a, b) => a + b, 0) / scores.length),
          npsResponses: nps.length,
          promoters: p,
          detractors: d,
          nps: nps.length ? Math.round((100 * (p - d)) / nps.length) : null,
        };
      });
    };
    const sortByKey = <T extends { key: string | null }>(x: T[]) =>
      [...x].sort((a, b) => String(a.key).localeCompare(String(b.key)));
    for (const by of Object.keys(keyOf)) {
      const r = await act(q(), 'GET', `/api/surveys/${survey.id}/results?by=${by}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const got = r.body.rows.map(({ label: _l, ...rest }: { label: string }) => rest);
      expect(sortByKey(got), by).toEqual(sortByKey(expected(rows, keyOf[by]!)));
      expect(r.body.total.responses).toBe(3);
    }
    const byEngineer = (await act(q(), 'GET', `/api/surveys/${survey.id}/results?by=engineer`)).body.rows;
    expect(byEngineer.find((x: { key: string }) => x.key === engineerId).label).toBe('李工');
    const q1 = (await act(q(), 'GET', `/api/surveys/${survey.id}/results?by=dealer&period=2026-Q1`)).body;
    expect(q1.total.responses).toBe(rows.filter((r) => r.period === '2026-Q1').length);
    const dealerA = (await act(s.users.dealer!.token, 'GET', `/api/surveys/${survey.id}/results?by=dealer`))
      .body;
    expect(dealerA.rows.map((x: { key: string }) => x.key)).toEqual([s.dealerA.id]);
    expect(dealerA.total.responses).toBe(rows.filter((r) => r.dealerId === s.dealerA.id).length);
    const dealerB = (await act(s.users.dealerB!.token, 'GET', `/api/surveys/${survey.id}/results?by=region`))
      .body;
    expect(dealerB.total.responses).toBe(rows.filter((r) => r.dealerId === s.dealerB.id).length);
  });

  it('invitation status, and the Excel export', async () => {
    const inv = (await act(q(), 'GET', `/api/surveys/${survey.id}/invitations?period=2026-Q1`)).body;
    const answeredQ1 = (await t.database.db.select().from(surveyResponses)).filter(
      (r) => r.surveyId === survey.id && r.period === '2026-Q1',
    ).length;
    expect(inv.summary).toMatchObject({ invited: 3, emailed: 2, answered: answeredQ1, expired: 0 });
    expect(inv.summary.reminders).toBeGreaterThanOrEqual(2);
    const status = Object.fromEntries(inv.items.map((i: any) => [i.customerName, i.status]));
    expect(status).toMatchObject({ 南京宏达: 'answered', 广州粤建: 'open' });
    const all = (await act(q(), 'GET', `/api/surveys/${survey.id}/invitations?limit=200`)).body;
    expect(all.summary).toMatchObject({ invited: 9, emailed: 6, answered: 3 });
    const dealerB = (await act(s.users.dealerB!.token, 'GET', `/api/surveys/${survey.id}/invitations`)).body;
    expect(dealerB.items.every((i: { dealerId: string }) => i.dealerId === s.dealerB.id)).toBe(true);
    const x = await fetch(`${t.base}/api/surveys/${survey.id}/results/export?by=region`, {
      headers: { authorization: `Bearer ${q()}` },
    });
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await x.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('区域');
    expect(ws.getRow(ws.rowCount).getCell(1).value).toBe('合计');
    expect(ws.getRow(ws.rowCount).getCell(2).value).toBe(3);
  });

  it('once sent, the questions keep their codes and types', async () => {
    const cur = (await act(q(), 'GET', `/api/surveys/${survey.id}`)).body;
    expect(cur.invitations).toBeGreaterThan(0);
    const renamed = QUESTIONS.map((x) => ({ ...x, text: `${x.text}？` }));
    expect(
      (await act(q(), 'PATCH', `/api/surveys/${survey.id}`, { version: cur.version, questions: renamed }))
        .status,
    ).toBe(200);
    const recoded = QUESTIONS.map((x, i) => (i === 0 ? { ...x, code: 'total' } : x));
    const r = await act(q(), 'PATCH', `/api/surveys/${survey.id}`, {
      version: cur.version + 1,
      questions: recoded,
    });
    expect(r.status).toBe(409);
    expect(r.body.error.details[0].field).toBe('questions.0');
  });
});
