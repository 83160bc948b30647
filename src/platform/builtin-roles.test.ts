import { describe, expect, it } from 'vitest';
import { SPEC_GRANTS } from '../../test/helpers/spec-grants.ts';
import { BUILTIN_ROLES } from './builtin-roles.ts';
import { PERMISSION_CODES } from './permission-list.ts';

// The builtin roles against the grants written down from SPEC §1 (test/helpers/spec-grants.ts).
describe('builtin roles follow SPEC §1', () => {
  it('has exactly the roles of SPEC §1', () => {
    expect(BUILTIN_ROLES.map((r) => r.code).sort()).toEqual(Object.keys(SPEC_GRANTS).sort());
  });

  for (const role of BUILTIN_ROLES) {
    it(`${role.code}: the scope and permissions SPEC §1 gives it, no more, no less`, () => {
      const spec = SPEC_GRANTS[role.code]!;
      expect(role.scope).toBe(spec.scope);
      const granted = new Set<string>(role.permissions);
      const expected = new Set(spec.permissions);
      expect({
        extra: [...granted].filter((p) => !expected.has(p)),
        missing: [...expected].filter((p) => !granted.has(p)),
      }).toEqual({ extra: [], missing: [] });
      expect(granted.size, 'no duplicates').toBe(role.permissions.length);
    });
  }

  it('the table names only permissions that exist', () => {
    const known = new Set(PERMISSION_CODES);
    for (const [code, r] of Object.entries(SPEC_GRANTS))
      expect(
        r.permissions.filter((p) => !known.has(p)),
        code,
      ).toEqual([]);
  });
});
