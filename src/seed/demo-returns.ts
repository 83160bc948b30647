import type { FastifyInstance } from 'fastify';
import type { Clock } from '../platform/clock.ts';
import { DEMO_PASSWORD } from './demo.ts';

// Demo returns (三包退换货) through the real API, so each role finds one waiting: the portal
// customer's request awaits the desk's review, a returned unit awaits the technical department's
// inspection, and a drafted refund awaits finance. Skipped when any return exists already.
export const loadDemoReturns = async (app: FastifyInstance, clock: Clock): Promise<void> => {
  const call = async (token: string | null, method: 'GET' | 'POST', url: string, body?: object) => {
    const r = await app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body ? { payload: body } : {}),
    });
    if (r.statusCode >= 300) throw new Error(`demo ${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const login = async (username: string) =>
    (await call(null, 'POST', '/api/auth/login', { username, password: DEMO_PASSWORD })).token as string;
  const desk = await login('desk');
  if ((await call(desk, 'GET', '/api/returns?limit=1')).total > 0) return;
  const technical = await login('technical');
  const customer = await login('customer');
  // A Beijing calendar day `days` before the demo's today.
  const day = (days: number) =>
    new Date(clock.now().getTime() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
  const at = () => clock.now().toISOString();

  const me = await call(customer, 'GET', '/api/auth/me');
  if (me.customerId)
    await call(customer, 'POST', '/api/returns', {
      customerId: me.customerId,
      productCategory: 'electronics',
      purchasedAt: day(4),
      requested: 'exchange',
      qualityFault: true,
      faultCode: 'DISPLAY',
      goodsComplete: true,
      reason: '随机购买的驾驶室显示屏开机无显示，要求换货',
      city: '徐州',
    });

  const customers = (await call(desk, 'GET', '/api/customers?limit=3')).items as { id: string }[];
  const [a, b] = [customers[0], customers[1] ?? customers[0]];
  if (!a || !b) return;
  const file = (customerId: string, reason: string, invoiceFen: number) =>
    call(desk, 'POST', '/api/returns', {
      customerId,
      productCategory: 'goods',
      purchasedAt: day(5),
      requested: 'refund',
      qualityFault: true,
      goodsComplete: true,
      reason,
      invoiceFen,
      contactPhone: '0516-83880000',
      city: '徐州',
    });
  const step = (token: string, id: string, tail: string, body: object) =>
    call(token, 'POST', `/api/returns/${id}${tail}`, body);

  let r = await file(a.id, '随车工具箱锁扣损坏，客户要求退货', 45_000);
  r = await step(desk, r.id, '/decision', { at: at(), approved: true, option: 'refund', via: 'mail' });
  await step(desk, r.id, '/receipt', { at: at(), via: 'mail', version: r.version });

  r = await file(b.id, '加装的倒车影像套件画面闪烁，客户要求退货', 128_000);
  r = await step(desk, r.id, '/decision', { at: at(), approved: true, option: 'refund', via: 'mail' });
  r = await step(desk, r.id, '/receipt', { at: at(), via: 'mail', version: r.version });
  const all = { packaging: true, accessories: true, manual: true, warrantyCard: true, invoice: true };
  r = await step(technical, r.id, '/inspection', {
    at: at(),
    passed: true,
    checklist: all,
    version: r.version,
  });
  await step(desk, r.id, '/refund', { amountFen: 128_000, version: r.version });
};
