// One-time corrections of the grants existing installations got from earlier builtin role
// definitions. Each runs once per installation (its id is remembered in app_meta), so an
// administrator who gives a permission back afterwards is not overruled at the next start.

export type GrantCorrection = {
  id: string;
  why: string;
  /** Permissions taken away from builtin roles that SPEC §1 does not give them. */
  revokeFromBuiltin: Readonly<Record<string, readonly string[]>>;
  /**
   * A permission split in two: custom roles (an administrator's own) that held `from` get `add` too,
   * so they keep what they could do. Builtin roles follow their definitions instead.
   */
  splits: ReadonlyArray<{ from: string; add: string }>;
};

export const GRANT_CORRECTIONS: readonly GrantCorrection[] = [
  {
    id: 'issue-11-spec-1-grants',
    why:
      'SPEC §1: policies and price lists are the administrator’s, dashboards the managers’; finance ' +
      'approves charges and write-offs but does not maintain the parts catalogue or price lists',
    revokeFromBuiltin: { finance: ['part.write'] },
    splits: [
      { from: 'product.write', add: 'policy.write' },
      { from: 'part.write', add: 'pricelist.write' },
      { from: 'report.read', add: 'report.run' },
    ],
  },
];

export type RoleGrants = { code: string; builtin: boolean; permissions: readonly string[] };

/** The roles whose permissions a correction changes, with the new lists (pure; the caller stores them). */
export const correctGrants = (
  roles: readonly RoleGrants[],
  c: GrantCorrection,
): { code: string; before: string[]; after: string[] }[] => {
  const changes: { code: string; before: string[]; after: string[] }[] = [];
  for (const r of roles) {
    let after = [...r.permissions];
    if (r.builtin) {
      const revoke = new Set(c.revokeFromBuiltin[r.code] ?? []);
      after = after.filter((p) => !revoke.has(p));
    } else {
      for (const s of c.splits) if (after.includes(s.from) && !after.includes(s.add)) after.push(s.add);
    }
    const same = after.length === r.permissions.length && after.every((p, i) => p === r.permissions[i]);
    if (!same) changes.push({ code: r.code, before: [...r.permissions], after });
  }
  return changes;
};
