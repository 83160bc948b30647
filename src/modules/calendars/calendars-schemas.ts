import { Type } from '@sinclair/typebox';
import { Nullable, Text, Timestamp, Uuid, Version } from '../../platform/schemas.ts';

const HHMM = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' });
export const HoursRange = Type.Tuple([HHMM, HHMM]);
const DayHours = Type.Array(HoursRange, { maxItems: 8 });
const Day = Type.String({ format: 'date' });
const DayList = Type.Array(Day, { maxItems: 2000 });

export const WeeklyHours = Type.Object(
  {
    mon: DayHours,
    tue: DayHours,
    wed: DayHours,
    thu: DayHours,
    fri: DayHours,
    sat: DayHours,
    sun: DayHours,
  },
  { additionalProperties: false },
);

const editable = {
  name: Text(100, 1),
  timeZone: Text(64, 1),
  weeklyHours: WeeklyHours,
  holidays: DayList,
  workdays: DayList,
  workdayHours: Type.Optional(Nullable(DayHours)),
  dayNames: Type.Optional(Type.Record(Type.String({ format: 'date' }), Text(50))),
};

export const CreateCalendarBody = Type.Object(
  { ...editable, holidays: Type.Optional(DayList), workdays: Type.Optional(DayList) },
  { additionalProperties: false },
);

export const UpdateCalendarBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(editable.name),
    timeZone: Type.Optional(editable.timeZone),
    weeklyHours: Type.Optional(editable.weeklyHours),
    holidays: Type.Optional(DayList),
    workdays: Type.Optional(DayList),
    workdayHours: editable.workdayHours,
    dayNames: editable.dayNames,
  },
  { additionalProperties: false },
);

/** One year's State Council holiday notice (国务院办公厅关于…部分节假日安排的通知) as a table. */
export const HolidayNoticeBody = Type.Object(
  {
    version: Version,
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    days: Type.Array(
      Type.Object(
        {
          date: Day,
          kind: Type.Union([Type.Literal('holiday'), Type.Literal('workday')]),
          name: Type.Optional(Text(50)),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 400 },
    ),
  },
  { additionalProperties: false },
);

export const Calendar = Type.Object({
  id: Uuid,
  code: Nullable(Type.String()),
  name: Type.String(),
  timeZone: Type.String(),
  weeklyHours: WeeklyHours,
  holidays: Type.Array(Type.String()),
  workdays: Type.Array(Type.String()),
  workdayHours: Nullable(DayHours),
  dayNames: Type.Record(Type.String(), Type.String()),
  holidayYears: Type.Array(Type.Integer()),
  // Set when next year's holiday notice has not been loaded yet (the admin page warns).
  missingHolidayYear: Nullable(Type.Integer()),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const MonthQuery = Type.Object(
  { month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }) },
  { additionalProperties: false },
);

export const CalendarDay = Type.Object({
  date: Type.String(),
  weekday: Type.String(),
  // workday | weekend | holiday | makeup
  kind: Type.String(),
  hours: Type.Array(HoursRange),
  name: Nullable(Type.String()),
});
