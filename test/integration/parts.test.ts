import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activePriceLists } from '../../src/modules/parts/parts-dal.ts';
import { reserveStock } from '../../src/modules/parts/stock-ops.ts';
import { fields, setupStores } from '../helpers/parts-fixtures.ts';
import { seedOrg, startTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof seedOrg>>;
let st: Awaited<ReturnType<typeof setupStores>>;

beforeAll(async () => {
  t = await startTestApp();
  s = await seedOrg(t);
  st = await setupStores(t, s);
});
afterAll(() => t.close());

describe('parts catalogue', () => {
  it('creates, reads, edits with the version, and lists with search and filters', async () => {
    const tech = s.users.technical!.token;
    const created = await t.request('POST', '/api/parts', {
      token: tech,
      body: {
        code: 'HYD_PUMP',
        name: '主泵（液压柱塞泵）',
        costFen: 2_850_000,
        listFen: 4_200_000,
        serialised: true,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'HYD_PUMP',
      unit: '件',
      wear: false,
      serialised: true,
      version: 1,
    });
    await t.request('POST', '/api/parts', {
      token: tech,
      body: { code: 'BUCKET_TOOTH', name: '斗齿', costFen: 18_000, listFen: 28_000, wear: true },
    });
    const got = await t.request('GET', `/api/parts/${created.body.id}`, { token: s.users.dealer!.token });
    expect(got.status).toBe(200);

    const patched = await t.request('PATCH', `/api/parts/${created.body.id}`, {
      token: tech,
      body: { version: 1, listFen: 4_300_000 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ listFen: 4_300_000, version: 2 });
    const stale = await t.request('PATCH', `/api/parts/${created.body.id}`, {
      token: tech,
      body: { version: 1, listFen: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');

    const search = await t.request('GET', `/api/parts?q=${encodeURIComponent('柱塞')}`, { token: tech });
    expect(search.body.items.map((p: { code: string }) => p.code)).toEqual(['HYD_PUMP']);
    const wear = await t.request('GET', '/api/parts?wear=true', { token: tech });
    expect(wear.body.items.map((p: { code: string }) => p.code)).toEqual(['BUCKET_TOOTH']);
    const page = await t.request('GET', '/api/parts?limit=1&offset=0', { token: tech });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(2);

    const xlsx = await fetch(`${t.base}/api/parts/export?wear=true`, {
      headers: { authorization: `Bearer ${tech}` },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('a duplicate code is 409 naming the field, on create and on edit', async () => {
    const a = await st.newPart({ code: 'DUP-1' });
    const dup = await t.request('POST', '/api/parts', {
      token: s.admin,
      body: { code: 'DUP-1', name: 'x', costFen: 1, listFen: 1 },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'duplicate', details: [{ field: 'code' }] });
    await st.newPart({ code: 'DUP-2' });
    const edit = await t.request('PATCH', `/api/parts/${a.id}`, {
      token: s.admin,
      body: { version: a.version, code: 'DUP-2' },
    });
    expect(edit.status).toBe(409);
    expect(fields(edit)).toEqual(['code']);
  });

  it('bad input is 400 naming the field, and nothing is stored', async () => {
    const before = (await t.request('GET', '/api/parts?limit=1', { token: s.admin })).body.total;
    const neg = await t.request('POST', '/api/parts', {
      token: s.admin,
      body: { code: 'NEG', name: 'x', costFen: -1, listFen: 1 },
    });
    expect(neg.status).toBe(400);
    expect(fields(neg)).toEqual(['costFen']);
    const frac = await t.request('POST', '/api/parts', {
      token: s.admin,
      body: { code: 'FRAC', name: 'x', costFen: 1, listFen: 1.5 },
    });
    expect(fields(frac)).toEqual(['listFen']);
    const code = await t.request('POST', '/api/parts', {
      token: s.admin,
      body: { code: 'has space', name: 'x', costFen: 1, listFen: 1 },
    });
    expect(fields(code)).toEqual(['code']);
    const missing = await t.request('POST', '/api/parts', {
      token: s.admin,
      body: { code: 'M', costFen: 1, listFen: 1 },
    });
    expect(fields(missing)).toEqual(['name']);
    expect((await t.request('GET', '/api/parts?limit=1', { token: s.admin })).body.total).toBe(before);
  });

  it('only part.write may change the catalogue', async () => {
    const r = await t.request('POST', '/api/parts', {
      token: s.users.desk!.token,
      body: { code: 'DESK', name: 'x', costFen: 1, listFen: 1 },
    });
    expect(r.status).toBe(403);
  });
});

describe('stock locations', () => {
  it('the owner must match the kind and exist', async () => {
    let n = 0;
    const post = (body: Record<string, unknown>) =>
      t.request('POST', '/api/stock-locations', {
        token: s.admin,
        body: { code: `L${++n}`, name: 'x', ...body },
      });
    expect(fields(await post({ kind: 'centre' }))).toEqual(['serviceCentreId']);
    expect(fields(await post({ kind: 'company', dealerId: s.dealerA.id }))).toEqual(['dealerId']);
    expect(fields(await post({ kind: 'dealer', dealerId: crypto.randomUUID() }))).toEqual(['dealerId']);
    expect(fields(await post({ kind: 'warehouse' }))).toEqual(['kind']);
    const dup = await t.request('POST', '/api/stock-locations', {
      token: s.admin,
      body: { code: 'MAIN', name: 'x', kind: 'company' },
    });
    expect(dup.status).toBe(409);
  });

  it('a dealer user sees only its own dealer’s stores', async () => {
    const a = await t.request('GET', '/api/stock-locations', { token: s.users.dealer!.token });
    expect(a.body.items.map((l: { id: string }) => l.id)).toEqual([st.dealerStore]);
    expect(a.body.items[0].dealerName).toBe('经销商甲');
    const b = await t.request('GET', '/api/stock-locations', { token: s.users.dealerB!.token });
    expect(b.body.total).toBe(0);
    const all = await t.request('GET', '/api/stock-locations', { token: s.users.desk!.token });
    expect(all.body.items[0].code).toBe('MAIN');
  });
});

describe('stock', () => {
  it('receives and transfers, never below zero: a transfer of more than is free is 409 and changes nothing', async () => {
    const p = await st.newPart();
    const tech = s.users.technical!.token;
    const rec = await t.request('POST', '/api/stock/receive', {
      token: tech,
      body: { partId: p.id, locationId: st.main, quantity: 5, note: '采购入库' },
    });
    expect(rec.status).toBe(200);
    expect(rec.body).toMatchObject({ onHand: 5, reserved: 0, available: 5, locationName: '公司总库' });

    const tr = await t.request('POST', '/api/stock/transfer', {
      token: tech,
      body: { partId: p.id, fromLocationId: st.main, toLocationId: st.dealerStore, quantity: 3 },
    });
    expect(tr.status).toBe(200);
    expect(tr.body.from.onHand).toBe(2);
    expect(tr.body.to.onHand).toBe(3);

    const tooMuch = await t.request('POST', '/api/stock/transfer', {
      token: tech,
      body: { partId: p.id, fromLocationId: st.main, toLocationId: st.dealerStore, quantity: 3 },
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error).toMatchObject({ code: 'insufficient_stock', details: { available: 2 } });
    expect((await st.levelOf(p.id, st.main))!.onHand).toBe(2);
    expect((await st.levelOf(p.id, st.dealerStore))!.onHand).toBe(3);

    // Nothing at the source at all: still a clean 409, no level row appears at the target.
    const none = await t.request('POST', '/api/stock/transfer', {
      token: tech,
      body: { partId: p.id, fromLocationId: st.centreStore, toLocationId: st.main, quantity: 1 },
    });
    expect(none.status).toBe(409);
    expect(await st.levelOf(p.id, st.centreStore)).toBeUndefined();

    const same = await t.request('POST', '/api/stock/transfer', {
      token: tech,
      body: { partId: p.id, fromLocationId: st.main, toLocationId: st.main, quantity: 1 },
    });
    expect(same.status).toBe(400);
    expect(fields(same)).toEqual(['toLocationId']);
    const zero = await t.request('POST', '/api/stock/receive', {
      token: tech,
      body: { partId: p.id, locationId: st.main, quantity: 0 },
    });
    expect(fields(zero)).toEqual(['quantity']);
    const ghost = await t.request('POST', '/api/stock/receive', {
      token: tech,
      body: { partId: crypto.randomUUID(), locationId: st.main, quantity: 1 },
    });
    expect(fields(ghost)).toEqual(['partId']);

    const moves = await t.request('GET', `/api/stock/moves?partId=${p.id}`, { token: tech });
    expect(moves.body.items.map((m: { kind: string }) => m.kind)).toEqual(['transfer', 'receive']);
    expect(moves.body.items[0]).toMatchObject({
      fromLocationName: '公司总库',
      toLocationName: '甲备件库',
      quantity: 3,
      createdByName: 'technical',
    });
    // The dealer sees the move into its store, and only its own level.
    const dm = await t.request('GET', `/api/stock/moves?partId=${p.id}`, { token: s.users.dealer!.token });
    expect(dm.body.items.map((m: { kind: string }) => m.kind)).toEqual(['transfer']);
    const ds = await t.request('GET', `/api/stock?partId=${p.id}`, { token: s.users.dealer!.token });
    expect(ds.body.items.map((l: { locationId: string }) => l.locationId)).toEqual([st.dealerStore]);
    const dsB = await t.request('GET', `/api/stock?partId=${p.id}`, { token: s.users.dealerB!.token });
    expect(dsB.body.total).toBe(0);
    expect(
      (
        await t.request('POST', '/api/stock/receive', {
          token: s.users.dealer!.token,
          body: {
            partId: p.id,
            locationId: st.dealerStore,
            quantity: 1,
          },
        })
      ).status,
    ).toBe(403);
  });

  it('concurrent reservations of the last unit: exactly one wins, the level stays consistent', async () => {
    const p = await st.newPart();
    await t.request('POST', '/api/stock/receive', {
      token: s.admin,
      body: { partId: p.id, locationId: st.main, quantity: 1 },
    });
    const { db } = t.database;
    const reserve = () =>
      db.transaction((tx) =>
        reserveStock(tx, {
          partId: p.id,
          locationId: st.main,
          quantity: 1,
          workOrderId: null,
          actorId: null,
          at: t.clock.now(),
        }),
      );
    const results = await Promise.allSettled([reserve(), reserve()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason.code).toBe('insufficient_stock');
    expect(await st.levelOf(p.id, st.main)).toMatchObject({ onHand: 1, reserved: 1, available: 0 });
    const moves = await t.request('GET', `/api/stock/moves?partId=${p.id}&kind=reserve`, { token: s.admin });
    expect(moves.body.total).toBe(1);
  });

  it('stock moves stamp the level with the injected clock, not the machine time', async () => {
    const p = await st.newPart();
    await t.request('POST', '/api/stock/receive', {
      token: s.admin,
      body: { partId: p.id, locationId: st.main, quantity: 2 },
    });
    const level = (
      await t.request('GET', `/api/stock?partId=${p.id}&locationId=${st.main}`, { token: s.admin })
    ).body.items[0];
    expect(level.updatedAt).toBe(t.clock.now().toISOString());
  });

  it('stock-take sets on hand but never below what is reserved; min levels drive the low warning', async () => {
    const p = await st.newPart();
    const tech = s.users.technical!.token;
    await t.request('POST', '/api/stock/receive', {
      token: tech,
      body: { partId: p.id, locationId: st.main, quantity: 10 },
    });
    await t.database.db.transaction((tx) =>
      reserveStock(tx, {
        partId: p.id,
        locationId: st.main,
        quantity: 4,
        workOrderId: null,
        actorId: null,
        at: t.clock.now(),
      }),
    );
    const below = await t.request('POST', '/api/stock/adjust', {
      token: tech,
      body: { partId: p.id, locationId: st.main, onHand: 3, note: '盘点' },
    });
    expect(below.status).toBe(400);
    expect(fields(below)).toEqual(['onHand']);
    const ok = await t.request('POST', '/api/stock/adjust', {
      token: tech,
      body: { partId: p.id, locationId: st.main, onHand: 6, note: '盘点：损坏 4 件' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ onHand: 6, reserved: 4, available: 2, low: false });
    const adj = await t.request('GET', `/api/stock/moves?partId=${p.id}&kind=adjust`, { token: tech });
    expect(adj.body.items[0]).toMatchObject({ quantity: 4, fromLocationId: st.main, toLocationId: null });

    const lowBefore = (await t.request('GET', '/api/stock/low-count', { token: tech })).body.count;
    const min = await t.request('PATCH', '/api/stock/min', {
      token: tech,
      body: { partId: p.id, locationId: st.main, minQty: 2 },
    });
    expect(min.status).toBe(200);
    expect(min.body).toMatchObject({ minQty: 2, available: 2, low: true });
    expect((await t.request('GET', '/api/stock/low-count', { token: tech })).body.count).toBe(lowBefore + 1);
    const low = await t.request('GET', `/api/stock?low=true&locationId=${st.main}`, { token: tech });
    expect(low.body.items.map((l: { partId: string }) => l.partId)).toContain(p.id);
    expect(low.body.items.every((l: { low: boolean }) => l.low)).toBe(true);
    // A safety stock for a part not yet stocked there creates an empty, low row.
    const q = await st.newPart();
    const fresh = await t.request('PATCH', '/api/stock/min', {
      token: tech,
      body: { partId: q.id, locationId: st.centreStore, minQty: 5 },
    });
    expect(fresh.body).toMatchObject({ onHand: 0, minQty: 5, low: true });
  });
});

describe('price lists (价格表)', () => {
  it('has the two default lists and picks the newest active one of each kind', async () => {
    const r = await t.request('GET', '/api/price-lists', { token: s.users.finance!.token });
    expect(r.body.items.map((p: { code: string }) => p.code).sort()).toEqual([
      'PL-MKT-V1-2021',
      'PL-WP-V1-2021',
    ]);
    const before = await activePriceLists(t.database.db);
    expect(before.cost).toMatchObject({
      code: 'PL-WP-V1-2021',
      labourRateFen: 8_000,
      partsBasis: 'cost',
      taxRateBp: 1300,
    });
    expect(before.charged).toMatchObject({
      code: 'PL-MKT-V1-2021',
      travelFlatFen: 5_000,
      partsBasis: 'list',
    });

    t.clock.advance(60_000);
    // Price lists are the administrator's (SPEC §1); finance reads them.
    const created = await t.request('POST', '/api/price-lists', {
      token: s.admin,
      body: {
        code: 'PL-MKT-V2-2026',
        name: '市场服务收费标准 V2-2026',
        kind: 'market',
        labourRateFen: 18_000,
        travelPerKmFen: 350,
        travelFlatFen: 6_000,
        partsBasis: 'list',
        partsMarkupBp: 500,
        taxRateBp: 1300,
      },
    });
    expect(created.status).toBe(201);
    expect((await activePriceLists(t.database.db)).charged?.code).toBe('PL-MKT-V2-2026');
    const off = await t.request('PATCH', `/api/price-lists/${created.body.id}`, {
      token: s.admin,
      body: { version: 1, active: false },
    });
    expect(off.status).toBe(200);
    expect((await activePriceLists(t.database.db)).charged?.code).toBe('PL-MKT-V1-2021');
  });

  it('rejects bad rates, kinds and duplicate codes, naming the field', async () => {
    const base = {
      code: 'PL-X',
      name: 'x',
      kind: 'market',
      labourRateFen: 100,
      partsBasis: 'cost',
      taxRateBp: 1300,
    };
    const post = (body: Record<string, unknown>) =>
      t.request('POST', '/api/price-lists', { token: s.admin, body: { ...base, ...body } });
    expect(fields(await post({ taxRateBp: 20_000 }))).toEqual(['taxRateBp']);
    expect(fields(await post({ labourRateFen: -5 }))).toEqual(['labourRateFen']);
    expect(fields(await post({ kind: 'wholesale' }))).toEqual(['kind']);
    expect(fields(await post({ partsBasis: 'retail' }))).toEqual(['partsBasis']);
    expect(fields(await post({ partsMarkupBp: 1.5 }))).toEqual(['partsMarkupBp']);
    const dup = await post({ code: 'PL-WP-V1-2021' });
    expect(dup.status).toBe(409);
    expect(fields(dup)).toEqual(['code']);
    expect(
      (await t.request('POST', '/api/price-lists', { token: s.users.desk!.token, body: base })).status,
    ).toBe(403);
  });
});
