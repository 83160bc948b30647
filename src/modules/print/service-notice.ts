import { assetFields, customerFields, engineersTable } from './order-sections.ts';
import {
  fieldGrid,
  handSign,
  html,
  localDate,
  localTime,
  multiline,
  page,
  section,
  statusLabel,
  tradeLabel,
} from './print-html.ts';
import type { OrderForm, PrintedForm } from './print-types.ts';

// 售后服务通知单 (service notice) [SPEC §2.5, seed 002 GK-08]: the job as it is sent to the engineers —
// who, where, what, by when, and who issued it.

const TITLE = '售后服务通知单';

/** The person who dispatched the order last (the desk's event), or nothing in the customer's view. */
const issuer = (f: OrderForm) =>
  f.order.events.filter((e) => e.kind === 'dispatched').at(-1)?.actorName ?? null;

export const serviceNotice = (f: OrderForm): PrintedForm => {
  const o = f.order;
  const body = html`
${fieldGrid([
  { label: '通知单编号', value: o.number },
  { label: '开单日期', value: localDate(o.createdAt) },
  { label: '服务请求', value: o.ticketNumber },
  { label: '状态', value: statusLabel(o.status) },
  ...customerFields(f),
  ...assetFields(o),
  { label: '工种', value: tradeLabel(o.trade) },
  { label: '服务区域', value: o.region ?? '' },
  { label: '计划日期', value: o.plannedDate ?? '' },
  { label: '完成时限', value: localTime(o.deadlineAt) },
])}
${section(
  '服务任务',
  fieldGrid([
    { label: '任务', value: multiline(o.task), wide: true },
    { label: '报修内容', value: multiline(f.ticket?.description), wide: true },
  ]),
)}
${section('派出工程师', engineersTable(o))}
${fieldGrid([
  { label: '签发人', value: issuer(f) ?? '' },
  { label: '签发时间', value: localTime(o.dispatchedAt) },
])}
<div class="signs">${handSign('接收工程师签字')}${handSign('部门负责人')}</div>`;
  return { title: TITLE, number: o.number, html: page({ title: TITLE, number: o.number, body, ...f }) };
};
