import {
  assetFields,
  customerFields,
  customerSignature,
  engineersTable,
  itemsTable,
  partsTable,
} from './order-sections.ts';
import {
  causeLabel,
  duration,
  fieldGrid,
  handSign,
  html,
  localTime,
  multiline,
  page,
  section,
} from './print-html.ts';
import type { OrderForm, PrintedForm } from './print-types.ts';

// 重大售后故障维修记录表 (major-fault repair record) [seed 000 §6.4]: fault, cause analysis, handling,
// parts, engineers and the time lost on site. Printable for any order; one not marked as a major
// fault says so on the form.

const TITLE = '重大售后故障维修记录表';

export const majorFault = (f: OrderForm): PrintedForm => {
  const o = f.order;
  const fb = o.feedback;
  const body = html`
${o.majorFault ? '' : html`<p class="warn">本派工单未标记为重大故障。</p>`}
${fieldGrid([
  { label: '派工单号', value: o.number },
  { label: '服务请求', value: o.ticketNumber },
  ...customerFields(f),
  ...assetFields(o),
  { label: '工作小时', value: o.meterHours === null ? '' : `${o.meterHours} h` },
  { label: '报修时间', value: localTime(f.ticket?.reportedAt) },
  { label: '故障发生时间', value: localTime(f.ticket?.occurredAt) },
  { label: '派工时间', value: localTime(o.dispatchedAt) },
])}
${section(
  '故障与分析',
  fieldGrid([
    { label: '故障现象', value: multiline(f.ticket?.description ?? o.task), wide: true },
    { label: '原因分类', value: causeLabel(o.cause), wide: true },
    { label: '原因分析', value: multiline(o.diagnosis), wide: true },
    ...(fb
      ? [
          { label: '问题性质', value: multiline(fb.nature), wide: true },
          { label: '原因（反馈单）', value: multiline(fb.cause), wide: true },
          { label: '处理情况', value: multiline(fb.handling), wide: true },
        ]
      : []),
  ]),
)}
${section('处理措施', itemsTable(o))}
${section('更换零件', partsTable(o))}
${section('维修工程师', engineersTable(o))}
${section(
  '停机处理时间',
  fieldGrid([
    { label: '到达现场', value: localTime(o.checkInAt) },
    { label: '离开现场', value: localTime(o.checkOutAt) },
    { label: '现场耗时', value: duration(o.checkInAt, o.checkOutAt), wide: true },
  ]),
)}
<div class="signs">${customerSignature(f)}${handSign('技术部意见')}</div>`;
  return { title: TITLE, number: o.number, html: page({ title: TITLE, number: o.number, body, ...f }) };
};
