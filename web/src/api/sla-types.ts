// Service calendars, SLA policies and notification robots (admin): named from the generated API types.
import { allOf, type BodyOf, type Item, type ResponseOf } from './schema';

export type Calendar = ResponseOf<'/api/calendars/{id}'>;
export type CalendarList = ResponseOf<'/api/calendars'>;
export type WeeklyHours = Calendar['weeklyHours'];
export type Weekday = keyof WeeklyHours;
/** ['08:30', '12:00']: local wall-clock times in the calendar's zone; '24:00' ends a day. */
export type HoursRange = Item<WeeklyHours[Weekday]>;
export const WEEKDAYS = allOf<Weekday>()(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

export type CalendarDays = ResponseOf<'/api/calendars/{id}/days'>;
export type CalendarDay = Item<CalendarDays['items']>;
export type HolidayNoticeBody = BodyOf<'/api/calendars/{id}/holiday-notice'>;
export type NoticeDay = Item<HolidayNoticeBody['days']>;

export type SlaPolicy = ResponseOf<'/api/sla-policies/{id}'>;
export type SlaPolicyList = ResponseOf<'/api/sla-policies'>;

type WebhookBody = BodyOf<'/api/webhooks'>;
export type RobotKind = WebhookBody['kind'];
export type RobotEvent = Item<NonNullable<WebhookBody['events']>>;
export const ROBOT_KINDS = allOf<RobotKind>()(['wecom', 'dingtalk']);
export const ROBOT_EVENTS = allOf<RobotEvent>()(['escalation', 'ticket']);
export type WebhookList = ResponseOf<'/api/webhooks'>;
export type Webhook = Item<WebhookList['items']>;
export type DeliveryList = ResponseOf<'/api/notification-deliveries'>;
export type Delivery = Item<DeliveryList['items']>;
