import { chargeProblems, chargesOf, customerSignature, engineerNames } from './order-sections.ts';
import {
  dataTable,
  fieldGrid,
  html,
  indexCol,
  localDate,
  multiline,
  page,
  section,
  yuan,
} from './print-html.ts';
import type { OrderForm, PrintedForm } from './print-types.ts';

// 维修服务单 (客户联): the customer's short copy — what was done, which parts, what the customer pays,
// and the customer's signature. The full record with every line and clause is the repair record.

const TITLE = '维修服务单';

export const serviceSheet = (f: OrderForm): PrintedForm => {
  const o = f.order;
  const c = chargesOf(o);
  const paid = c?.lines.filter((l) => l.payer === 'customer') ?? [];
  const work = [
    o.diagnosis,
    ...o.items.map((i) => `${i.description}${i.method ? `（${i.method}）` : ''} × ${i.quantity}`),
  ]
    .filter((x): x is string => !!x)
    .join('\n');
  const money = !c
    ? html`<p class="note">费用尚未计算。</p>`
    : paid.length === 0
      ? html`<p class="note">本次服务客户无需付费（三包期内免费，由公司承担）。</p>`
      : html`${dataTable(
          [
            indexCol(),
            { title: '收费项目', cell: (l) => l.description },
            { title: '金额', cell: (l) => yuan(l.customerFen), num: true },
          ],
          paid,
        )}<table class="totals">
  <tr><th>合计（不含税）</th><td>${yuan(c.customerNetFen)}</td></tr>
  <tr><th>税额</th><td>${yuan(c.taxFen)}</td></tr>
  <tr class="total"><th>客户应付合计（含税）</th><td>${yuan(c.customerTotalFen)}</td></tr>
</table>`;
  const body = html`
${fieldGrid([
  { label: '服务单号', value: o.number },
  { label: '服务日期', value: localDate(o.checkOutAt ?? o.doneAt ?? o.checkInAt ?? o.createdAt) },
  { label: '客户', value: o.customerName },
  { label: '设备', value: [o.assetSerialNo, o.modelName].filter(Boolean).join('　') },
  { label: '维修工程师', value: engineerNames(o), wide: true },
])}
${section('服务内容', fieldGrid([{ label: '完成工作', value: multiline(work || o.task), wide: true }]))}
${section(
  '更换零件',
  dataTable(
    [
      indexCol(),
      { title: '零件编码', cell: (p) => p.partCode },
      { title: '零件名称', cell: (p) => p.partName },
      { title: '数量', cell: (p) => p.quantity, num: true },
    ],
    o.parts,
    '未更换零件',
  ),
)}
${section('客户应付费用', html`${chargeProblems(c)}${money}`)}
${fieldGrid([{ label: '客户意见', value: multiline(o.customerComment), wide: true }])}
<div class="signs">${customerSignature(f)}</div>`;
  return {
    title: TITLE,
    number: o.number,
    html: page({ title: TITLE, number: o.number, left: '客户联', body, ...f }),
  };
};
