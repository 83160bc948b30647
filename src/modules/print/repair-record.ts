import {
  assetFields,
  chargeProblems,
  chargesOf,
  chargesTable,
  customerFields,
  customerSignature,
  engineerNames,
  itemsTable,
  partsTable,
  totalsTable,
} from './order-sections.ts';
import { causeLabel, fieldGrid, handSign, html, localTime, multiline, page, section } from './print-html.ts';
import type { OrderForm, PrintedForm } from './print-types.ts';

// 三包维修记录 / 维修记录 (repair record) [SPEC §2.5, seed 001]: the signed record of the work that the
// warranty write-off needs — fault, cause, work, parts with serials, every charge line with who pays
// it (承担方) and the warranty decision (保修判定) with its clause, totals, and the customer's signature.

/** 三包维修记录 when any of the work is covered by the warranty; otherwise a plain 维修记录. */
const titleOf = (f: OrderForm) => {
  const entitlement = f.order.entitlement as { inWarranty?: boolean } | null;
  const free = chargesOf(f.order)?.lines.some((l) => l.coverage === 'free') ?? false;
  return entitlement?.inWarranty === true || free ? '三包维修记录' : '维修记录';
};

export const repairRecord = (f: OrderForm): PrintedForm => {
  const o = f.order;
  const c = chargesOf(o);
  const title = titleOf(f);
  const body = html`
${fieldGrid([
  ...customerFields(f),
  ...assetFields(o),
  { label: '工作小时', value: o.meterHours === null ? '' : `${o.meterHours} h` },
  { label: '服务请求', value: o.ticketNumber },
  { label: '维修工程师', value: engineerNames(o), wide: true },
  { label: '到达时间', value: localTime(o.checkInAt) },
  { label: '离开时间', value: localTime(o.checkOutAt) },
])}
${section(
  '故障与诊断',
  fieldGrid([
    { label: '故障描述', value: multiline(f.ticket?.description ?? o.task), wide: true },
    { label: '原因分类', value: causeLabel(o.cause) },
    { label: '重大故障', value: o.majorFault ? '是' : '否' },
    { label: '诊断结论', value: multiline(o.diagnosis), wide: true },
  ]),
)}
${section('维修项目', itemsTable(o))}
${section('更换零件', partsTable(o, { status: true }))}
${section(
  '费用明细（保修判定与承担方）',
  c
    ? html`${chargeProblems(c)}${chargesTable(c)}${totalsTable(c)}`
    : html`<p class="note">费用尚未计算。</p>`,
)}
${fieldGrid([{ label: '客户意见', value: multiline(o.customerComment), wide: true }])}
<p class="note">三包范围内更换的旧件须留存并返回公司，经技术部鉴定后方可办理三包核销。</p>
<div class="signs">${customerSignature(f, '用户签字确认')}${handSign('维修工程师')}</div>`;
  return { title, number: o.number, html: page({ title, number: o.number, body, ...f }) };
};
