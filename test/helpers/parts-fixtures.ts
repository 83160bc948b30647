import { expect } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { oldPartReturns, workOrderParts, workOrders } from '../../src/db/schema/index.ts';
import type { seedOrg, TestApp } from './test-app.ts';

let seq = 0;

/**
 * An old-part return as the work-order module leaves it when it consumes an in-warranty part:
 * a work order on the ticket, the consumed part line, and the pending return. Written straight
 * into the real database because the parts tests must not depend on the whole work-order flow.
 */
export const insertOldPartReturn = async (
  db: Db,
  o: {
    ticketId: string;
    customerId: string;
    partId: string;
    locationId: string;
    dealerId?: string | null;
    quantity?: number;
    dueAt: Date;
  },
) => {
  const now = new Date();
  const [wo] = await db
    .insert(workOrders)
    .values({
      number: `WO-TEST-${Date.now()}-${++seq}`,
      ticketId: o.ticketId,
      customerId: o.customerId,
      dealerId: o.dealerId ?? null,
      status: 'done',
      task: '更换斗齿',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const [line] = await db
    .insert(workOrderParts)
    .values({
      workOrderId: wo!.id,
      partId: o.partId,
      locationId: o.locationId,
      quantity: o.quantity ?? 1,
      status: 'consumed',
      consumedAt: now,
    })
    .returning();
  const [ret] = await db
    .insert(oldPartReturns)
    .values({
      workOrderId: wo!.id,
      workOrderPartId: line!.id,
      partId: o.partId,
      quantity: o.quantity ?? 1,
      dealerId: o.dealerId ?? null,
      customerId: o.customerId,
      dueAt: o.dueAt,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return { workOrder: wo!, line: line!, ret: ret! };
};

// A value outside a list of literals is reported once per literal; the field is what matters.
export const fields = (r: { body: { error: { details: { field: string }[] } } }) => [
  ...new Set(r.body.error.details.map((d) => d.field)),
];

/**
 * The stores the parts tests work with: the company store seeded at bootstrap, a service centre's
 * and dealer A's; plus helpers to add a part and read one stock level.
 */
export const setupStores = async (t: TestApp, s: Awaited<ReturnType<typeof seedOrg>>) => {
  const locations = await t.request('GET', '/api/stock-locations', { token: s.admin });
  const main: string = locations.body.items.find((l: { code: string }) => l.code === 'MAIN').id;
  const sc = await t.request('POST', '/api/service-centres', {
    token: s.admin,
    body: { code: 'SC1', name: '华东服务中心' },
  });
  const centreStore: string = (
    await t.request('POST', '/api/stock-locations', {
      token: s.admin,
      body: { code: 'SC1-STORE', name: '华东备件库', kind: 'centre', serviceCentreId: sc.body.id },
    })
  ).body.id;
  const dealerStore: string = (
    await t.request('POST', '/api/stock-locations', {
      token: s.admin,
      body: { code: 'DA-STORE', name: '甲备件库', kind: 'dealer', dealerId: s.dealerA.id },
    })
  ).body.id;
  let n = 0;
  const newPart = async (extra: Record<string, unknown> = {}) => {
    const r = await t.request('POST', '/api/parts', {
      token: s.admin,
      body: { code: `P-${++n}`, name: `零件 ${n}`, costFen: 1000, listFen: 1500, ...extra },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { id: string; code: string; version: number };
  };
  const levelOf = async (partId: string, locationId: string) => {
    const r = await t.request('GET', `/api/stock?partId=${partId}&locationId=${locationId}`, {
      token: s.admin,
    });
    return r.body.items[0] as
      | { onHand: number; reserved: number; available: number; low: boolean }
      | undefined;
  };
  return { main, centreStore, dealerStore, newPart, levelOf };
};
