import type { ChargeLine, Charges, Reason } from '../../domain/field/charges.ts';
import {
  coverageLabel,
  dataTable,
  type Field,
  html,
  indexCol,
  partStatusLabel,
  payerLabel,
  percent,
  signatureBlock,
  tradeLabel,
  unitLabel,
  yuan,
} from './print-html.ts';
import type { OrderForm, WorkOrderDto } from './print-types.ts';

// Sections several work-order forms share: who and what, engineers, parts, the charge lines with
// who pays each one and why, the totals and the customer's signature.

export const chargesOf = (o: WorkOrderDto) => (o.charges ?? null) as Charges | null;

/** Contact person and phone from the ticket (the request's own contact), else nothing. */
export const contactOf = (f: OrderForm) =>
  [f.ticket?.contactName, f.ticket?.contactPhone].filter((x): x is string => !!x).join('　');

export const customerFields = (f: OrderForm): Field[] => [
  { label: '客户', value: f.order.customerName },
  { label: '联系人/电话', value: contactOf(f) },
  { label: '地址', value: f.order.address ?? f.ticket?.address ?? '', wide: true },
];

export const assetFields = (o: WorkOrderDto): Field[] => [
  { label: '设备序列号', value: o.assetSerialNo ?? '（未关联设备）' },
  { label: '型号', value: o.modelName ?? '' },
];

export const engineerNames = (o: Pick<WorkOrderDto, 'engineers'>) =>
  o.engineers.map((e) => (e.lead ? `${e.name}（负责）` : e.name)).join('、');

export const engineersTable = (o: WorkOrderDto) =>
  dataTable(
    [
      indexCol(),
      { title: '姓名', cell: (e) => e.name },
      { title: '分工', cell: (e) => (e.lead ? '负责人' : '成员'), nowrap: true },
      { title: '工种/专业', cell: (e) => tradeLabel(e.trade) },
      { title: '电话', cell: (e) => e.phone ?? '' },
    ],
    o.engineers,
    '尚未派工',
  );

export const serials = (removed: string | null, fitted: string | null) =>
  removed || fitted ? `${removed ?? '—'} → ${fitted ?? '—'}` : '';

export const partsTable = (o: WorkOrderDto, opts: { serials?: boolean; status?: boolean } = {}) =>
  dataTable(
    [
      indexCol(),
      { title: '零件编码', cell: (p) => p.partCode },
      { title: '零件名称', cell: (p) => p.partName },
      { title: '数量', cell: (p) => p.quantity, num: true },
      ...(opts.serials === false
        ? []
        : [
            {
              title: '拆下序列号 → 装上序列号',
              cell: (p: WorkOrderDto['parts'][number]) => serials(p.removedSerial, p.fittedSerial),
            },
          ]),
      ...(opts.status
        ? [{ title: '状态', cell: (p: WorkOrderDto['parts'][number]) => partStatusLabel(p.status) }]
        : []),
    ],
    o.parts,
    '未更换零件',
  );

export const itemsTable = (o: WorkOrderDto) =>
  dataTable(
    [
      indexCol(),
      { title: '维修项目', cell: (i) => i.description },
      { title: '方法', cell: (i) => i.method ?? '' },
      { title: '数量', cell: (i) => i.quantity, num: true },
      { title: '工时（分钟）', cell: (i) => i.labourMinutes, num: true },
    ],
    o.items,
    '无维修项目',
  );

const reasonText = (r: Reason) => (r.clause ? `条款 ${r.clause}：${r.message}` : r.message);

const quantityText = (l: ChargeLine) => `${l.quantity} ${unitLabel(l.unit)}`;

const unitPriceText = (l: ChargeLine) => {
  if (l.kind === 'labour') return `${yuan(l.unitFen)}/小时`;
  if (l.kind === 'travel') return `${yuan(l.unitFen)}/公里`;
  return yuan(l.unitFen);
};

/** Every charge line: 保修判定, 承担方 and the clauses that decided it. */
export const chargesTable = (c: Charges) =>
  dataTable(
    [
      indexCol(),
      {
        title: '费用项目 / 判定依据',
        cell: (l) =>
          html`${l.description}${l.reasons.map((r) => html`<span class="reason">${reasonText(r)}</span>`)}`,
      },
      { title: '数量', cell: quantityText, num: true },
      { title: '单价', cell: unitPriceText, num: true },
      { title: '金额', cell: (l) => yuan(l.amountFen), num: true },
      { title: '保修判定', cell: (l) => coverageLabel(l.coverage), nowrap: true },
      { title: '承担方', cell: (l) => payerLabel(l.payer), nowrap: true },
      { title: '客户应付', cell: (l) => yuan(l.customerFen), num: true },
    ],
    c.lines,
    '无费用',
  );

/** Net, tax per price list, total, and what the company bears. */
export const totalsTable = (c: Charges, opts: { companyCost?: boolean } = {}) => html`<table class="totals">
  <tr><th>客户应付（不含税）</th><td>${yuan(c.customerNetFen)}</td></tr>
  ${c.taxes.map((t) => html`<tr><th>税额（${t.priceListCode}，税率 ${percent(t.taxRateBp)}）</th><td>${yuan(t.taxFen)}</td></tr>`)}
  ${c.taxes.length === 0 ? html`<tr><th>税额</th><td>${yuan(c.taxFen)}</td></tr>` : ''}
  <tr class="total"><th>客户应付合计（含税）</th><td>${yuan(c.customerTotalFen)}</td></tr>
  ${opts.companyCost === false ? '' : html`<tr><th>公司承担费用</th><td>${yuan(c.companyCostFen)}</td></tr>`}
</table>`;

/** Price lists missing: the amounts are not final, and the printout must say so. */
export const chargeProblems = (c: Charges | null) =>
  c && c.problems.length > 0 ? html`<p class="warn">${c.problems.map((p) => p.message).join('；')}</p>` : '';

export const customerSignature = (f: OrderForm, title = '客户签字确认') =>
  signatureBlock({ title, image: f.signature, signedBy: f.order.signedBy, signedAt: f.order.signedAt });
