// Who may open a customer's full archive without a request [seed 002 GK-03 (五)]: the department that
// keeps it, the owner, the dealer that serves the customer, the customer itself, and administrators.
// Everyone else needs an approved, unexpired 查询客户档案申请单.

export type AccessBasis = 'admin' | 'owner' | 'own_department' | 'dealer' | 'customer' | 'request';

export type ArchiveViewer = {
  userId: string;
  roleCode: string;
  scope: 'all' | 'dealer' | 'customer';
  departmentId: string | null;
  dealerId: string | null;
  customerId: string | null;
};

export type ArchiveSubject = {
  customerId: string;
  dealerId: string | null;
  ownerUserId: string | null;
  ownerDepartmentId: string | null;
};

export type ApprovedRequest = { id: string; expiresAt: Date };

export const archiveAccess = (opts: {
  viewer: ArchiveViewer;
  subject: ArchiveSubject;
  approved: ApprovedRequest | null;
  now: Date;
}): { basis: AccessBasis; requestId: string | null } | null => {
  const { viewer, subject, approved, now } = opts;
  if (viewer.roleCode === 'admin') return { basis: 'admin', requestId: null };
  if (viewer.scope === 'customer')
    return viewer.customerId === subject.customerId ? { basis: 'customer', requestId: null } : null;
  if (viewer.scope === 'dealer')
    return viewer.dealerId !== null && viewer.dealerId === subject.dealerId
      ? { basis: 'dealer', requestId: null }
      : null;
  if (subject.ownerUserId === viewer.userId) return { basis: 'owner', requestId: null };
  if (viewer.departmentId !== null && viewer.departmentId === subject.ownerDepartmentId)
    return { basis: 'own_department', requestId: null };
  if (approved && approved.expiresAt.getTime() > now.getTime())
    return { basis: 'request', requestId: approved.id };
  return null;
};

export type Decision = {
  role: 'applicant_head' | 'owner_head';
  userId: string;
  decision: 'approve' | 'reject';
  note: string | null;
  at: string;
};

/** Both heads must approve; one rejection ends the request. The same person may hold both roles. */
export const requestStatus = (opts: {
  decisions: Decision[];
  needs: Array<'applicant_head' | 'owner_head'>;
}): 'pending' | 'approved' | 'rejected' => {
  if (opts.decisions.some((d) => d.decision === 'reject')) return 'rejected';
  return opts.needs.every((role) => opts.decisions.some((d) => d.role === role && d.decision === 'approve'))
    ? 'approved'
    : 'pending';
};
