import { describe, expect, it } from 'vitest';
import { correctGrants, type GrantCorrection } from './grant-corrections.ts';

const c: GrantCorrection = {
  id: 't',
  why: 'test',
  revokeFromBuiltin: { finance: ['part.write'] },
  splits: [{ from: 'product.write', add: 'policy.write' }],
};

describe('correctGrants', () => {
  it('revokes from the named builtin role only', () => {
    const changes = correctGrants(
      [
        { code: 'finance', builtin: true, permissions: ['part.read', 'part.write'] },
        { code: 'technical', builtin: true, permissions: ['part.write'] },
      ],
      c,
    );
    expect(changes).toEqual([{ code: 'finance', before: ['part.read', 'part.write'], after: ['part.read'] }]);
  });

  it('gives custom roles the split-off permission so they keep what they could do', () => {
    const changes = correctGrants(
      [
        { code: 'policy_team', builtin: false, permissions: ['product.read', 'product.write'] },
        { code: 'has_both', builtin: false, permissions: ['product.write', 'policy.write'] },
        { code: 'readers', builtin: false, permissions: ['product.read'] },
        // A custom role named like a builtin one is still custom: nothing is revoked from it.
        { code: 'finance', builtin: false, permissions: ['part.write'] },
      ],
      c,
    );
    expect(changes).toEqual([
      {
        code: 'policy_team',
        before: ['product.read', 'product.write'],
        after: ['product.read', 'product.write', 'policy.write'],
      },
    ]);
  });

  it('changes nothing on a role that is already right', () => {
    expect(correctGrants([{ code: 'finance', builtin: true, permissions: ['part.read'] }], c)).toEqual([]);
  });
});
