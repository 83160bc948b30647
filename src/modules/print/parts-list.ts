import type { Coverage } from '../../domain/field/charges.ts';
import { mulDivRound } from '../../domain/field/money.ts';
import type { OrderFacts, PrintPartLine } from './print-dal.ts';
import {
  coverageLabel,
  dataTable,
  fieldGrid,
  html,
  indexCol,
  localDate,
  multiline,
  page,
  percent,
  section,
  yuan,
} from './print-html.ts';
import type { PrintedForm, PrintMeta, TicketDto, WorkOrderSummaryDto } from './print-types.ts';

// 单个项目保外零件清单 (out-of-warranty parts list of one project) [seed 000 §6.5]: every part line of the
// ticket's work orders that the customer pays (coverage cost or charged), with totals and tax.

const TITLE = '单个项目保外零件清单';

export type PaidPart = {
  orderNumber: string;
  code: string;
  name: string;
  quantity: number;
  /** Per piece, before any markup (the price list's basis). */
  unitFen: number;
  /** What the customer pays for the line, markup included, before tax. */
  amountFen: number;
  coverage: Coverage;
  priceListCode: string | null;
  taxRateBp: number;
};

export type PartsTax = { priceListCode: string; taxRateBp: number; netFen: number; taxFen: number };

/**
 * The customer-paid part lines of the orders (cancelled orders left out), and the tax computed like
 * the orders' own: once per price list and rate, on the sum of its lines, rounded half-up.
 */
export const paidParts = (
  orders: WorkOrderSummaryDto[],
  facts: Map<string, OrderFacts>,
  lines: Map<string, PrintPartLine[]>,
) => {
  const rows: PaidPart[] = [];
  const sorted = [...orders].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  for (const o of sorted) {
    if (o.status === 'cancelled') continue;
    const c = facts.get(o.id)?.charges;
    if (!c) continue;
    const byLine = new Map((lines.get(o.id) ?? []).map((l) => [l.lineId, l]));
    for (const l of c.lines) {
      if (l.kind !== 'part' || l.payer !== 'customer') continue;
      const part = l.ref ? byLine.get(l.ref) : undefined;
      rows.push({
        orderNumber: o.number,
        code: part?.code ?? '',
        name: part?.name ?? l.description,
        quantity: l.quantity,
        unitFen: l.unitFen,
        amountFen: l.customerFen,
        coverage: l.coverage,
        priceListCode: l.priceListCode,
        taxRateBp: c.taxes.find((t) => t.priceListCode === l.priceListCode)?.taxRateBp ?? 0,
      });
    }
  }
  const groups = new Map<string, PartsTax>();
  for (const r of rows) {
    if (!r.priceListCode) continue;
    const key = `${r.priceListCode}|${r.taxRateBp}`;
    const g = groups.get(key) ?? {
      priceListCode: r.priceListCode,
      taxRateBp: r.taxRateBp,
      netFen: 0,
      taxFen: 0,
    };
    g.netFen += r.amountFen;
    groups.set(key, g);
  }
  const taxes = [...groups.values()].map((g) => ({
    ...g,
    taxFen: mulDivRound(g.netFen, g.taxRateBp, 10_000),
  }));
  const netFen = rows.reduce((s, r) => s + r.amountFen, 0);
  const taxFen = taxes.reduce((s, t) => s + t.taxFen, 0);
  return { rows, taxes, netFen, taxFen, totalFen: netFen + taxFen };
};

export const partsList = (o: {
  ticket: TicketDto;
  list: ReturnType<typeof paidParts>;
  orderCount: number;
  meta: PrintMeta;
}): PrintedForm => {
  const t = o.ticket;
  const l = o.list;
  const body = html`
${fieldGrid([
  { label: '服务请求', value: t.number },
  { label: '登记日期', value: localDate(t.reportedAt) },
  { label: '客户', value: t.customerName },
  { label: '设备序列号', value: t.serialNo ?? '' },
  { label: '项目内容', value: multiline(t.title ?? t.description), wide: true },
  { label: '派工单', value: `${o.orderCount} 张` },
  { label: '保外零件行', value: `${l.rows.length} 行` },
])}
${section(
  '客户付费零件（成本费用 / 收费）',
  dataTable(
    [
      indexCol(),
      { title: '派工单号', cell: (r) => r.orderNumber },
      { title: '零件编码', cell: (r) => r.code },
      { title: '零件名称', cell: (r) => r.name },
      { title: '数量', cell: (r) => r.quantity, num: true },
      { title: '单价', cell: (r) => yuan(r.unitFen), num: true },
      {
        title: '金额',
        cell: (r) =>
          html`${yuan(r.amountFen)}${r.amountFen !== r.unitFen * r.quantity ? html`<span class="reason">含加价</span>` : ''}`,
        num: true,
      },
      { title: '保修判定', cell: (r) => coverageLabel(r.coverage), nowrap: true },
    ],
    l.rows,
    '本项目没有由客户付费的零件',
  ),
)}
<table class="totals">
  <tr><th>合计（不含税）</th><td>${yuan(l.netFen)}</td></tr>
  ${l.taxes.map((x) => html`<tr><th>税额（${x.priceListCode}，税率 ${percent(x.taxRateBp)}）</th><td>${yuan(x.taxFen)}</td></tr>`)}
  ${l.taxes.length === 0 ? html`<tr><th>税额</th><td>${yuan(0)}</td></tr>` : ''}
  <tr class="total"><th>合计（含税）</th><td>${yuan(l.totalFen)}</td></tr>
</table>`;
  return { title: TITLE, number: t.number, html: page({ title: TITLE, number: t.number, body, ...o.meta }) };
};
