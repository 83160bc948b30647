import { describe, expect, it } from 'vitest';
import { type ArchiveViewer, archiveAccess, requestStatus } from './archive-access.ts';

const now = new Date('2026-06-01T00:00:00Z');
const subject = { customerId: 'C1', dealerId: 'D1', ownerUserId: 'U-owner', ownerDepartmentId: 'SALES' };
const viewer = (v: Partial<ArchiveViewer>): ArchiveViewer => ({
  userId: 'U',
  roleCode: 'desk',
  scope: 'all',
  departmentId: 'SVC',
  dealerId: null,
  customerId: null,
  ...v,
});

describe('archiveAccess', () => {
  it('lets the keeping department, the owner, the dealer, the customer and admins in', () => {
    expect(
      archiveAccess({ viewer: viewer({ departmentId: 'SALES' }), subject, approved: null, now })?.basis,
    ).toBe('own_department');
    expect(
      archiveAccess({ viewer: viewer({ userId: 'U-owner' }), subject, approved: null, now })?.basis,
    ).toBe('owner');
    expect(
      archiveAccess({ viewer: viewer({ scope: 'dealer', dealerId: 'D1' }), subject, approved: null, now })
        ?.basis,
    ).toBe('dealer');
    expect(
      archiveAccess({ viewer: viewer({ scope: 'customer', customerId: 'C1' }), subject, approved: null, now })
        ?.basis,
    ).toBe('customer');
    expect(
      archiveAccess({ viewer: viewer({ roleCode: 'admin' }), subject, approved: null, now })?.basis,
    ).toBe('admin');
  });

  it('needs an approved, unexpired request for everyone else', () => {
    expect(archiveAccess({ viewer: viewer({}), subject, approved: null, now })).toBeNull();
    expect(
      archiveAccess({ viewer: viewer({ scope: 'dealer', dealerId: 'D2' }), subject, approved: null, now }),
    ).toBeNull();
    const approved = { id: 'R1', expiresAt: new Date('2026-06-02T00:00:00Z') };
    expect(archiveAccess({ viewer: viewer({}), subject, approved, now })).toEqual({
      basis: 'request',
      requestId: 'R1',
    });
    expect(
      archiveAccess({ viewer: viewer({}), subject, approved: { id: 'R1', expiresAt: now }, now }),
    ).toBeNull();
  });

  it('a dealer or customer user never gets in through a department match', () => {
    expect(
      archiveAccess({
        viewer: viewer({ scope: 'dealer', dealerId: 'D2', departmentId: 'SALES' }),
        subject,
        approved: null,
        now,
      }),
    ).toBeNull();
  });
});

describe('requestStatus', () => {
  const d = (role: 'applicant_head' | 'owner_head', decision: 'approve' | 'reject') => ({
    role,
    userId: 'x',
    decision,
    note: null,
    at: '',
  });
  it('needs both signatures; one rejection rejects', () => {
    const needs: Array<'applicant_head' | 'owner_head'> = ['applicant_head', 'owner_head'];
    expect(requestStatus({ decisions: [], needs })).toBe('pending');
    expect(requestStatus({ decisions: [d('applicant_head', 'approve')], needs })).toBe('pending');
    expect(
      requestStatus({ decisions: [d('applicant_head', 'approve'), d('owner_head', 'approve')], needs }),
    ).toBe('approved');
    expect(
      requestStatus({ decisions: [d('applicant_head', 'approve'), d('owner_head', 'reject')], needs }),
    ).toBe('rejected');
  });
});
