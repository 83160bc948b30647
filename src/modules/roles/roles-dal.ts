import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { roles } from '../../db/schema/auth.ts';

export type RoleRow = typeof roles.$inferSelect;

export const listRoles = (db: Executor) =>
  db.select().from(roles).orderBy(asc(roles.builtin), asc(roles.code));

export const findRole = async (db: Executor, code: string) =>
  (await db.select().from(roles).where(eq(roles.code, code)))[0] ?? null;

export const insertRole = async (db: Executor, row: typeof roles.$inferInsert) =>
  (await db.insert(roles).values(row).returning())[0]!;
