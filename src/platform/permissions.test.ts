import { describe, expect, it } from 'vitest';
import {
  type Actor,
  assertCan,
  BUILTIN_ROLES,
  inScope,
  PERMISSION_CODES,
  scopeFilter,
} from './permissions.ts';

const actor = (over: Partial<Actor>): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  roleCode: 'x',
  scope: 'all',
  permissions: new Set(),
  departmentId: null,
  serviceCentreId: null,
  dealerId: null,
  customerId: null,
  sessionId: 's',
  ...over,
});

describe('assertCan', () => {
  it('passes with the permission and throws forbidden without it', () => {
    expect(() => assertCan(actor({ permissions: new Set(['user.read']) }), 'user.read')).not.toThrow();
    expect(() => assertCan(actor({}), 'user.read')).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('treats out-of-scope subjects as not found', () => {
    const a = actor({ scope: 'dealer', dealerId: 'A', permissions: new Set(['org.read']) });
    expect(() => assertCan(a, 'org.read', { dealerId: 'A' })).not.toThrow();
    expect(() => assertCan(a, 'org.read', { dealerId: 'B' })).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });
});

describe('data scope', () => {
  it('all sees everything', () => {
    expect(inScope(actor({}), { dealerId: 'B' })).toBe(true);
    expect(scopeFilter(actor({}))).toEqual({ kind: 'all' });
  });

  it('dealer sees only its own dealer, and nothing when it has none', () => {
    expect(inScope(actor({ scope: 'dealer', dealerId: 'A' }), { dealerId: 'A' })).toBe(true);
    expect(inScope(actor({ scope: 'dealer', dealerId: 'A' }), { dealerId: null })).toBe(false);
    expect(inScope(actor({ scope: 'dealer', dealerId: null }), { dealerId: null })).toBe(false);
    expect(scopeFilter(actor({ scope: 'dealer', dealerId: 'A' }))).toEqual({ kind: 'dealer', dealerId: 'A' });
  });

  it('customer sees only its own customer', () => {
    expect(inScope(actor({ scope: 'customer', customerId: 'C' }), { customerId: 'C' })).toBe(true);
    expect(inScope(actor({ scope: 'customer', customerId: 'C' }), { customerId: 'D', dealerId: 'A' })).toBe(
      false,
    );
    expect(inScope(actor({ scope: 'customer', customerId: null }), { customerId: null })).toBe(false);
  });
});

describe('builtin roles', () => {
  it('cover the roles of SPEC §1 and grant only known permissions', () => {
    expect(BUILTIN_ROLES.map((r) => r.code).sort()).toEqual(
      [
        'admin',
        'customer',
        'dealer',
        'desk',
        'engineer',
        'finance',
        'manager',
        'quality',
        'technical',
      ].sort(),
    );
    for (const r of BUILTIN_ROLES) for (const p of r.permissions) expect(PERMISSION_CODES).toContain(p);
    expect(BUILTIN_ROLES.find((r) => r.code === 'admin')!.permissions).toEqual(PERMISSION_CODES);
  });
});
