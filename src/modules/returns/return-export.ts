import type { ReturnStatus } from '../../domain/returns/return-status.ts';
import type { ProductCategory, Remedy } from '../../domain/returns/return-types.ts';
import { formatLocal } from '../../domain/sla/clock-reasons.ts';
import { writeSheet } from '../imports/index.ts';
import type { returnDto } from './return-dto.ts';

// The return queue as a workbook: Chinese headers and labels, money in yuan, times in Asia/Shanghai,
// as the desk and finance read them in Excel.

const STATUS: Record<ReturnStatus, string> = {
  submitted: '待审核',
  approved: '已同意，待收货',
  rejected: '已拒绝',
  received: '已收货，待质检',
  passed: '质检合格',
  failed: '质检不合格',
  refunded: '已退款',
  exchanged: '已换货',
  repaired: '已修理',
  sent_back: '已退回客户',
};
const CATEGORY: Record<ProductCategory, string> = {
  electronics: '电子产品',
  goods: '一般商品',
  jewellery: '珠宝首饰',
  equipment: '工程机械设备',
};
const REMEDY: Record<Remedy, string> = {
  refund: '退货',
  exchange: '换货',
  repair: '修理',
  replacement: '更换',
};

const time = (d: string | null) => (d ? formatLocal('Asia/Shanghai', Date.parse(d)) : '');
const yuan = (fen: number | null) => (fen === null ? '' : fen / 100);

export const returnsWorkbook = (items: ReturnType<typeof returnDto>[]) =>
  writeSheet({
    sheet: '退换货申请',
    columns: [
      { header: '申请编号', key: 'number' },
      { header: '状态', key: 'status', width: 16 },
      { header: '客户', key: 'customerName', width: 24 },
      { header: '产品类别', key: 'category', width: 14 },
      { header: '机型', key: 'modelName' },
      { header: '出厂编号', key: 'serialNo' },
      { header: '申请方式', key: 'requested', width: 10 },
      { header: '同意方式', key: 'option', width: 10 },
      { header: '原因', key: 'reason', width: 36 },
      { header: '购买日期', key: 'purchasedAt', width: 12 },
      { header: '签收日期', key: 'receivedAt', width: 12 },
      { header: '申请时间', key: 'submittedAt' },
      { header: '审核期限', key: 'reviewDueAt' },
      { header: '下一期限', key: 'nextDueAt' },
      { header: '发票金额（元）', key: 'invoiceYuan' },
      { header: '退款金额（元）', key: 'refundYuan' },
      { header: '换货编号', key: 'replacementSerialNo' },
      { header: '办结时间', key: 'closedAt' },
    ],
    rows: items.map((r) => ({
      ...r,
      status: STATUS[r.status as ReturnStatus],
      category: CATEGORY[r.productCategory as ProductCategory],
      requested: REMEDY[r.requested as Remedy],
      option: r.option ? REMEDY[r.option as Remedy] : '',
      submittedAt: time(r.submittedAt),
      reviewDueAt: time(r.reviewDueAt),
      nextDueAt: time(r.nextDueAt),
      closedAt: time(r.closedAt),
      invoiceYuan: yuan(r.invoiceFen),
      refundYuan: yuan(r.refundFen),
    })),
  });
