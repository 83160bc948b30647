import type { OrderFacts, PrintPartLine } from './print-dal.ts';
import {
  causeLabel,
  dataTable,
  fieldGrid,
  html,
  indexCol,
  localDate,
  page,
  section,
  statusLabel,
  yuan,
} from './print-html.ts';
import type { AssetDto, PrintedForm, PrintMeta, WarrantyDto, WorkOrderSummaryDto } from './print-types.ts';

// 售后服务历史登记卡 (service history card per asset) [seed 000 §6.3]: the unit, its warranty, and every
// work order on it in time order — what was done, why, which parts, by whom, and who paid.

const TITLE = '售后服务历史登记卡';

export type HistoryRow = {
  order: WorkOrderSummaryDto;
  facts: OrderFacts | null;
  parts: PrintPartLine[];
  /** When the work happened: check-in, else the planned day, else when the order was made. */
  at: string;
};

/** Orders in time order (oldest first), each with its own facts and part lines. */
export const historyRows = (
  orders: WorkOrderSummaryDto[],
  facts: Map<string, OrderFacts>,
  parts: Map<string, PrintPartLine[]>,
): HistoryRow[] =>
  orders
    .map((order) => {
      const f = facts.get(order.id) ?? null;
      const at =
        f?.checkInAt?.toISOString() ??
        (order.plannedDate ? `${order.plannedDate}T00:00:00+08:00` : order.createdAt);
      return { order, facts: f, parts: parts.get(order.id) ?? [], at };
    })
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order.number.localeCompare(b.order.number));

/** 公司承担 / 客户承担 with the amounts; free work says so. */
const whoPaid = (r: HistoryRow) => {
  const c = r.facts?.charges;
  if (!c) return ['未计费'];
  const parts = [];
  if (c.companyCostFen > 0 || c.lines.some((l) => l.payer === 'company'))
    parts.push(`公司承担 ${yuan(c.companyCostFen)}`);
  if (c.customerTotalFen > 0) parts.push(`客户承担 ${yuan(c.customerTotalFen)}`);
  return parts.length > 0 ? parts : ['无费用'];
};

const warrantyText = (w: WarrantyDto | null) => {
  if (!w) return '';
  const last = w.warrantyEnd ? localDate(new Date(Date.parse(w.warrantyEnd) - 1)) : '';
  const term = w.warrantyStart ? `${localDate(w.warrantyStart)} 至 ${last}` : '未起算';
  const hours = w.hoursLimit ? `，${w.hoursLimit} 小时以内` : '';
  return `${w.policy.name}（第 ${w.policy.version} 版）：${term}${hours}；当前${w.inWarranty ? '在保' : '已过保'}`;
};

export const historyCard = (o: {
  asset: AssetDto;
  warranty: WarrantyDto | null;
  rows: HistoryRow[];
  truncated: boolean;
  meta: PrintMeta;
}): PrintedForm => {
  const a = o.asset;
  const body = html`
${fieldGrid([
  { label: '设备序列号', value: a.serialNo },
  { label: '型号', value: `${a.modelCode}　${a.modelName}` },
  { label: '客户', value: a.customerName, wide: true },
  { label: '销售日期', value: localDate(a.soldAt) },
  { label: '交付日期', value: localDate(a.deliveredAt) },
  { label: '验收日期', value: localDate(a.acceptedAt) },
  { label: '当前工作小时', value: a.latestHours === null ? '' : `${a.latestHours} h` },
  { label: '保修', value: warrantyText(o.warranty), wide: true },
  { label: '安装地点', value: a.location ?? '', wide: true },
])}
${section(
  `服务记录（共 ${o.rows.length} 次）`,
  dataTable(
    [
      indexCol(),
      { title: '日期', cell: (r) => localDate(r.at), nowrap: true },
      {
        title: '派工单号',
        cell: (r) => html`${r.order.number}<span class="reason">${statusLabel(r.order.status)}</span>`,
      },
      { title: '服务内容', cell: (r) => r.order.task },
      { title: '故障原因', cell: (r) => causeLabel(r.facts?.cause ?? 'unknown') },
      {
        title: '更换零件',
        cell: (r) =>
          r.parts.map((p) => html`<span class="reason">${p.code} ${p.name} × ${p.quantity}</span>`),
      },
      { title: '维修工程师', cell: (r) => r.order.engineers.map((e) => e.name).join('、') },
      {
        title: '费用承担',
        cell: (r) => whoPaid(r).map((p, i) => html`${i > 0 ? html`<br>` : ''}${p}`),
        nowrap: true,
      },
    ],
    o.rows,
    '暂无服务记录',
  ),
)}
${o.truncated ? html`<p class="warn">记录过多，仅列出前 ${o.rows.length} 次服务。</p>` : ''}`;
  return {
    title: TITLE,
    number: a.serialNo,
    html: page({ title: TITLE, number: a.serialNo, body, ...o.meta }),
  };
};
