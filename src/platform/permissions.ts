import { AppError, forbidden } from './errors.ts';

// Every permission the system knows. Later modules append theirs here so the roles page and the
// permission-matrix test see one list.
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
  {
    code: 'product.write',
    group: 'product',
    name: '维护产品型号与保修政策',
    nameEn: 'Maintain models and warranty policies',
  },
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
  {
    code: 'part.write',
    group: 'parts',
    name: '维护备件目录与价格表',
    nameEn: 'Maintain parts and price lists',
  },
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
] as const;

export type Permission = (typeof PERMISSIONS)[number]['code'];
export const PERMISSION_CODES: readonly string[] = PERMISSIONS.map((p) => p.code);

export const SCOPES = ['all', 'dealer', 'customer'] as const;
export type Scope = (typeof SCOPES)[number];

/** The authenticated user as every service sees it. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  roleCode: string;
  scope: Scope;
  permissions: ReadonlySet<string>;
  departmentId: string | null;
  serviceCentreId: string | null;
  dealerId: string | null;
  customerId: string | null;
  sessionId: string;
};

/** What a record belongs to, for the data-scope check of a single record. */
export type ScopeSubject = { dealerId?: string | null; customerId?: string | null };

export const can = (actor: Actor, action: Permission): boolean => actor.permissions.has(action);

/** One gate for every permission check; with a subject it also checks the data scope. */
export function assertCan(actor: Actor, action: Permission, subject?: ScopeSubject): void {
  if (!can(actor, action)) throw forbidden(action);
  if (subject && !inScope(actor, subject)) {
    // Out-of-scope records look like missing ones, so ids of other dealers' records leak nothing.
    throw new AppError('not_found', { message: `out of scope for ${actor.username}` });
  }
}

export const inScope = (actor: Actor, subject: ScopeSubject): boolean => {
  switch (actor.scope) {
    case 'all':
      return true;
    case 'dealer':
      return actor.dealerId !== null && subject.dealerId === actor.dealerId;
    case 'customer':
      return actor.customerId !== null && subject.customerId === actor.customerId;
  }
};

/**
 * The scope as values a dal puts into its WHERE clause. A scoped actor without the owning id gets an
 * impossible filter (null never matches), never an unfiltered one.
 */
export type ScopeFilter =
  | { kind: 'all' }
  | { kind: 'dealer'; dealerId: string | null }
  | { kind: 'customer'; customerId: string | null };

export const scopeFilter = (actor: Actor): ScopeFilter => {
  switch (actor.scope) {
    case 'all':
      return { kind: 'all' };
    case 'dealer':
      return { kind: 'dealer', dealerId: actor.dealerId };
    case 'customer':
      return { kind: 'customer', customerId: actor.customerId };
  }
};

// Builtin roles of SPEC §1. Permissions grow as modules arrive.
export const BUILTIN_ROLES: ReadonlyArray<{
  code: string;
  name: string;
  nameEn: string;
  scope: Scope;
  permissions: readonly Permission[];
  description: string;
}> = [
  {
    code: 'admin',
    name: '管理员',
    nameEn: 'Administrator',
    scope: 'all',
    permissions: PERMISSIONS.map((p) => p.code),
    description: '用户、角色、政策、日历、价格表',
  },
  {
    code: 'manager',
    name: '部门主管',
    nameEn: 'Manager',
    scope: 'all',
    permissions: [
      'user.read',
      'role.read',
      'org.read',
      'audit.read',
      'customer.read',
      'archive.log.read',
      'product.read',
      'asset.read',
      'ticket.read',
      'ticket.create',
      'ticket.handle',
      'ticket.assign',
      'ticket.reply',
      'sla.read',
      'engineer.read',
      'workorder.read',
      'workorder.approve',
      'part.read',
      'followup.read',
      'survey.read',
      'complaint.read',
      'complaint.create',
      'complaint.handle',
      'improvement.write',
      'report.read',
    ],
    description: '审批、升级、看板',
  },
  {
    code: 'desk',
    name: '客服/调度',
    nameEn: 'Service desk',
    scope: 'all',
    permissions: [
      'user.read',
      'org.read',
      'customer.read',
      'customer.write',
      'product.read',
      'asset.read',
      'asset.write',
      'asset.record',
      'ticket.read',
      'ticket.create',
      'ticket.handle',
      'ticket.assign',
      'ticket.reply',
      'sla.read',
      'engineer.read',
      'engineer.write',
      'workorder.read',
      'workorder.write',
      'workorder.field',
      'quote.accept',
      'part.read',
      'followup.read',
      'followup.write',
      'survey.read',
      'complaint.read',
      'complaint.create',
      'report.read',
    ],
    description: '登记来电来信来访、查卷、派工、督办时限',
  },
  {
    code: 'engineer',
    name: '维修工程师',
    nameEn: 'Field engineer',
    scope: 'all',
    permissions: [
      'org.read',
      'customer.read',
      'product.read',
      'asset.read',
      'asset.record',
      'ticket.read',
      'ticket.handle',
      'ticket.reply',
      'sla.read',
      'workorder.field',
      'part.read',
      'complaint.create',
    ],
    description: '现场服务、记录、客户签字、旧件返回',
  },
  {
    code: 'technical',
    name: '技术部',
    nameEn: 'Technical department',
    scope: 'all',
    permissions: [
      'org.read',
      'customer.read',
      'product.read',
      'product.write',
      'asset.read',
      'asset.record',
      'ticket.read',
      'ticket.handle',
      'ticket.reply',
      'sla.read',
      'engineer.read',
      'workorder.read',
      'part.read',
      'part.write',
      'stock.write',
      'oldpart.appraise',
      'complaint.read',
      'complaint.create',
      'complaint.handle',
      'improvement.write',
      'report.read',
    ],
    description: '三包件鉴定、疑难故障、故障分析',
  },
  {
    code: 'dealer',
    name: '经销商',
    nameEn: 'Dealer',
    scope: 'dealer',
    permissions: [
      'org.read',
      'customer.read',
      'customer.write',
      'product.read',
      'asset.read',
      'asset.write',
      'asset.record',
      'ticket.read',
      'ticket.create',
      'ticket.handle',
      'ticket.assign',
      'ticket.reply',
      'sla.read',
      'engineer.read',
      'engineer.write',
      'workorder.read',
      'workorder.write',
      'workorder.field',
      'part.read',
      'stock.plan',
      'followup.read',
      'survey.read',
      'complaint.read',
      'complaint.create',
      'report.read',
    ],
    description: '本区域销售与服务、三包回执卡、三包索赔',
  },
  {
    code: 'quality',
    name: '质管部',
    nameEn: 'Quality department',
    scope: 'all',
    permissions: [
      'org.read',
      'customer.read',
      'product.read',
      'asset.read',
      'ticket.read',
      'sla.read',
      'workorder.read',
      'part.read',
      'followup.read',
      'followup.write',
      'survey.read',
      'survey.write',
      'complaint.read',
      'complaint.create',
      'complaint.handle',
      'improvement.write',
      'report.read',
    ],
    description: '回访、满意度调查、投诉与纠正措施',
  },
  {
    code: 'finance',
    name: '财务部',
    nameEn: 'Finance',
    scope: 'all',
    permissions: [
      'org.read',
      'customer.read',
      'product.read',
      'asset.read',
      'ticket.read',
      'sla.read',
      'workorder.read',
      'workorder.settle',
      'part.read',
      'part.write',
      'complaint.read',
      'complaint.create',
      'report.read',
    ],
    description: '收费审批、三包核销、退款、应收',
  },
  {
    code: 'customer',
    name: '客户',
    nameEn: 'Customer',
    scope: 'customer',
    permissions: [
      'customer.read',
      'product.read',
      'asset.read',
      'ticket.read',
      'ticket.create',
      'ticket.reply',
      'workorder.read',
      'quote.accept',
      'complaint.read',
      'complaint.create',
    ],
    description: '报修、查看进度、确认报价、签字、评价',
  },
];
