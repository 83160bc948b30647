import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { parts, stockingPlans, stockLevels, stockLocations, stockMoves } from '../db/schema/index.ts';
import { planDueOn } from '../domain/parts/stocking-plan.ts';
import { formatDay, localDay, zoneFor } from '../domain/warranty/zoned-calendar.ts';
import { MAIN_STORE } from './parts-defaults.ts';

// Demo parts: the wear parts and consumables the demo excavator models list, a few major parts,
// stock at the company store, a service centre and a dealer (some below their safety stock), and
// one dealer's draft stocking plan.

const PARTS = [
  {
    code: 'BUCKET_TOOTH',
    name: '斗齿',
    wear: true,
    costFen: 18_000,
    listFen: 28_000,
    supplier: '宁波斗齿厂',
  },
  { code: 'TRACK_SHOE', name: '履带板', wear: true, costFen: 42_000, listFen: 65_000, supplier: '徐州履带' },
  { code: 'BUCKET_PIN', name: '铲斗销轴', wear: true, costFen: 26_000, listFen: 39_000, supplier: null },
  {
    code: 'OIL_FILTER',
    name: '机油滤芯',
    consumable: true,
    costFen: 6_500,
    listFen: 12_000,
    supplier: '弗列加',
  },
  {
    code: 'AIR_FILTER',
    name: '空气滤芯',
    consumable: true,
    costFen: 9_500,
    listFen: 16_800,
    supplier: '唐纳森',
  },
  {
    code: 'HYD_OIL',
    name: '抗磨液压油 46# 18L',
    unit: '桶',
    consumable: true,
    costFen: 52_000,
    listFen: 78_000,
    supplier: '长城润滑油',
  },
  {
    code: 'HYD_PUMP',
    name: '主泵（液压柱塞泵）',
    serialised: true,
    costFen: 2_850_000,
    listFen: 4_200_000,
    supplier: '川崎精机',
  },
  {
    code: 'MAIN_VALVE',
    name: '主控阀',
    serialised: true,
    costFen: 1_960_000,
    listFen: 2_880_000,
    supplier: '川崎精机',
  },
  { code: 'STARTER', name: '起动马达 24V', costFen: 168_000, listFen: 256_000, supplier: '博世' },
  { code: 'BOOM_SEAL_KIT', name: '动臂油缸密封包', costFen: 32_000, listFen: 52_000, supplier: 'NOK' },
] as const;

// [store, part, on hand, safety stock]
const STOCK: [string, string, number, number][] = [
  ['MAIN', 'BUCKET_TOOTH', 120, 40],
  ['MAIN', 'TRACK_SHOE', 60, 20],
  ['MAIN', 'BUCKET_PIN', 30, 10],
  ['MAIN', 'OIL_FILTER', 200, 50],
  ['MAIN', 'AIR_FILTER', 150, 50],
  ['MAIN', 'HYD_OIL', 80, 30],
  ['MAIN', 'HYD_PUMP', 3, 2],
  ['MAIN', 'MAIN_VALVE', 1, 2],
  ['MAIN', 'STARTER', 12, 4],
  ['MAIN', 'BOOM_SEAL_KIT', 25, 10],
  ['SC-EAST-STORE', 'BUCKET_TOOTH', 24, 10],
  ['SC-EAST-STORE', 'OIL_FILTER', 40, 20],
  ['SC-EAST-STORE', 'AIR_FILTER', 30, 20],
  ['SC-EAST-STORE', 'HYD_OIL', 2, 5],
  ['SC-EAST-STORE', 'BOOM_SEAL_KIT', 4, 2],
  ['D-JS01-STORE', 'BUCKET_TOOTH', 8, 10],
  ['D-JS01-STORE', 'OIL_FILTER', 20, 10],
  ['D-JS01-STORE', 'AIR_FILTER', 12, 10],
];

export const loadDemoParts = async (
  tx: Tx,
  opts: { now: Date; centreIds: Map<string, string>; dealerIds: Map<string, string> },
) => {
  const { now } = opts;
  const stamp = { createdAt: now, updatedAt: now };
  const partRows = await tx
    .insert(parts)
    .values(PARTS.map((p) => ({ ...p, ...stamp })))
    .returning();
  const partIds = new Map(partRows.map((p) => [p.code, p.id]));

  const storeIds = new Map<string, string>();
  const [main] = await tx.select().from(stockLocations).where(eq(stockLocations.code, MAIN_STORE.code));
  storeIds.set(
    'MAIN',
    main?.id ??
      (
        await tx
          .insert(stockLocations)
          .values({ ...MAIN_STORE, ...stamp })
          .returning()
      )[0]!.id,
  );
  const stores = await tx
    .insert(stockLocations)
    .values([
      {
        code: 'SC-EAST-STORE',
        name: '华东服务中心备件库',
        kind: 'centre',
        serviceCentreId: opts.centreIds.get('SC-EAST') ?? null,
        ...stamp,
      },
      {
        code: 'D-JS01-STORE',
        name: '恒通备件库',
        kind: 'dealer',
        dealerId: opts.dealerIds.get('D-JS01') ?? null,
        ...stamp,
      },
    ])
    .returning();
  for (const s of stores) storeIds.set(s.code, s.id);

  const levels = STOCK.map(([store, part, onHand, minQty]) => ({
    partId: partIds.get(part)!,
    locationId: storeIds.get(store)!,
    onHand,
    minQty,
    ...stamp,
  }));
  await tx.insert(stockLevels).values(levels);
  // The opening stock as receipts, so the ledger explains every level.
  await tx.insert(stockMoves).values(
    levels.map((l) => ({
      partId: l.partId,
      kind: 'receive',
      toLocationId: l.locationId,
      quantity: l.onHand,
      note: '演示数据：期初库存',
      createdAt: now,
    })),
  );

  const dealerId = opts.dealerIds.get('D-JS01');
  if (dealerId) {
    const zone = zoneFor('Asia/Shanghai');
    const seasonStart = formatDay(localDay(zone, now.getTime()) + 45);
    await tx.insert(stockingPlans).values({
      dealerId,
      season: `${seasonStart.slice(0, 4)} 施工旺季`,
      seasonStart,
      dueOn: planDueOn(seasonStart),
      lines: [
        { partId: partIds.get('BUCKET_TOOTH')!, quantity: 60, note: null },
        { partId: partIds.get('OIL_FILTER')!, quantity: 40, note: null },
        { partId: partIds.get('HYD_OIL')!, quantity: 20, note: '旺季前保养用' },
      ],
      note: '按去年同期用量上浮 20%',
      ...stamp,
    });
  }
};
