// Half-yearly archive review [seed 002 GK-03 (四)]: a new customer with two or more completed
// cooperations becomes an existing (old) customer; a bankrupt or closed one is archived — kept, never deleted.

export type ReviewInput = {
  id: string;
  kind: string;
  status: string;
  businessStatus: string;
  completedCooperations: number;
};

export type ReviewChange = {
  customerId: string;
  change: 'promote' | 'archive';
  from: string;
  to: string;
  clause: string;
  message: string;
  messageEn: string;
};

export const PROMOTE_AFTER = 2;

export const reviewCustomer = (c: ReviewInput): ReviewChange | null => {
  if (c.status === 'archived') return null;
  if (c.businessStatus === 'bankrupt' || c.businessStatus === 'closed') {
    return {
      customerId: c.id,
      change: 'archive',
      from: c.status,
      to: 'archived',
      clause: 'GK-03 (四)',
      message: `客户已${c.businessStatus === 'bankrupt' ? '破产' : '倒闭'}，半年调整时归档（保留历史，不删除）`,
      messageEn: `Customer is ${c.businessStatus}; archived at the half-yearly review (history kept, not deleted)`,
    };
  }
  if (c.kind === 'new' && c.completedCooperations >= PROMOTE_AFTER) {
    return {
      customerId: c.id,
      change: 'promote',
      from: 'new',
      to: 'existing',
      clause: 'GK-03 (四)',
      message: `新客户已合作 ${c.completedCooperations} 次（≥ ${PROMOTE_AFTER} 次），调整为老客户`,
      messageEn: `New customer with ${c.completedCooperations} completed cooperations (≥ ${PROMOTE_AFTER}) becomes an existing customer`,
    };
  }
  return null;
};

/** Review periods are half years: a run in a period that already has one does nothing. */
export const reviewPeriod = (at: Date): string => {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  return `${local.getUTCFullYear()}-H${local.getUTCMonth() < 6 ? 1 : 2}`;
};
