import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { scopeWhere } from './scope.ts';

const marker = sql`marker`;
const rules = { dealer: () => marker, customer: () => marker };

describe('scopeWhere', () => {
  it('adds no condition for an unscoped actor', () => {
    expect(scopeWhere({ kind: 'all' }, rules)).toBeUndefined();
  });
  it("uses the table's own rule when the owning id is known", () => {
    expect(scopeWhere({ kind: 'dealer', dealerId: 'd1' }, rules)).toBe(marker);
    expect(scopeWhere({ kind: 'customer', customerId: 'c1' }, rules)).toBe(marker);
  });
  it('never widens a scoped actor without the owning id to all rows', () => {
    const none = { dealer: () => undefined, customer: () => undefined };
    for (const scope of [
      { kind: 'dealer', dealerId: null },
      { kind: 'customer', customerId: null },
    ] as const) {
      const where = scopeWhere(scope, rules);
      expect(where).toBeDefined();
      expect(where).not.toBe(marker);
    }
    expect(scopeWhere({ kind: 'dealer', dealerId: 'd1' }, none)).toBeDefined();
  });
});
