import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/client.ts';
import {
  assetEvents,
  assets,
  customerContacts,
  customers,
  meterReadings,
  productModels,
  warrantyPolicies,
} from '../db/schema/index.ts';

// Demo installed base: the excavator policy of seed 000 第四篇 and a software policy of 第一篇, with
// customers of every grade and units that show the interesting entitlement cases.
export const loadDemoAssets = async (tx: Executor, opts: { now: Date; dealerIds: Map<string, string> }) => {
  const { now } = opts;
  const stamp = { createdAt: now, updatedAt: now };
  const day = (iso: string) => new Date(`${iso}T00:00:00+08:00`);

  const [excavator] = await tx
    .insert(warrantyPolicies)
    .values({
      policyKey: randomUUID(),
      version: 1,
      name: '挖掘机质量保证规定',
      startBasis: 'delivery',
      months: 12,
      hoursLimit: 2000,
      plans: [
        { code: 'STD', months: 12, hoursLimit: 2000 },
        { code: '12M-UNLIMITED', months: 12, hoursLimit: null },
        { code: '24M-3000H', months: 24, hoursLimit: 3000 },
      ],
      weightHourLimits: [{ maxWeightT: 13, hoursLimit: 1500 }],
      attachmentHourReductions: { hydraulic_breaker: 500 },
      partMonths: 12,
      exclusions: [
        '易损件及耗材',
        '非原厂零件或未经认可的属具',
        '非授权人员维修或改装',
        '保养不当、燃油不当',
        '事故、疏忽',
        '经济损失',
      ],
      createdAt: now,
    })
    .returning();
  await tx.insert(warrantyPolicies).values({
    policyKey: randomUUID(),
    version: 1,
    name: '软件产品售后服务政策',
    startBasis: 'invoice',
    months: 12,
    hoursLimit: null,
    partMonths: 12,
    serviceTiers: {
      lifetimeFree: ['回访', '咨询（不含专家咨询）', 'Bug 修复更新', '在线即时支持'],
      firstYearFree: ['现场初始化指导', '故障排除（病毒或人为原因除外）', '同版本升级', '系统维护'],
      annualFeeRate: 0.15,
    },
    createdAt: now,
  });

  const models = await tx
    .insert(productModels)
    .values([
      {
        code: 'DX60',
        name: '小型挖掘机 DX60',
        category: '挖掘机',
        operatingWeightT: 6,
        listPriceFen: 32_000_000,
        warrantyPolicyId: excavator!.id,
        wearParts: ['BUCKET_TOOTH', 'TRACK_SHOE'],
        consumables: ['OIL_FILTER', 'AIR_FILTER', 'HYD_OIL'],
        ...stamp,
      },
      {
        code: 'DX215',
        name: '中型挖掘机 DX215',
        category: '挖掘机',
        operatingWeightT: 21.5,
        listPriceFen: 98_000_000,
        warrantyPolicyId: excavator!.id,
        wearParts: ['BUCKET_TOOTH', 'TRACK_SHOE', 'BUCKET_PIN'],
        consumables: ['OIL_FILTER', 'AIR_FILTER', 'HYD_OIL'],
        ...stamp,
      },
    ])
    .returning();
  const [small, medium] = models;

  const jsDealer = opts.dealerIds.get('D-JS01') ?? null;
  const gdDealer = opts.dealerIds.get('D-GD01') ?? null;
  const cust = await tx
    .insert(customers)
    .values([
      {
        code: 'C0001',
        name: '徐州城建工程有限公司',
        kind: 'existing',
        grade: 'A',
        dealerId: jsDealer,
        region: '江苏',
        address: '江苏省徐州市云龙区',
        phone: '0516-83880000',
        completedCooperations: 5,
        ...stamp,
      },
      {
        code: 'C0002',
        name: '苏州吴中土石方公司',
        kind: 'new',
        grade: 'C',
        dealerId: jsDealer,
        region: '江苏',
        address: '江苏省苏州市吴中区',
        phone: '0512-65880000',
        completedCooperations: 1,
        ...stamp,
      },
      {
        code: 'C0003',
        name: '佛山顺德市政工程队',
        kind: 'existing',
        grade: 'B',
        dealerId: gdDealer,
        region: '广东',
        address: '广东省佛山市顺德区',
        phone: '0757-22880000',
        completedCooperations: 3,
        ...stamp,
      },
      {
        code: 'C0004',
        name: '湛江港务基建有限公司',
        kind: 'potential',
        grade: 'D',
        dealerId: gdDealer,
        region: '广东',
        address: '广东省湛江市霞山区',
        phone: '0759-22660000',
        ...stamp,
      },
    ])
    .returning();
  await tx.insert(customerContacts).values([
    {
      customerId: cust[0]!.id,
      name: '刘建华',
      title: '设备部经理',
      phone: '13905160001',
      primary: true,
      ...stamp,
    },
    { customerId: cust[1]!.id, name: '顾明', title: '老板', phone: '13806210002', primary: true, ...stamp },
    {
      customerId: cust[2]!.id,
      name: '黄伟强',
      title: '机务主管',
      phone: '13702880003',
      primary: true,
      ...stamp,
    },
  ]);

  const units = await tx
    .insert(assets)
    .values([
      {
        serialNo: 'DX215-2026-0001',
        modelId: medium!.id,
        customerId: cust[0]!.id,
        dealerId: jsDealer,
        warrantyPolicyId: excavator!.id,
        soldAt: day('2026-03-20'),
        deliveredAt: day('2026-04-01'),
        plan: 'STD',
        warrantyCardReturnedAt: day('2026-04-12'),
        latestHours: 860,
        latestReadAt: day('2026-10-30'),
        ...stamp,
      },
      {
        serialNo: 'DX215-2025-0042',
        modelId: medium!.id,
        customerId: cust[0]!.id,
        dealerId: jsDealer,
        warrantyPolicyId: excavator!.id,
        deliveredAt: day('2025-08-15'),
        plan: '24M-3000H',
        attachments: ['hydraulic_breaker'],
        warrantyCardReturnedAt: day('2025-08-30'),
        latestHours: 2310,
        latestReadAt: day('2026-11-01'),
        ...stamp,
      },
      {
        serialNo: 'DX60-2025-0107',
        modelId: small!.id,
        customerId: cust[1]!.id,
        dealerId: jsDealer,
        warrantyPolicyId: excavator!.id,
        deliveredAt: day('2025-12-05'),
        plan: 'STD',
        latestHours: 1520,
        latestReadAt: day('2026-11-10'),
        ...stamp,
      },
      {
        serialNo: 'DX60-2024-0033',
        modelId: small!.id,
        customerId: cust[2]!.id,
        dealerId: gdDealer,
        warrantyPolicyId: excavator!.id,
        deliveredAt: day('2024-06-18'),
        plan: 'STD',
        latestHours: 3900,
        latestReadAt: day('2026-09-01'),
        ...stamp,
      },
    ])
    .returning();
  const readings: Array<[number, string, number]> = [
    [0, '2026-06-01', 310],
    [0, '2026-10-30', 860],
    [1, '2026-02-01', 1200],
    [1, '2026-11-01', 2310],
    [2, '2026-05-01', 600],
    [2, '2026-11-10', 1520],
    [3, '2025-06-18', 1900],
    [3, '2026-09-01', 3900],
  ];
  await tx.insert(meterReadings).values(
    readings.map(([i, d, h]) => ({
      assetId: units[i]!.id,
      hours: h,
      readAt: day(d),
      source: 'demo',
      createdAt: now,
    })),
  );
  await tx.insert(assetEvents).values([
    {
      assetId: units[1]!.id,
      kind: 'part_replaced',
      at: day('2026-07-08'),
      partCode: 'MAIN_PUMP',
      note: '主泵内泄，更换',
      createdAt: now,
    },
  ]);
  // The demo portal user belongs to this customer.
  return { portalCustomerId: cust[1]!.id };
};
