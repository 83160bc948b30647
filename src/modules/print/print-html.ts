import { formatLocal } from '../../domain/sla/clock-reasons.ts';
import { DEFAULT_TIME_ZONE } from '../../domain/warranty/entitlement.ts';

// Building blocks of the printable forms: an escaping `html` template tag, money and time in the
// Chinese forms' style, Chinese labels of the codes, and the A4 page around each form.

/** Markup that is already safe; everything else interpolated into `html` is escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

const render = (v: HtmlValue): string => {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
};

/** Template tag: every value is escaped unless it is SafeHtml (built by `html` itself); arrays are joined. */
export const html = (strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml =>
  new SafeHtml(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]!) : ''), ''));

/** Fen (分) as "¥1,234.56", exact (integer arithmetic, no float rounding). */
export const yuan = (fen: number | null | undefined) => {
  if (fen === null || fen === undefined) return '';
  const abs = Math.abs(Math.trunc(fen));
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${fen < 0 ? '-' : ''}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
};

/** Basis points as a percentage: 1300 → "13%". */
export const percent = (bp: number) => `${bp / 100}%`;

/** An ISO instant in the business zone (Asia/Shanghai): "2026-03-02 09:45". */
export const localTime = (isoOrDate: string | Date | null | undefined) => {
  if (!isoOrDate) return '';
  const ms = typeof isoOrDate === 'string' ? Date.parse(isoOrDate) : isoOrDate.getTime();
  return Number.isNaN(ms) ? '' : formatLocal(DEFAULT_TIME_ZONE, ms);
};

export const localDate = (isoOrDate: string | Date | null | undefined) => localTime(isoOrDate).slice(0, 10);

/** "3 小时 15 分钟" between two instants; empty when either is missing. */
export const duration = (from: string | null, to: string | null) => {
  if (!from || !to) return '';
  const minutes = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} 小时 ${m} 分钟` : `${m} 分钟`;
};

const label = (map: Record<string, string>) => (code: string | null | undefined) =>
  code ? (map[code] ?? code) : '';

// The same words the web UI uses (web/src/i18n/field.zh-CN.ts).
export const causeLabel = label({
  defect: '产品缺陷',
  supplier: '供应商材料',
  workmanship: '安装/施工',
  customer: '客户原因',
  force_majeure: '不可抗力',
  wear: '正常磨损',
  unknown: '未查明',
});
export const coverageLabel = label({ free: '免费保修', cost: '成本费用', charged: '收费' });
export const payerLabel = label({ company: '公司承担', customer: '客户承担' });
export const tradeLabel = label({
  mechanical: '机械',
  electrical: '电气',
  hydraulic: '液压',
  software: '软件',
  general: '综合',
});
export const statusLabel = label({
  planned: '计划中',
  dispatched: '已派工',
  travelling: '在途',
  on_site: '在现场',
  done: '已完工',
  signed: '客户已签字',
  closed: '已关闭',
  cancelled: '已取消',
});
export const partStatusLabel = label({ reserved: '已预留', consumed: '已使用', released: '已释放' });
export const unitLabel = label({ min: '分钟', km: '公里' });

/** A label/value grid: two pairs per row; a `wide` pair takes the whole row. */
export type Field = { label: string; value: HtmlValue; wide?: boolean };

export const fieldGrid = (fields: Field[]) => {
  const rows: SafeHtml[] = [];
  let pending: Field | null = null;
  const pair = (f: Field, span = 1) =>
    html`<th>${f.label}</th><td${span > 1 ? new SafeHtml(` colspan="${span}"`) : ''}>${f.value}</td>`;
  for (const f of fields) {
    if (f.wide) {
      if (pending) rows.push(html`<tr>${pair(pending, 3)}</tr>`);
      pending = null;
      rows.push(html`<tr>${pair(f, 3)}</tr>`);
    } else if (pending) {
      rows.push(html`<tr>${pair(pending)}${pair(f)}</tr>`);
      pending = null;
    } else pending = f;
  }
  if (pending) rows.push(html`<tr>${pair(pending, 3)}</tr>`);
  return html`<table class="grid"><colgroup><col class="k"><col><col class="k"><col></colgroup>${rows}</table>`;
};

export type Column<T> = {
  title: string;
  cell: (row: T, index: number) => HtmlValue;
  /** Right-aligned, one line (amounts, quantities). */
  num?: boolean;
  /** One line (dates, short labels such as 公司承担). */
  nowrap?: boolean;
  /** The narrow running-number column. */
  idx?: boolean;
};

/** The 序号 column. */
export const indexCol = <T>(): Column<T> => ({ title: '序号', cell: (_r, i) => i + 1, idx: true });

const classOf = <T>(c: Column<T>) => {
  const names = [c.num && 'num', c.nowrap && 'nowrap', c.idx && 'idx'].filter(Boolean).join(' ');
  return names ? new SafeHtml(` class="${names}"`) : '';
};

/** A bordered table; an empty list prints one row saying so. */
export const dataTable = <T>(columns: Column<T>[], rows: readonly T[], empty = '无') => {
  const body =
    rows.length === 0
      ? html`<tr><td class="empty" colspan="${columns.length}">${empty}</td></tr>`
      : rows.map((r, i) => html`<tr>${columns.map((c) => html`<td${classOf(c)}>${c.cell(r, i)}</td>`)}</tr>`);
  return html`<table class="data"><thead><tr>${columns.map((c) => html`<th${classOf(c)}>${c.title}</th>`)}</tr></thead><tbody>${body}</tbody></table>`;
};

export const section = (title: string, body: HtmlValue) => html`<section><h2>${title}</h2>${body}</section>`;

/** Multi-line text keeps its line breaks. */
export const multiline = (text: string | null | undefined) =>
  text ? html`<span class="pre">${text}</span>` : '';

/** The customer's signature with name and time, or an empty box to sign on paper. */
export const signatureBlock = (o: {
  title: string;
  image: string | null;
  signedBy: string | null;
  signedAt: string | null;
}) => html`<div class="sign">
  <div class="sign-title">${o.title}</div>
  <div class="sign-box">${o.image ? html`<img src="${o.image}" alt="客户签字">` : html`<span class="blank">（未签字）</span>`}</div>
  <div>签字人：${o.signedBy ?? '________'}　　日期：${o.signedAt ? localTime(o.signedAt) : '________'}</div>
</div>`;

/** An empty line for a handwritten signature (engineer, head of department). */
export const handSign = (title: string) =>
  html`<div class="sign"><div class="sign-title">${title}</div><div class="sign-box"></div><div>签字：________　　日期：________</div></div>`;

const FONTS =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

const CSS = `
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${FONTS}; font-size: 12px; line-height: 1.45; color: #000; background: #e8e8e8; }
.sheet { width: 210mm; min-height: 297mm; margin: 6mm auto; padding: 12mm; background: #fff; box-shadow: 0 0 4px rgba(0,0,0,.3); }
.toolbar { text-align: center; padding: 8px; }
.toolbar button, .toolbar a { font: inherit; font-size: 14px; padding: 4px 16px; margin: 0 6px; }
header.form-head { display: flex; align-items: flex-end; justify-content: space-between; border-bottom: 2px solid #000; padding-bottom: 2mm; margin-bottom: 3mm; }
header.form-head h1 { flex: 1; text-align: center; font-size: 20px; letter-spacing: 3px; margin: 0; }
header.form-head .side { width: 55mm; font-size: 11px; }
header.form-head .side.right { text-align: right; }
.note { font-size: 11px; color: #333; margin: 0 0 2mm; }
.warn { border: 1px solid #000; padding: 1.5mm 2mm; margin: 0 0 3mm; font-weight: 600; }
h2 { font-size: 13px; margin: 3mm 0 1.5mm; }
table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; }
th, td { border: 1px solid #000; padding: 1.2mm 1.8mm; vertical-align: top; text-align: left; }
th { background: #f0f0f0; font-weight: 600; }
table.grid col.k { width: 24mm; }
table.grid th { white-space: nowrap; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
.num { text-align: right; white-space: nowrap; }
.nowrap { white-space: nowrap; }
th.idx, td.idx { width: 9mm; text-align: right; white-space: nowrap; }
td.empty { text-align: center; color: #555; }
.reason { display: block; font-size: 10px; color: #333; }
.pre { white-space: pre-wrap; }
table.totals { width: 90mm; margin-left: auto; }
table.totals td { text-align: right; white-space: nowrap; }
table.totals tr.total td, table.totals tr.total th { font-size: 13px; font-weight: 700; }
.signs { display: flex; gap: 6mm; margin-top: 4mm; page-break-inside: avoid; break-inside: avoid; }
.sign { flex: 1; border: 1px solid #000; padding: 2mm; }
.sign-title { font-weight: 600; margin-bottom: 1mm; }
.sign-box { height: 22mm; display: flex; align-items: center; }
.sign-box img { max-height: 22mm; max-width: 70mm; }
.sign-box .blank { color: #777; }
footer { margin-top: 4mm; font-size: 10px; color: #444; display: flex; justify-content: space-between; }
@media print {
  body { background: #fff; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .no-print { display: none !important; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** The A4 page around a form: header with title and number, a print button the printout hides. */
export const page = (o: {
  title: string;
  number: string;
  /** Small text left of the title (e.g. 客户联). */
  left?: string;
  body: HtmlValue;
  printedAt: Date;
  printedBy: string;
}) => `<!doctype html>
${html`<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} ${o.number}</title>
<style>${new SafeHtml(CSS)}</style>
</head>
<body>
<div class="toolbar no-print">
  <button type="button" onclick="window.print()">打印 / 另存为 PDF</button>
  <a href="?format=pdf">下载 PDF</a>
</div>
<main class="sheet">
<header class="form-head">
  <div class="side">${o.left ?? ''}</div>
  <h1>${o.title}</h1>
  <div class="side right">编号：${o.number}</div>
</header>
${o.body}
<footer><span>打印：${o.printedBy}</span><span>打印时间：${localTime(o.printedAt)}（北京时间）</span></footer>
</main>
</body>
</html>`}
`;
