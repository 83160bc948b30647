// Every permission the system knows. Later modules append theirs here so the roles page and the
// permission-matrix test see one list. This file imports nothing: the web UI imports its
// `PermissionCode` type, so a misspelt code fails tsc on both sides.
export const PERMISSIONS = [
  { code: 'user.read', group: 'admin', name: '查看用户', nameEn: 'View users' },
  { code: 'user.write', group: 'admin', name: '管理用户', nameEn: 'Manage users' },
  { code: 'role.read', group: 'admin', name: '查看角色', nameEn: 'View roles' },
  { code: 'role.write', group: 'admin', name: '管理角色', nameEn: 'Manage roles' },
  { code: 'org.read', group: 'org', name: '查看组织（部门、服务中心、经销商）', nameEn: 'View organisation' },
  {
    code: 'org.write',
    group: 'org',
    name: '管理组织（部门、服务中心、经销商）',
    nameEn: 'Manage organisation',
  },
  { code: 'audit.read', group: 'admin', name: '查看审计日志', nameEn: 'View audit log' },
  { code: 'customer.read', group: 'customer', name: '查看客户档案', nameEn: 'View customer archive' },
  { code: 'customer.write', group: 'customer', name: '维护客户档案', nameEn: 'Maintain customer archive' },
  {
    code: 'archive.log.read',
    group: 'customer',
    name: '查看客户档案查询登记',
    nameEn: 'View the archive access log',
  },
  {
    code: 'product.read',
    group: 'product',
    name: '查看产品型号与保修政策',
    nameEn: 'View models and warranty policies',
  },
  { code: 'product.write', group: 'product', name: '维护产品型号', nameEn: 'Maintain product models' },
  {
    code: 'asset.read',
    group: 'asset',
    name: '查看设备档案与保修判定',
    nameEn: 'View installed base and entitlement',
  },
  { code: 'asset.write', group: 'asset', name: '维护设备档案', nameEn: 'Maintain installed base' },
  { code: 'ticket.read', group: 'ticket', name: '查看服务请求', nameEn: 'View service requests' },
  {
    code: 'ticket.create',
    group: 'ticket',
    name: '登记服务请求（报修）',
    nameEn: 'Register service requests',
  },
  {
    code: 'ticket.handle',
    group: 'ticket',
    name: '处理服务请求（状态、备注、暂停）',
    nameEn: 'Handle service requests (status, notes, pauses)',
  },
  {
    code: 'ticket.assign',
    group: 'ticket',
    name: '分派与转派服务请求',
    nameEn: 'Assign and transfer requests',
  },
  { code: 'ticket.reply', group: 'ticket', name: '回复客户', nameEn: 'Reply to the customer' },
  {
    code: 'sla.read',
    group: 'sla',
    name: '查看服务日历与时限政策',
    nameEn: 'View calendars and SLA policies',
  },
  {
    code: 'sla.write',
    group: 'sla',
    name: '维护服务日历、时限政策与通知机器人',
    nameEn: 'Maintain calendars, SLA policies and robots',
  },
  {
    code: 'asset.record',
    group: 'asset',
    name: '登记工时读数与设备事件',
    nameEn: 'Record meter readings and asset events',
  },
  {
    code: 'engineer.read',
    group: 'field',
    name: '查看工程师与派工看板',
    nameEn: 'View engineers and the dispatch board',
  },
  { code: 'engineer.write', group: 'field', name: '维护工程师档案', nameEn: 'Maintain engineers' },
  { code: 'workorder.read', group: 'field', name: '查看派工单', nameEn: 'View work orders' },
  {
    code: 'workorder.write',
    group: 'field',
    name: '开派工单、派工、登记报价确认',
    nameEn: 'Create and dispatch work orders, record quote decisions',
  },
  {
    code: 'workorder.field',
    group: 'field',
    name: '现场作业（本人的派工单）',
    nameEn: 'On-site work on own work orders',
  },
  {
    code: 'workorder.approve',
    group: 'field',
    name: '审批先维保后补、签署质量反馈单',
    nameEn: 'Approve urgent work and sign field feedback',
  },
  { code: 'workorder.settle', group: 'field', name: '三包核销与差旅报销', nameEn: 'Write off and reimburse' },
  { code: 'quote.accept', group: 'field', name: '确认报价', nameEn: 'Accept quotes' },
  { code: 'part.read', group: 'parts', name: '查看备件与库存', nameEn: 'View parts and stock' },
  { code: 'part.write', group: 'parts', name: '维护备件目录', nameEn: 'Maintain the parts catalogue' },
  {
    code: 'stock.write',
    group: 'parts',
    name: '入库、调拨、盘点',
    nameEn: 'Receive, transfer and adjust stock',
  },
  { code: 'stock.plan', group: 'parts', name: '提交备件储备计划', nameEn: 'File stocking plans' },
  {
    code: 'oldpart.appraise',
    group: 'parts',
    name: '旧件接收与鉴定',
    nameEn: 'Receive and appraise old parts',
  },
  { code: 'followup.read', group: 'followup', name: '查看回访记录', nameEn: 'View return visits' },
  { code: 'followup.write', group: 'followup', name: '执行回访', nameEn: 'Carry out return visits' },
  { code: 'survey.read', group: 'followup', name: '查看满意度调查结果', nameEn: 'View survey results' },
  {
    code: 'survey.write',
    group: 'followup',
    name: '设计与发送满意度调查',
    nameEn: 'Design and send surveys',
  },
  { code: 'complaint.read', group: 'followup', name: '查看客户投诉', nameEn: 'View complaints' },
  { code: 'complaint.create', group: 'followup', name: '登记客户投诉', nameEn: 'Register complaints' },
  {
    code: 'complaint.handle',
    group: 'followup',
    name: '处理投诉（调查、纠正措施、反馈、复查、关闭）',
    nameEn: 'Handle complaints (investigation, corrective action, feedback, closure)',
  },
  {
    code: 'improvement.write',
    group: 'followup',
    name: '跟踪产品改进建议',
    nameEn: 'Track improvement suggestions',
  },
  { code: 'report.read', group: 'report', name: '查看看板与报表', nameEn: 'View dashboards and reports' },
  // Split out of product.write, part.write and report.read (issue 11): SPEC §1 gives policies and price
  // lists to the administrator, dashboards to managers.
  { code: 'policy.write', group: 'product', name: '维护保修政策', nameEn: 'Maintain warranty policies' },
  { code: 'pricelist.write', group: 'parts', name: '维护价格表', nameEn: 'Maintain price lists' },
  {
    code: 'report.run',
    group: 'report',
    name: '立即刷新看板、重新生成报表',
    nameEn: 'Refresh dashboards and rerun reports now',
  },
  // 三包退换货 (SPEC 2.8): the customer and the desk file; the desk reviews and handles the goods;
  // the technical department inspects; finance approves refunds; the administrator keeps the city list.
  { code: 'return.read', group: 'return', name: '查看退换货申请', nameEn: 'View return requests' },
  { code: 'return.create', group: 'return', name: '登记退换货申请', nameEn: 'File return requests' },
  {
    code: 'return.review',
    group: 'return',
    name: '审核退换货申请（同意、拒绝）',
    nameEn: 'Review return requests (approve, reject)',
  },
  {
    code: 'return.handle',
    group: 'return',
    name: '办理退换货（收货、质检、退款申请、换货、返修、退回）',
    nameEn: 'Handle returns (receipt, inspection, refund draft, exchange, repair, send back)',
  },
  { code: 'return.refund', group: 'return', name: '审批退款', nameEn: 'Approve refunds' },
  {
    code: 'return.settings',
    group: 'return',
    name: '维护上门取件城市',
    nameEn: 'Maintain the pickup city list',
  },
] as const;

export type Permission = (typeof PERMISSIONS)[number]['code'];
/** The same union under the name the web UI uses (its `Permission` is the catalogue entry). */
export type PermissionCode = Permission;
export const PERMISSION_CODES: readonly string[] = PERMISSIONS.map((p) => p.code);

export const SCOPES = ['all', 'dealer', 'customer'] as const;
export type Scope = (typeof SCOPES)[number];
