// Who pays each line of a work order and how much (收费), in integer fen (分), CNY [SPEC §2.3, §2.7].
// Paid service is travel + engineers' wages from a price list, no arbitrary prices [seed 001]:
// `cost` work uses the list "三包期内非三包收费", `charged` work the list "市场服务收费" [seed 000 §6].
// Rounding: each line is rounded half-up on its own (labour, markup); tax is rounded half-up once
// per price list, on the sum of that list's customer lines.
import type { Coverage, Reason } from '../warranty/entitlement-types.ts';
import { mulDivRound, safeFen as safe } from './money.ts';

export type { Coverage, Reason };

export type PriceTerms = {
  id: string;
  code: string;
  name: string;
  /** Per hour. */
  labourRateFen: number;
  travelPerKmFen: number;
  travelFlatFen: number;
  partsBasis: 'cost' | 'list';
  /** Basis points: 1500 = 15 %. Only for `charged` parts. */
  partsMarkupBp: number;
  taxRateBp: number;
};

export type ChargePart = {
  lineId: string;
  partCode: string;
  partName: string;
  quantity: number;
  costFen: number;
  listFen: number;
  coverage: Coverage;
  reasons: Reason[];
};

export type ChargeInput = {
  /** Entitlement of the work itself: labour and travel follow it. */
  job: { coverage: Coverage; reasons: Reason[] };
  labourMinutes: number;
  travelKm: number;
  parts: ChargePart[];
  /** cost = kind warranty_period (三包期内非三包收费), charged = kind market (市场服务收费). */
  priceLists: { cost: PriceTerms | null; charged: PriceTerms | null };
};

export type ChargeLine = {
  kind: 'labour' | 'travel' | 'part';
  /** lineId for parts, null otherwise. */
  ref: string | null;
  description: string;
  descriptionEn: string;
  /** Minutes for labour, km for travel, pieces for parts. */
  quantity: number;
  unit: 'min' | 'km' | '件';
  /** The rate: per hour for labour, per km for travel (plus the flat fee), per piece before markup for parts. */
  unitFen: number;
  /** Value of the line at its basis (for free lines: what it costs the company, 0 if unknown). */
  amountFen: number;
  /** What the customer pays; 0 when free. */
  customerFen: number;
  coverage: Coverage;
  payer: 'company' | 'customer';
  priceListCode: string | null;
  reasons: Reason[];
};

export type ChargeProblem = {
  code: 'price_list_missing';
  coverage: Coverage;
  message: string;
  messageEn: string;
};

export type TaxLine = { priceListCode: string; taxRateBp: number; netFen: number; taxFen: number };

export type Charges = {
  lines: ChargeLine[];
  customerNetFen: number;
  /** One entry per price list with customer lines: the tax is computed on each list's sum. */
  taxes: TaxLine[];
  taxFen: number;
  customerTotalFen: number;
  companyCostFen: number;
  problems: ChargeProblem[];
};

const PAYER: Record<Coverage, Reason> = {
  free: {
    code: 'payer_company',
    clause: '4.1',
    message: '三包期内免费，由公司承担',
    messageEn: 'Free under warranty: the company pays',
  },
  cost: {
    code: 'payer_customer_cost',
    clause: '4.2',
    message: '成本费用保修：按“三包期内非三包收费”价目表向客户收取成本费用',
    messageEn: 'Cost warranty: the customer pays cost, from the in-warranty non-warranty price list',
  },
  charged: {
    code: 'payer_customer_charged',
    clause: '4.3',
    message: '收取合理成本及利润：按“市场服务收费”价目表向客户收费',
    messageEn: 'Charged at reasonable cost and margin, from the market service price list',
  },
};

const LIST_NAME: Record<Exclude<Coverage, 'free'>, { zh: string; en: string }> = {
  cost: { zh: '三包期内非三包收费', en: 'in-warranty non-warranty charges' },
  charged: { zh: '市场服务收费', en: 'market service charges' },
};

const UNKNOWN_COST: Reason = {
  code: 'company_cost_unknown',
  clause: null,
  message: '无适用价目表，公司承担的费用未计价',
  messageEn: 'No price list applies: the cost to the company is not valued',
};

/** The list a line is valued at; free labour/travel fall back to the market list for the company's cost. */
const listFor = (coverage: Coverage, lists: ChargeInput['priceLists'], kind: ChargeLine['kind']) => {
  if (coverage === 'cost') return lists.cost;
  if (coverage === 'charged') return lists.charged;
  return kind === 'part' ? null : (lists.cost ?? lists.charged);
};

type Valued = { unitFen: number; amountFen: number };

export const computeCharges = (input: ChargeInput): Charges => {
  const { job, priceLists } = input;
  const lines: ChargeLine[] = [];
  const listOf: (PriceTerms | null)[] = []; // parallel to lines: the list each line was valued at
  const missing = new Set<Coverage>();

  const push = (
    line: Pick<
      ChargeLine,
      'kind' | 'ref' | 'description' | 'descriptionEn' | 'quantity' | 'unit' | 'coverage'
    >,
    given: Reason[],
    list: PriceTerms | null,
    /** null = the needed price list is missing. */
    valued: Valued | null,
  ) => {
    const payer = line.coverage === 'free' ? 'company' : 'customer';
    const reasons = [...given, PAYER[line.coverage]];
    if (!valued && payer === 'customer') missing.add(line.coverage);
    if (!valued && payer === 'company') reasons.push(UNKNOWN_COST);
    const amountFen = valued?.amountFen ?? 0;
    lines.push({
      ...line,
      unitFen: valued?.unitFen ?? 0,
      amountFen,
      customerFen: payer === 'customer' ? amountFen : 0,
      payer,
      priceListCode: list?.code ?? null,
      reasons,
    });
    listOf.push(list);
  };

  const minutes = safe(input.labourMinutes, 'labourMinutes');
  if (minutes > 0) {
    const list = listFor(job.coverage, priceLists, 'labour');
    const line = {
      kind: 'labour',
      ref: null,
      description: `维修工时费（${minutes} 分钟）`,
      descriptionEn: `Labour (${minutes} min)`,
      quantity: minutes,
      unit: 'min',
      coverage: job.coverage,
    } as const;
    const valued = list && {
      unitFen: list.labourRateFen,
      amountFen: mulDivRound(list.labourRateFen, minutes, 60),
    };
    push(line, job.reasons, list, valued);
  }

  const km = safe(input.travelKm, 'travelKm');
  if (km > 0) {
    const list = listFor(job.coverage, priceLists, 'travel');
    const line = {
      kind: 'travel',
      ref: null,
      description: `差旅费（${km} 公里）`,
      descriptionEn: `Travel (${km} km)`,
      quantity: km,
      unit: 'km',
      coverage: job.coverage,
    } as const;
    const valued = list && {
      unitFen: safe(list.travelPerKmFen, 'travelPerKmFen'),
      amountFen: safe(safe(list.travelFlatFen, 'travelFlatFen') + list.travelPerKmFen * km, 'travel amount'),
    };
    push(line, job.reasons, list, valued);
  }

  for (const p of input.parts) {
    const qty = safe(p.quantity, 'quantity');
    const list = listFor(p.coverage, priceLists, 'part');
    const charged = p.coverage === 'charged' && list !== null;
    const unitFen = safe(charged && list.partsBasis === 'list' ? p.listFen : p.costFen, 'part price');
    const markupBp = charged ? safe(list.partsMarkupBp, 'partsMarkupBp') : 0;
    const base = safe(unitFen * qty, 'part amount');
    // Free parts are valued at cost without a list; customer parts need theirs (price basis, tax).
    const valued =
      p.coverage === 'free' || list !== null
        ? { unitFen, amountFen: safe(base + mulDivRound(base, markupBp, 10_000), 'part amount') }
        : null;
    const markup =
      markupBp > 0 ? { zh: `，加价 ${markupBp / 100}%`, en: `, plus ${markupBp / 100}% markup` } : null;
    const line = {
      kind: 'part',
      ref: p.lineId,
      description: `${p.partName}（${p.partCode}）× ${qty}${markup?.zh ?? ''}`,
      descriptionEn: `${p.partName} (${p.partCode}) × ${qty}${markup?.en ?? ''}`,
      quantity: qty,
      unit: '件',
      coverage: p.coverage,
    } as const;
    push(line, p.reasons, list, valued);
  }

  // Tax per price list on the sum of its customer lines (one rounding per list, not per line).
  let customerNetFen = 0;
  let companyCostFen = 0;
  const byList = new Map<string, { list: PriceTerms; netFen: number }>();
  lines.forEach((l, i) => {
    if (l.payer === 'company') companyCostFen = safe(companyCostFen + l.amountFen, 'companyCostFen');
    customerNetFen = safe(customerNetFen + l.customerFen, 'customerNetFen');
    const list = listOf[i];
    if (l.payer !== 'customer' || !list) return;
    const entry = byList.get(list.id) ?? { list, netFen: 0 };
    entry.netFen += l.customerFen; // ≤ customerNetFen, so safe
    byList.set(list.id, entry);
  });
  const taxes: TaxLine[] = [...byList.values()].map(({ list, netFen }) => ({
    priceListCode: list.code,
    taxRateBp: list.taxRateBp,
    netFen,
    taxFen: mulDivRound(netFen, list.taxRateBp, 10_000),
  }));
  const taxFen = taxes.reduce((sum, t) => safe(sum + t.taxFen, 'taxFen'), 0);
  const problems: ChargeProblem[] = [...missing].map((c) => {
    const name = LIST_NAME[c as Exclude<Coverage, 'free'>];
    return {
      code: 'price_list_missing',
      coverage: c,
      message: `缺少“${name.zh}”价目表，相关收费行按 0 计，须先维护价目表`,
      messageEn: `The ${name.en} price list is missing: its lines are priced at 0 until it is set up`,
    };
  });
  return {
    lines,
    customerNetFen,
    taxes,
    taxFen,
    customerTotalFen: safe(customerNetFen + taxFen, 'customerTotalFen'),
    companyCostFen,
    problems,
  };
};
