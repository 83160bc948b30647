// Service calendars, SLA policies and notification robots (admin), as the server sends them.
import type { Channel, Metric, TicketType } from './ticket-types';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** ['08:30', '12:00']: local wall-clock times in the calendar's zone; '24:00' ends a day. */
export type HoursRange = [string, string];
export type WeeklyHours = Record<Weekday, HoursRange[]>;

export interface Calendar {
  id: string;
  code: string | null;
  name: string;
  timeZone: string;
  weeklyHours: WeeklyHours;
  holidays: string[];
  workdays: string[];
  /** Hours of a make-up working day (调休上班); null: the hours of the weekday it falls on. */
  workdayHours: HoursRange[] | null;
  dayNames: Record<string, string>;
  holidayYears: number[];
  /** Next year's holiday notice is not loaded yet: the page warns. */
  missingHolidayYear: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export interface CalendarDay {
  date: string;
  weekday: string;
  kind: DayKind | string;
  hours: HoursRange[];
  name: string | null;
}

export interface NoticeDay {
  date: string;
  kind: 'holiday' | 'workday';
  name?: string;
}

export interface AppliesTo {
  types: TicketType[];
  channels: Channel[];
  grades: string[];
  urgent: boolean | null;
}

export interface SlaTarget {
  metric: Metric;
  minutes: number;
  clause: string | null;
}

export interface EscalationStep {
  metric: Metric;
  /** Share of the target at which the step fires: 100 = at the deadline. */
  percent: number;
  level: number;
  notifyRoles: string[];
  clause: string | null;
}

export interface SlaPolicy {
  id: string;
  name: string;
  calendarId: string;
  calendarName: string | null;
  appliesTo: AppliesTo;
  targets: SlaTarget[];
  escalations: EscalationStep[];
  priority: number;
  active: boolean;
  clause: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const ROBOT_KINDS = ['wecom', 'dingtalk'] as const;
export type RobotKind = (typeof ROBOT_KINDS)[number];
export const ROBOT_EVENTS = ['escalation', 'ticket'] as const;

export interface Webhook {
  id: string;
  name: string;
  kind: RobotKind;
  url: string;
  events: string[];
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Delivery {
  id: string;
  /** email | wecom | dingtalk */
  channel: string;
  target: string;
  subject: string;
  status: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}
