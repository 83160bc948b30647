import { writeSheet } from '../imports/index.ts';
import type { Figure } from './reports-schemas.ts';

// Each figure's table as an .xlsx sheet with Chinese headers: ratios as percentages, fen as yuan,
// codes as their Chinese names, so the sheet reads like the table on the page.

export const LABELS: Record<string, string> = {
  firstResponse: '首次响应',
  arrange: '安排',
  onsite: '到场',
  resolve: '解决',
  all: '全部时限',
  metric: '全公司',
  team: '班组（部门）',
  dealer: '经销商',
  model: '机型',
  part: '备件',
  tickets: '同一设备 90 天内重复报修',
  new: '新建',
  arranged: '已安排',
  in_progress: '处理中',
  waiting_customer: '等待客户',
  product: '产品质量',
  service: '服务',
  parts: '备件',
  delivery: '交付',
  attitude: '服务态度',
  price: '价格',
  other: '其他',
  unclassified: '未分类',
};
const label = (v: unknown) => (typeof v === 'string' ? (LABELS[v] ?? v) : v);
const pct = (v: unknown) => (typeof v === 'number' ? Math.round(v * 10_000) / 100 : null);
const yuan = (v: unknown) => (typeof v === 'number' ? v / 100 : null);
const round1 = (v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : null);
const hours = (v: unknown) => (typeof v === 'number' ? Math.round((v / 60) * 10) / 10 : null);

type Column = { header: string; key: string; width?: number; map?: (v: unknown) => unknown };

const COLUMNS: Record<Figure, { sheet: string; columns: Column[] }> = {
  sla: {
    sheet: '时限达成率',
    columns: [
      { header: '维度', key: 'dimension', map: label },
      { header: '名称', key: 'name', width: 24 },
      { header: '时限', key: 'metric', map: label },
      { header: '达成', key: 'met' },
      { header: '超时', key: 'breached' },
      { header: '达成率（%）', key: 'attainment', map: pct },
    ],
  },
  backlog: {
    sheet: '积压与账龄',
    columns: [
      { header: '状态', key: 'status', map: label },
      { header: '合计', key: 'total' },
      { header: '<1天', key: 'lt1d' },
      { header: '1–3天', key: 'd1to3' },
      { header: '3–7天', key: 'd3to7' },
      { header: '7–30天', key: 'd7to30' },
      { header: '>30天', key: 'gt30d' },
    ],
  },
  ftf: {
    sheet: '一次修复率',
    columns: [
      { header: '月份', key: 'month' },
      { header: '有派工的已解决请求', key: 'base' },
      { header: '一次修复', key: 'first' },
      { header: '一次修复率（%）', key: 'rate', map: pct },
    ],
  },
  mttr: {
    sheet: '平均修复时间',
    columns: [
      { header: '月份', key: 'month' },
      { header: '完工派工单', key: 'repairCount' },
      { header: '平均现场维修（小时）', key: 'repairMeanMinutes', map: hours },
      { header: '已解决请求', key: 'resolvedCount' },
      { header: '平均报修到解决（小时）', key: 'resolveMeanMinutes', map: hours },
    ],
  },
  repeats: {
    sheet: '重复故障',
    columns: [
      { header: '类型', key: 'kind', map: (v) => (v === 'part' ? '同一备件重复更换' : label(v)), width: 26 },
      { header: '序列号', key: 'serialNo', width: 20 },
      { header: '机型', key: 'modelName' },
      { header: '客户', key: 'customerName', width: 24 },
      { header: '备件编码', key: 'partCode' },
      { header: '备件名称', key: 'partName' },
      { header: '重复次数', key: 'count' },
      { header: '首次', key: 'firstAt', width: 24 },
      { header: '最近', key: 'lastAt', width: 24 },
    ],
  },
  cost: {
    sheet: '三包费用',
    columns: [
      { header: '维度', key: 'dimension', map: label },
      { header: '月份', key: 'month' },
      { header: '名称', key: 'name', width: 24 },
      { header: '公司承担费用（元）', key: 'costFen', map: yuan },
    ],
  },
  parts: {
    sheet: '备件消耗',
    columns: [
      { header: '月份', key: 'month' },
      { header: '备件编码', key: 'code' },
      { header: '备件名称', key: 'name', width: 24 },
      { header: '消耗数量', key: 'quantity' },
    ],
  },
  satisfaction: {
    sheet: '满意度趋势',
    columns: [
      { header: '月份', key: 'month' },
      { header: '回访数', key: 'visits' },
      {
        header: '回访平均分',
        key: 'visitScore',
        map: (v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : null),
      },
      { header: '不满意回访', key: 'unhappyVisits' },
      { header: '问卷数', key: 'surveys' },
      {
        header: '问卷平均分',
        key: 'surveyScore',
        map: (v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : null),
      },
      { header: 'NPS 答卷', key: 'npsAnswered' },
      { header: 'NPS', key: 'nps', map: round1 },
    ],
  },
  complaints: {
    sheet: '投诉原因排列图',
    columns: [
      { header: '原因类别', key: 'cause', map: label },
      { header: '投诉数', key: 'count' },
      { header: '占比（%）', key: 'share', map: pct },
      { header: '累计占比（%）', key: 'cumulative', map: pct },
      { header: '关键少数', key: 'vital', map: (v) => (v ? '是' : '否') },
    ],
  },
};

export const figureWorkbook = (figure: Figure, rows: object[]) => {
  const { sheet, columns } = COLUMNS[figure];
  return writeSheet({
    sheet,
    columns: columns.map(({ header, key, width }) => ({ header, key, width })),
    rows: rows.map((r) => {
      const rec = r as Record<string, unknown>;
      return Object.fromEntries(
        columns.map((c) => [c.key, c.map ? c.map(rec[c.key]) : (rec[c.key] ?? null)]),
      );
    }),
  });
};
