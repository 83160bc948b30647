// The promised time of each step after a return request (SPEC 2.8, SPEC §4; seed 000 第三篇 服务承诺):
// the review answer, the pickup, processing a received return, the exchange, the refund, and
// sending back goods that fail the inspection. Days follow SPEC §4 "Deadlines counted in days"
// (time/day-deadlines.ts); every answer carries its clause and the inputs that produced it.
import { wallToInstant } from '../sla/working-time.ts';
import {
  type DayDeadline,
  dayDeadline,
  defaultWorkingDays,
  SHANGHAI,
  type WorkingDays,
  workingDayDeadline,
} from '../time/day-deadlines.ts';
import { DAY_MS, formatDay, offsetAt, zoneFor } from '../warranty/zoned-calendar.ts';

export type ReturnDeadline = {
  dueAt: Date;
  /** Stable code of the rule that set it. */
  code: string;
  clause: string;
  message: string;
  messageEn: string;
  inputs: Record<string, unknown>;
};

const REVIEW_CUTOFF_MINUTES = 18 * 60;
const NEXT_DAY_ANSWER_MINUTES = 12 * 60;

const REVIEW_CLAUSE =
  '退换货审核周期：18:00 前提交当日回复，18:00 后提交次日 12:00 前回复（SPEC 2.8 / seed 000 第三篇 服务承诺 2.1)）';

const fromDays = (d: DayDeadline, extra: Record<string, unknown>): Record<string, unknown> => ({
  ...extra,
  unit: d.unit,
  days: d.days,
  timeZone: d.timeZone,
  startDay: d.startDay,
  lastDay: d.lastDay,
  skipped: d.skipped,
  holidayDataMissing: d.holidayDataMissing,
});

const hm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The review answer (审核周期): a request submitted before 18:00 local time is answered by the end of
 * that day (24:00, i.e. 00:00 of the next day); at or after 18:00, by 12:00 of the next calendar day
 * (holidays included: the desk promises it every day).
 */
export const reviewDueAt = (submittedAt: Date, timeZone: string = SHANGHAI): ReturnDeadline => {
  const ms = submittedAt.getTime();
  if (Number.isNaN(ms)) throw new RangeError('submittedAt is not a valid date');
  const zone = zoneFor(timeZone);
  const wall = ms + offsetAt(zone, ms);
  const day = Math.floor(wall / DAY_MS);
  const minutes = Math.floor((wall - day * DAY_MS) / 60_000);
  const before = minutes < REVIEW_CUTOFF_MINUTES;
  const nextDay = formatDay(day + 1);
  const dueMs = before
    ? wallToInstant(zone, (day + 1) * DAY_MS)
    : wallToInstant(zone, (day + 1) * DAY_MS + NEXT_DAY_ANSWER_MINUTES * 60_000);
  const inputs = {
    submittedAt,
    timeZone,
    submittedDay: formatDay(day),
    submittedLocalTime: hm(minutes),
    cutoff: '18:00',
    beforeCutoff: before,
  };
  return before
    ? {
        dueAt: new Date(dueMs),
        code: 'review_same_day',
        clause: REVIEW_CLAUSE,
        message: `${hm(minutes)} 提交（18:00 前）：当日 24:00 前回复`,
        messageEn: `Submitted at ${hm(minutes)} (before 18:00): answered by 24:00 the same day`,
        inputs,
      }
    : {
        dueAt: new Date(dueMs),
        code: 'review_next_noon',
        clause: REVIEW_CLAUSE,
        message: `${hm(minutes)} 提交（18:00 及以后）：次日 ${nextDay} 12:00 前回复`,
        messageEn: `Submitted at ${hm(minutes)} (18:00 or later): answered by 12:00 on ${nextDay}`,
        inputs,
      };
};

const PICKUP_CLAUSE =
  '上门办理退换货：北京等 48 个城市 1–2 天，其他地区 3–4 天，自申请确认后（SPEC 2.8 / seed 000 第三篇 服务承诺 2.2)①③）';

/**
 * The pickup at the customer's door (上门取件), from the approval of the request: the upper end of
 * the promise, 2 days in the listed cities, 4 elsewhere (calendar days; the seed says 天).
 * Whether the address is in a listed city is data an administrator edits; the caller decides.
 */
export const pickupDueAt = (opts: { approvedAt: Date; listedCity: boolean }): ReturnDeadline => {
  const days = opts.listedCity ? 2 : 4;
  const d = dayDeadline(opts.approvedAt, days);
  const where = opts.listedCity ? '所列城市' : '其他地区';
  return {
    dueAt: d.dueAt,
    code: opts.listedCity ? 'pickup_listed_city' : 'pickup_elsewhere',
    clause: PICKUP_CLAUSE,
    message: `${where}上门取件：确认后 ${days} 天内（至 ${d.lastDay} 24:00）`,
    messageEn: `Pickup ${opts.listedCity ? 'in a listed city' : 'elsewhere'}: within ${days} days of approval (by 24:00 on ${d.lastDay})`,
    inputs: fromDays(d, { approvedAt: opts.approvedAt, listedCity: opts.listedCity }),
  };
};

const PROCESS_CLAUSE =
  '邮寄办理退货：5 个工作日，自收到退货包裹至处理完毕（SPEC §4 / seed 000 第三篇 服务承诺 2.2)②）';

/**
 * Processing a received return (收货至处理完毕): 5 working days after receipt. SPEC gives it for
 * mail; goods collected at the door go through the same warehouse and inspection, so they get the
 * same 5 working days from the moment they are received (the pickup's own 1–2 / 3–4 days are
 * pickupDueAt, counted from the approval).
 */
export const processDueAt = (opts: {
  receivedAt: Date;
  via: 'mail' | 'pickup';
  calendar?: WorkingDays;
}): ReturnDeadline => {
  const d = workingDayDeadline(opts.receivedAt, 5, opts.calendar ?? defaultWorkingDays());
  return {
    dueAt: d.dueAt,
    code: opts.via === 'mail' ? 'process_mail_5_working_days' : 'process_pickup_5_working_days',
    clause: PROCESS_CLAUSE,
    message: `${opts.via === 'mail' ? '邮寄' : '上门取回'}的退货收到后 5 个工作日内处理完毕（至 ${d.lastDay} 24:00）`,
    messageEn: `A ${opts.via === 'mail' ? 'mailed' : 'collected'} return is processed within 5 working days of receipt (by 24:00 on ${d.lastDay})`,
    inputs: fromDays(d, { receivedAt: opts.receivedAt, via: opts.via }),
  };
};

const EXCHANGE_CLAUSE =
  '换货：上门 1–2 天（自确认后），邮寄 7 个工作日（自收到换货包裹至出库）（SPEC 2.8 / seed 000 第三篇 服务承诺 2.2)③④）';

/**
 * The exchange: at the door within 2 days of the approval, or by mail 7 working days from the
 * receipt of the parcel to the replacement leaving the warehouse.
 */
export const exchangeDueAt = (
  opts: { via: 'door'; approvedAt: Date } | { via: 'mail'; receivedAt: Date; calendar?: WorkingDays },
): ReturnDeadline => {
  if (opts.via === 'door') {
    const d = dayDeadline(opts.approvedAt, 2);
    return {
      dueAt: d.dueAt,
      code: 'exchange_door_2_days',
      clause: EXCHANGE_CLAUSE,
      message: `上门换货：确认后 2 天内（至 ${d.lastDay} 24:00）`,
      messageEn: `Exchange at the door: within 2 days of approval (by 24:00 on ${d.lastDay})`,
      inputs: fromDays(d, { approvedAt: opts.approvedAt, via: 'door' }),
    };
  }
  const d = workingDayDeadline(opts.receivedAt, 7, opts.calendar ?? defaultWorkingDays());
  return {
    dueAt: d.dueAt,
    code: 'exchange_mail_7_working_days',
    clause: EXCHANGE_CLAUSE,
    message: `邮寄换货：收到换货包裹后 7 个工作日内出库（至 ${d.lastDay} 24:00）`,
    messageEn: `Exchange by mail: shipped within 7 working days of receipt (by 24:00 on ${d.lastDay})`,
    inputs: fromDays(d, { receivedAt: opts.receivedAt, via: 'mail' }),
  };
};

/** The refund: 3 working days after the returned goods pass the inspection. */
export const refundDueAt = (opts: { inspectedAt: Date; calendar?: WorkingDays }): ReturnDeadline => {
  const d = workingDayDeadline(opts.inspectedAt, 3, opts.calendar ?? defaultWorkingDays());
  return {
    dueAt: d.dueAt,
    code: 'refund_3_working_days',
    clause: '质检符合退货标准后三个工作日内退款（SPEC §4 / seed 000 第三篇 商品退货流程）',
    message: `质检合格后 3 个工作日内退款（至 ${d.lastDay} 24:00）`,
    messageEn: `Refund within 3 working days of the passed inspection (by 24:00 on ${d.lastDay})`,
    inputs: fromDays(d, { inspectedAt: opts.inspectedAt }),
  };
};

/**
 * Goods that fail the return standard go back as they came within 3 days. The seed counts from the
 * day the customer is contacted; SPEC from the inspection, which is when the desk knows — so the
 * inspection it is.
 */
export const sendBackDueAt = (opts: { inspectedAt: Date }): ReturnDeadline => {
  const d = dayDeadline(opts.inspectedAt, 3);
  return {
    dueAt: d.dueAt,
    code: 'send_back_3_days',
    clause: '不符合退换货标准的商品三天之内原样退回（SPEC §4 / seed 000 第三篇 商品退货流程 7）',
    message: `质检不合格：3 天内原样退回（至 ${d.lastDay} 24:00），客户仍享有国家三包服务`,
    messageEn: `Failed inspection: sent back as received within 3 days (by 24:00 on ${d.lastDay}); the national 三包 service still applies`,
    inputs: fromDays(d, { inspectedAt: opts.inspectedAt }),
  };
};
