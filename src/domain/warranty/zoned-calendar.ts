// Calendar arithmetic in a named IANA time zone using only the built-in Intl API.
//
// Warranty terms are counted in local calendar days and months ("12 months from delivery",
// "report on the same day or the next day"), so every instant is mapped to a local day number.
// A day number is the count of days since 1970-01-01 of the *local* calendar, which lets the rules
// compare and subtract days as integers.
//
// Speed matters (the entitlement rule runs hundreds of thousands of times a second), and
// Intl.DateTimeFormat#formatToParts costs microseconds, so each zone caches its UTC offset per UTC
// day. The cache assumes at most one offset change per UTC day, which holds for every real zone
// (DST switches are months apart); within a day with a change the switching second is found once.
// The caches only memoise a pure function of (zone, instant), so callers still see pure functions.

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
// Largest distance of any zone from UTC on either side (UTC−12 … UTC+14, rounded up).
const MAX_OFFSET_MS = 15 * HOUR_MS;
// Bounds memory when callers sweep across many years; refilling is cheap.
const MAX_CACHED_DAYS = 50_000;

/** Offsets (ms to add to UTC to get local wall time) for one UTC day. */
type DayOffsets = { before: number; after: number; switchAt: number };

export type Zone = { name: string; format: Intl.DateTimeFormat; days: Map<number, DayOffsets> };

const zones = new Map<string, Zone>();

/** The cached zone; throws RangeError for a name the runtime does not know. */
export const zoneFor = (timeZone: string): Zone => {
  const cached = zones.get(timeZone);
  if (cached) return cached;
  const format = new Intl.DateTimeFormat('en-US-u-nu-latn', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const zone: Zone = { name: timeZone, format, days: new Map() };
  zones.set(timeZone, zone);
  return zone;
};

// The slow, exact offset at a whole second, read from Intl.
const rawOffset = (zone: Zone, ms: number): number => {
  const whole = Math.floor(ms / 1000) * 1000;
  let y = 1970;
  let mo = 1;
  let d = 1;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const part of zone.format.formatToParts(whole)) {
    const v = Number(part.value);
    if (part.type === 'year') y = v;
    else if (part.type === 'month') mo = v;
    else if (part.type === 'day') d = v;
    else if (part.type === 'hour') h = v;
    else if (part.type === 'minute') mi = v;
    else if (part.type === 'second') s = v;
  }
  return Date.UTC(y, mo - 1, d, h, mi, s) - whole;
};

const dayOffsets = (zone: Zone, utcDay: number): DayOffsets => {
  const hit = zone.days.get(utcDay);
  if (hit) return hit;
  const first = utcDay * DAY_MS;
  const last = first + DAY_MS - 1000;
  const before = rawOffset(zone, first);
  const after = rawOffset(zone, last);
  let switchAt = Number.POSITIVE_INFINITY;
  if (before !== after) {
    // Binary search, to the second, for the first instant on the new offset.
    let lo = first;
    let hi = last;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (rawOffset(zone, mid) === before) lo = mid;
      else hi = mid;
    }
    switchAt = hi;
  }
  const entry = { before, after, switchAt };
  if (zone.days.size >= MAX_CACHED_DAYS) zone.days.clear();
  zone.days.set(utcDay, entry);
  return entry;
};

/** Milliseconds to add to a UTC instant to get the local wall-clock time. */
export const offsetAt = (zone: Zone, ms: number): number => {
  const e = dayOffsets(zone, Math.floor(ms / DAY_MS));
  return ms < e.switchAt ? e.before : e.after;
};

/** Local calendar day number of an instant. */
export const localDay = (zone: Zone, ms: number): number => Math.floor((ms + offsetAt(zone, ms)) / DAY_MS);

/**
 * First instant of a local day: normally local 00:00; the later one never wins when midnight
 * repeats; when midnight is skipped (a DST jump at 00:00) the day starts at the jump.
 */
export const startOfLocalDay = (zone: Zone, day: number): number => {
  const wall = day * DAY_MS;
  const a = dayOffsets(zone, Math.floor((wall - MAX_OFFSET_MS) / DAY_MS));
  const b = dayOffsets(zone, Math.floor((wall + MAX_OFFSET_MS) / DAY_MS));
  if (a.switchAt === Number.POSITIVE_INFINITY && b.switchAt === Number.POSITIVE_INFINITY) {
    if (a.before === b.before) return wall - a.before;
  }
  return startOfLocalDaySlow(zone, day, [a, b]);
};

// Near an offset change: try each offset seen around that wall time and keep the earliest
// instant that really shows local midnight; if none does, midnight was skipped.
const startOfLocalDaySlow = (zone: Zone, day: number, entries: DayOffsets[]): number => {
  const wall = day * DAY_MS;
  let best = Number.POSITIVE_INFINITY;
  for (const e of entries) {
    for (const o of [e.before, e.after]) {
      const t = wall - o;
      if (offsetAt(zone, t) === o && t < best) best = t;
    }
  }
  if (best !== Number.POSITIVE_INFINITY) return best;
  for (const e of entries) {
    if (e.switchAt < best && localDay(zone, e.switchAt) === day) best = e.switchAt;
  }
  return best !== Number.POSITIVE_INFINITY ? best : wall - offsetAt(zone, wall);
};

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : (MONTH_DAYS[m - 1] ?? 31));

/** Day number → packed yyyymmdd (no allocation). Civil-from-days after H. Hinnant. */
export const dayToYmd = (day: number): number => {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10_000 + m * 100 + d;
};

export const ymdToDay = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;

/**
 * The day on which a term of `months` calendar months starting on `day` is over (exclusive end).
 * It is the same date `months` later; when that date does not exist (31 Jan + 1 month, 29 Feb +
 * 12 months) the term runs to the end of the shorter month and ends on the 1st of the next one,
 * so the customer never loses days (cf. 民法典 §202: no corresponding day → month end).
 */
export const addMonthsExclusive = (day: number, months: number): number => {
  const ymd = dayToYmd(day);
  const y = Math.floor(ymd / 10_000);
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  const total = y * 12 + (m - 1) + Math.trunc(months);
  const y2 = Math.floor(total / 12);
  const m2 = total - y2 * 12 + 1;
  if (d > daysInMonth(y2, m2)) return ymdToDay(y2, m2 + 1, 1);
  return ymdToDay(y2, m2, d);
};

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
// Labels repeat across decisions (the same start, end and fault days), so build each once.
const labels = new Map<number, string>();

/** 'YYYY-MM-DD' of a local day number, for messages. */
export const formatDay = (day: number): string => {
  const hit = labels.get(day);
  if (hit !== undefined) return hit;
  const ymd = dayToYmd(day);
  const label = `${Math.floor(ymd / 10_000)}-${pad2(Math.floor(ymd / 100) % 100)}-${pad2(ymd % 100)}`;
  if (labels.size >= MAX_CACHED_DAYS) labels.clear();
  labels.set(day, label);
  return label;
};
