import type { Cell } from './sheet.ts';

// Cell → field conversions. Each returns a value or throws a message naming what is wrong.
export class CellError extends Error {}

export const text = (v: Cell, max = 200): string | null => {
  if (v === null) return null;
  const s = (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)).trim();
  if (s.length > max) throw new CellError(`is longer than ${max} characters`);
  return s || null;
};

export const required = <T>(v: T | null, what = 'is required'): T => {
  if (v === null || v === undefined) throw new CellError(what);
  return v;
};

export const num = (v: Cell, opts: { min?: number; max?: number; integer?: boolean } = {}): number | null => {
  if (v === null) return null;
  const n = typeof v === 'number' ? v : Number(String(v).replace(/,/g, ''));
  if (!Number.isFinite(n)) throw new CellError('is not a number');
  if (opts.integer && !Number.isInteger(n)) throw new CellError('must be a whole number');
  if (opts.min !== undefined && n < opts.min) throw new CellError(`must be at least ${opts.min}`);
  if (opts.max !== undefined && n > opts.max) throw new CellError(`must be at most ${opts.max}`);
  return n;
};

/** Excel dates arrive as UTC midnight of the shown day; they mean that day in Asia/Shanghai. */
export const date = (v: Cell): Date | null => {
  if (v === null) return null;
  if (v instanceof Date) return new Date(`${v.toISOString().slice(0, 10)}T00:00:00+08:00`);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(String(v).trim());
  if (!m) throw new CellError('is not a date (YYYY-MM-DD)');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(y, mo - 1, d));
  // 2026-02-30 would roll over to March; reject it instead.
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== mo - 1 || utc.getUTCDate() !== d)
    throw new CellError('is not a valid date');
  const day = new Date(`${utc.toISOString().slice(0, 10)}T00:00:00+08:00`);
  return day;
};

export const list = (v: Cell): string[] =>
  v === null
    ? []
    : String(v)
        .split(/[,，、;；\s]+/)
        .map((s) => s.trim())
        .filter(Boolean);

export const oneOf = <T extends string>(
  v: Cell,
  allowed: readonly T[],
  labels: Record<string, T> = {},
): T | null => {
  const s = text(v, 40);
  if (s === null) return null;
  const hit = (allowed as readonly string[]).includes(s) ? (s as T) : labels[s];
  if (!hit) throw new CellError(`must be one of ${allowed.join(', ')}`);
  return hit;
};
