import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { localDay, zoneFor } from '../warranty/zoned-calendar.ts';
import type { CalendarSpec, HoursRange, Weekday } from './calendar-types.ts';

// Mainland China's public holidays and make-up working days (调休), from the chinese-days package,
// which transcribes the State Council's yearly notice. A new year's notice comes out around
// November, so the data for next year can be missing: missingHolidayYears drives that warning.

type DayTable = Record<string, string>;

export type ChinaHolidayDates = {
  /** Official days off, weekend days inside a holiday block included; not ordinary weekends. */
  holidays: string[];
  /** Make-up working days. */
  workdays: string[];
  years: number[];
  /** Chinese name of each special day ('国庆节'); make-up days name the holiday they serve. */
  names: Record<string, string>;
  namesEn: Record<string, string>;
};

let memo: ChinaHolidayDates | null = null;

/** The holiday data of every year the package covers (memoised; treat as read-only). */
export const chinaHolidayDates = (): ChinaHolidayDates => {
  if (memo) return memo;
  const names: Record<string, string> = {};
  const namesEn: Record<string, string> = {};
  // Entries read "National Day,国庆节,3": English name, Chinese name, days off.
  const read = (table: DayTable) =>
    Object.keys(table)
      .sort()
      .map((date) => {
        const [en = '', zh = ''] = (table[date] ?? '').split(',');
        names[date] = zh;
        namesEn[date] = en;
        return date;
      });
  const holidays = read(data.holidays as DayTable);
  const workdays = read(data.workdays as DayTable);
  const years = [...new Set(holidays.map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
  memo = { holidays, workdays, years, names, namesEn };
  return memo;
};

const TIME_ZONE = 'Asia/Shanghai';
const OFFICE: HoursRange[] = [['08:30', '17:30']];
const days = (hours: HoursRange[], open: Weekday[]): Record<Weekday, HoursRange[]> => ({
  mon: open.includes('mon') ? hours : [],
  tue: open.includes('tue') ? hours : [],
  wed: open.includes('wed') ? hours : [],
  thu: open.includes('thu') ? hours : [],
  fri: open.includes('fri') ? hours : [],
  sat: open.includes('sat') ? hours : [],
  sun: open.includes('sun') ? hours : [],
});
const MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const MON_SAT: Weekday[] = [...MON_FRI, 'sat'];
const EVERY_DAY: Weekday[] = [...MON_SAT, 'sun'];

export type DefaultCalendar = {
  code: string;
  name: string;
  nameEn: string;
  timeZone: string;
  weeklyHours: Record<Weekday, HoursRange[]>;
  workdayHours?: HoursRange[];
  /** Whether the official holidays and make-up days apply; the hotline and 7×24 work every day. */
  observesHolidays: boolean;
};

/** The calendars the product ships with (SPEC §2.4). */
export const DEFAULT_CALENDARS: DefaultCalendar[] = [
  {
    code: 'standard',
    name: '标准工作日历',
    nameEn: 'Standard working calendar',
    timeZone: TIME_ZONE,
    weeklyHours: days(
      [
        ['08:30', '12:00'],
        ['13:00', '17:30'],
      ],
      MON_FRI,
    ),
    observesHolidays: true,
  },
  {
    code: 'hotline',
    name: '服务热线',
    nameEn: 'Service hotline',
    timeZone: TIME_ZONE,
    weeklyHours: days([['07:30', '22:00']], EVERY_DAY),
    observesHolidays: false,
  },
  {
    code: 'email_remote',
    name: '邮件/远程支持',
    nameEn: 'Email / remote support',
    timeZone: TIME_ZONE,
    weeklyHours: days(OFFICE, MON_SAT),
    observesHolidays: true,
  },
  {
    code: 'onsite',
    name: '现场服务',
    nameEn: 'On-site service',
    timeZone: TIME_ZONE,
    weeklyHours: days(OFFICE, MON_FRI),
    observesHolidays: true,
  },
  {
    code: 'always',
    name: '7×24',
    nameEn: '7×24',
    timeZone: TIME_ZONE,
    weeklyHours: days([['00:00', '24:00']], EVERY_DAY),
    observesHolidays: false,
  },
];

/** The full spec of a default calendar, with China's holidays when it observes them. */
export const defaultCalendarSpec = (calendar: DefaultCalendar): CalendarSpec => {
  const china = calendar.observesHolidays ? chinaHolidayDates() : null;
  return {
    timeZone: calendar.timeZone,
    weeklyHours: calendar.weeklyHours,
    holidays: china ? [...china.holidays] : [],
    workdays: china ? [...china.workdays] : [],
    workdayHours: calendar.workdayHours ?? null,
  };
};

/**
 * Years without holiday data that matter now: the current and the next calendar year in China
 * (normally just [next year], until its notice is loaded). Empty when both are covered.
 */
export const missingHolidayYears = (years: number[], now: Date): number[] => {
  const ymd = new Date(localDay(zoneFor(TIME_ZONE), now.getTime()) * 86_400_000);
  const current = ymd.getUTCFullYear();
  return [current, current + 1].filter((y) => !years.includes(y));
};
