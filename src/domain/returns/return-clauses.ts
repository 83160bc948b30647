// The clause behind each reason of the eligibility rule: a short title and where it comes from
// (SPEC section, seed document and item), so a person can look the rule up. Keyed by clause key;
// several reason codes share one clause (the clause allowing refunds also explains why a late
// request gets none).
export const RETURN_CLAUSES = {
  days_counted: '期间计算：起算日不计入（SPEC §4 退换货 / 民法典第二百零一条）',
  electronics_refund: '三包规定：7 日内性能故障可退货、换货或修理（SPEC 2.8 / seed 001 篇四 2.1)）',
  electronics_exchange: '三包规定：第 8 至 15 日性能故障可换货或修理（SPEC 2.8 / seed 001 篇四 2.2)）',
  electronics_repair: '三包规定：一年内性能故障修理（SPEC 2.8 / seed 001 篇四 2.3)）',
  electronics_replacement:
    '三包规定：一年内同一故障经两次修理仍不能正常使用可更换（SPEC 2.8 / seed 001 篇四 2.3)）',
  electronics_fault_only: '三包规定：限国家三包规定所列性能故障（seed 001 篇四 2.1)–3)）',
  retail_refund: '退换货时限：自收到商品之日起 7 日内可退货（SPEC 2.8 / seed 000 第三篇 退换货时限）',
  retail_exchange: '退换货时限：自收到商品之日起 15 日内可换货（SPEC 2.8 / seed 000 第三篇 退换货时限）',
  retail_complete:
    '退换货须包装、配件、说明书、保修卡、发票齐全（SPEC 2.8 / seed 000 第三篇 免费退换货须知 4）',
  retail_after: '超过退换货时限后按国家三包规定提供其他售后服务（seed 000 第三篇 免费退换货须知 2）',
  retail_no_fault_refund: '七日无理由退货（SPEC 2.8 零售 7 日内退货 / 消费者权益保护法第二十五条）',
  retail_no_fault_exchange: '无质量问题不予换货（seed 000 第三篇 退换货原因）',
  jewellery_no_fault: '珠宝首饰无质量问题不予退换货（SPEC 2.8 / seed 000 第三篇 退换货细则 1)）',
  jewellery_test_report: '珠宝首饰有质量问题须出示检测报告方可退换货（seed 000 第三篇 注意事项 3)）',
  equipment_repair: '质量保证期内免费修复或更换有缺陷的零部件（SPEC 2.8 / seed 000 第四篇 一.3）',
  equipment_replacement:
    '重要零部件同一重大故障经三次或以上重大维修仍不能恢复：更换新部件（SPEC 2.8 / seed 000 第四篇 一.4）',
  equipment_refund: '情况特别严重的，需方有权退货（seed 000 第四篇 一.4）',
  equipment_warranty: '质量保证期（SPEC 2.2 / seed 000 第四篇 一.2）',
  remedies_by_category: '各类商品可选的处理方式（SPEC §4 退换货 options）',
} as const;

export type ReturnClauseKey = keyof typeof RETURN_CLAUSES;
