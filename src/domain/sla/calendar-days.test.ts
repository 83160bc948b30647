import { describe, expect, it } from 'vitest';
import { monthDays } from './calendar-days.ts';
import type { CalendarSpec } from './calendar-types.ts';

const office: CalendarSpec = {
  timeZone: 'Asia/Shanghai',
  weeklyHours: {
    mon: [
      ['08:30', '12:00'],
      ['13:00', '17:30'],
    ],
    tue: [['08:30', '17:30']],
    wed: [['08:30', '17:30']],
    thu: [['08:30', '17:30']],
    fri: [['08:30', '17:30']],
    sat: [],
    sun: [],
  },
  holidays: ['2026-10-01', '2026-10-02'],
  workdays: ['2026-10-10'],
};

describe('monthDays', () => {
  it('marks holidays, make-up days (with Monday hours) and weekends', () => {
    const days = monthDays({ spec: office, month: '2026-10', dayNames: { '2026-10-01': '国庆节' } });
    expect(days).toHaveLength(31);
    expect(days[0]).toMatchObject({ date: '2026-10-01', weekday: 'thu', kind: 'holiday', name: '国庆节' });
    expect(days[2]).toMatchObject({ date: '2026-10-03', kind: 'weekend', hours: [] });
    expect(days[9]).toMatchObject({ date: '2026-10-10', weekday: 'sat', kind: 'makeup' });
    expect(days[9]!.hours).toEqual(office.weeklyHours.mon);
    expect(days[11]).toMatchObject({ date: '2026-10-12', kind: 'workday' });
  });

  it('a make-up day uses its own hours when the calendar has them', () => {
    const days = monthDays({ spec: { ...office, workdayHours: [['09:00', '12:00']] }, month: '2026-10' });
    expect(days[9]!.hours).toEqual([['09:00', '12:00']]);
  });
});
