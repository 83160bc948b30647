import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrg, startTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;

beforeAll(async () => {
  t = await startTestApp();
  s = await seedOrg(t);
  const add = (body: Record<string, unknown>) =>
    t.request('POST', '/api/customers', { token: s.admin, body: { kind: 'existing', grade: 'B', ...body } });
  await add({
    name: '徐州城建工程有限公司',
    phone: '0516-83880000',
    contacts: [{ name: '刘建华', phone: '13905160001' }],
  });
  await add({
    name: '苏州吴中土石方公司',
    code: 'SZ-001',
    contacts: [{ name: '顾明', phone: '13806210002' }, { name: '王芳' }],
  });
});
afterAll(() => t.close());

const names = async (q: string) =>
  (await t.request('GET', `/api/customers?q=${encodeURIComponent(q)}`, { token: s.admin })).body.items.map(
    (c: { name: string }) => c.name,
  );

describe('查卷: customer search', () => {
  it('finds by any part of the name, the phone, the code, a contact name or a contact phone', async () => {
    expect(await names('城建')).toEqual(['徐州城建工程有限公司']);
    expect(await names('83880000')).toEqual(['徐州城建工程有限公司']);
    expect(await names('sz-0')).toEqual(['苏州吴中土石方公司']);
    expect(await names('顾明')).toEqual(['苏州吴中土石方公司']);
    expect(await names('13905160001')).toEqual(['徐州城建工程有限公司']);
    expect(await names('公司')).toHaveLength(2);
    // A single character has no bigram; it still matches.
    expect(await names('芳')).toEqual(['苏州吴中土石方公司']);
    expect(await names('不存在的客户')).toEqual([]);
  });

  it('keeps contacts with the customer and replaces them as a list', async () => {
    const c = (await t.request('GET', `/api/customers?q=${encodeURIComponent('苏州')}`, { token: s.admin }))
      .body.items[0];
    expect(c.contacts.map((x: { name: string; primary: boolean }) => `${x.name}:${x.primary}`)).toEqual([
      '顾明:true',
      '王芳:false',
    ]);
    const r = await t.request('PATCH', `/api/customers/${c.id}`, {
      token: s.admin,
      body: { version: c.version, contacts: [{ name: '新联系人', phone: '13700000000' }] },
    });
    expect(r.status).toBe(200);
    expect(r.body.contacts.map((x: { name: string }) => x.name)).toEqual(['新联系人']);
    expect(await names('顾明')).toEqual([]);
    expect(await names('13700000000')).toEqual(['苏州吴中土石方公司']);
  });

  it('archives instead of deleting, and an archived record is no longer edited', async () => {
    const c = (
      await t.request('POST', '/api/customers', {
        token: s.admin,
        body: { name: '倒闭的公司', kind: 'existing', grade: 'D' },
      })
    ).body;
    const a = await t.request('POST', `/api/customers/${c.id}/archive`, {
      token: s.admin,
      body: { version: c.version, reason: '企业倒闭' },
    });
    expect(a.body).toMatchObject({ status: 'archived', archivedReason: '企业倒闭' });
    const edit = await t.request('PATCH', `/api/customers/${c.id}`, {
      token: s.admin,
      body: { version: a.body.version, name: '改名' },
    });
    expect(edit.status).toBe(400);
    expect(edit.body.error.details[0].field).toBe('status');
    expect((await t.request('GET', `/api/customers/${c.id}`, { token: s.admin })).body.name).toBe(
      '倒闭的公司',
    );
  });
});
