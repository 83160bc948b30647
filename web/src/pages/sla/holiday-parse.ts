import type { NoticeDay } from '../../api/sla-types';

// A holiday notice table pasted from Excel: one day a line, cells separated by tabs (or commas, or
// runs of spaces when typed by hand), in any order: the date, the arrangement (休/班) and a name.

export interface ParsedNotice {
  days: NoticeDay[];
  /** Lines that are neither a day nor a header, 1-based as the user sees them. */
  bad: { line: number; text: string }[];
}

const HOLIDAY = /^(休|假|休息|放假|holiday|off)$/i;
const WORKDAY = /^(班|上班|补班|调休上班|workday|work)$/i;
// 2027-01-01, 2027/1/1, 2027.1.1, 2027年1月1日
const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const HEADER = /日期|date/i;

const pad = (n: string) => n.padStart(2, '0');

/** YYYY-MM-DD when the cell is a real calendar date (no 2月30日). */
function dateOf(cell: string): string | null {
  const m = DATE.exec(cell);
  if (!m) return null;
  const iso = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

// Tabs from Excel; commas from a CSV; otherwise whatever spaces were typed (a name with a space in
// it is joined back together below).
function cellsOf(line: string): string[] {
  const split = line.includes('\t')
    ? line.split('\t')
    : /[,，]/.test(line)
      ? line.split(/[,，]/)
      : line.split(/\s+/);
  return split.map((c) => c.trim()).filter(Boolean);
}

export function parseNotice(text: string): ParsedNotice {
  const byDate = new Map<string, NoticeDay>();
  const bad: ParsedNotice['bad'] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const cells = cellsOf(line);
    let date: string | null = null;
    let kind: NoticeDay['kind'] | null = null;
    const rest: string[] = [];
    for (const cell of cells) {
      const d: string | null = date ? null : dateOf(cell);
      if (d) date = d;
      else if (!kind && HOLIDAY.test(cell)) kind = 'holiday';
      else if (!kind && WORKDAY.test(cell)) kind = 'workday';
      else rest.push(cell);
    }
    if (date && kind) {
      const name = rest.join(' ').slice(0, 50);
      // A date listed twice: the later line wins, as it would in the spreadsheet read top to bottom.
      byDate.set(date, name ? { date, kind, name } : { date, kind });
    } else if (!(i === 0 && HEADER.test(line))) {
      bad.push({ line: i + 1, text: line });
    }
  });
  const days = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  return { days, bad };
}
