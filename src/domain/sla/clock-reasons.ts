import { assertUnreachable } from '../../platform/errors.ts';
import {
  DAY_MS,
  formatDay,
  localDay,
  offsetAt,
  startOfLocalDay,
  zoneFor,
} from '../warranty/zoned-calendar.ts';
import type { ClockInput, ClockReason, ClockState } from './sla-clock.ts';
import { isWorking, nextOpening, type WorkingTime, workingMsBetween } from './working-time.ts';

// The reasons of a clock decision, in Chinese for the UI and English for the log and foreign users.
// Built only on demand: they cost far more than the arithmetic (string formatting per reason).

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** 'YYYY-MM-DD HH:mm' of an instant, in the calendar's zone. */
export const formatLocal = (timeZone: string, t: number): string => {
  const local = t + offsetAt(zoneFor(timeZone), t);
  const day = Math.floor(local / DAY_MS);
  const minutes = Math.floor((local - day * DAY_MS) / 60_000);
  return `${formatDay(day)} ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
};

const duration = (minutes: number): { zh: string; en: string } => {
  if (minutes > 0 && minutes % 60 === 0) {
    const h = minutes / 60;
    return { zh: `${h} 个工作小时`, en: `${h} working hour${h === 1 ? '' : 's'}` };
  }
  const m = Math.round(minutes * 100) / 100;
  return { zh: `${m} 个工作分钟`, en: `${m} working minute${m === 1 ? '' : 's'}` };
};

// Consecutive days as runs, so a seven-day holiday is one reason rather than seven.
const runsIn = (days: Int32Array, first: number, last: number): [number, number][] => {
  const runs: [number, number][] = [];
  for (const d of days) {
    if (d < first || d > last) continue;
    const run = runs[runs.length - 1];
    if (run && run[1] === d - 1) run[1] = d;
    else runs.push([d, d]);
  }
  return runs;
};

const crossedDays = (wt: WorkingTime, from: number, to: number, out: ClockReason[]) => {
  const zone = zoneFor(wt.timeZone);
  const first = localDay(zone, from);
  const last = localDay(zone, to);
  for (const [a, b] of runsIn(wt.holidayDays, first, last)) {
    const name = wt.dayNames[formatDay(a)];
    const span = a === b ? formatDay(a) : `${formatDay(a)} 至 ${formatDay(b)}`;
    const spanEn = a === b ? formatDay(a) : `${formatDay(a)} to ${formatDay(b)}`;
    out.push({
      code: 'holiday_crossed',
      message: `跨越节假日 ${span}${name ? `（${name}）` : ''}：不计时`,
      messageEn: `Crosses holiday ${spanEn}${name ? ` (${name})` : ''}: not counted`,
      at: startOfLocalDay(zone, a),
    });
  }
  for (const [a, b] of runsIn(wt.workdayDays, first, last)) {
    for (let d = a; d <= b; d++) {
      const name = wt.dayNames[formatDay(d)];
      out.push({
        code: 'workday_crossed',
        message: `调休上班日 ${formatDay(d)}${name ? `（${name}）` : ''}：计入工作时间`,
        messageEn: `Make-up working day ${formatDay(d)}${name ? ` (${name})` : ''}: counted as working time`,
        at: startOfLocalDay(zone, d),
      });
    }
  }
};

/**
 * Why a clock stands where it does: the target, a start outside service hours, each pause with the
 * business minutes it took out, holidays and make-up days between start and due (or now), the due
 * time and the verdict. `pauses` is the normalised list computeClock walked.
 */
export const explainClock = (opts: {
  input: ClockInput;
  state: ClockState;
  pauses: readonly number[];
}): ClockReason[] => {
  const { input, state, pauses } = opts;
  const { wt, startedAt, stoppedAt, now } = input;
  const tz = wt.timeZone;
  const at = (t: number) => formatLocal(tz, t);
  const end = stoppedAt ?? now;
  const reasons: ClockReason[] = [];
  const target = duration(input.targetMinutes);
  reasons.push({ code: 'target', message: `时限：${target.zh}`, messageEn: `Target: ${target.en}` });

  if (!isWorking(wt, startedAt)) {
    const opening = nextOpening(wt, startedAt);
    if (opening !== null)
      reasons.push({
        code: 'start_outside_hours',
        message: `在服务时间外报告：从下一个服务时间 ${at(opening)} 开始计时`,
        messageEn: `Reported outside service hours: the clock starts at the next opening ${at(opening)}`,
        at: opening,
      });
  }

  for (let k = 0; k < pauses.length; k += 2) {
    const from = pauses[k]!;
    const to = pauses[k + 1]!;
    const open = !Number.isFinite(to);
    const until = open ? end : to;
    const taken = duration(workingMsBetween(wt, from, Math.min(until, end)) / 60_000);
    reasons.push({
      code: 'pause',
      message: `暂停 ${at(from)} 至${open ? '今' : ` ${at(to)}`}：扣除 ${taken.zh}`,
      messageEn: `Paused ${at(from)} to ${open ? 'now' : at(to)}: ${taken.en} not counted`,
      at: from,
    });
  }

  crossedDays(wt, startedAt, state.dueAt ?? end, reasons);

  if (state.dueAt !== null)
    reasons.push({
      code: 'due',
      message: `到期时间 ${at(state.dueAt)}`,
      messageEn: `Due at ${at(state.dueAt)} (${tz})`,
      at: state.dueAt,
    });
  else if (state.horizonExceeded)
    reasons.push({
      code: 'beyond_horizon',
      message: '到期时间超出已编译的日历范围，需扩大范围重新计算',
      messageEn: 'The due time lies beyond the compiled calendar range; compute again with a wider one',
    });

  switch (state.status) {
    case 'paused': {
      let since = startedAt;
      for (let k = 0; k < pauses.length && pauses[k]! <= now; k += 2) since = pauses[k]!;
      reasons.push({
        code: 'paused_now',
        message: '时钟已暂停：恢复后重新计算到期时间',
        messageEn: 'The clock is paused: the due time is set again when it resumes',
        at: since,
      });
      break;
    }
    case 'met':
      reasons.push({
        code: 'met',
        message: `已于 ${at(end)} 完成，未超过到期时间`,
        messageEn: `Met at ${at(end)}, within the due time`,
        at: end,
      });
      break;
    case 'breached': {
      const late = duration(Math.round(-state.remainingMs / 60_000));
      reasons.push({
        code: 'breached',
        message: `已于 ${at(state.breachedAt!)} 超时${stoppedAt !== null ? `，完成时超出 ${late.zh}` : ''}`,
        messageEn: `Breached at ${at(state.breachedAt!)}${stoppedAt !== null ? `; finished ${late.en} late` : ''}`,
        at: state.breachedAt!,
      });
      break;
    }
    case 'running':
      break;
    default:
      assertUnreachable(state.status);
  }
  return reasons;
};
