import { describe, expect, it } from 'vitest';
import { formatLocal } from './clock-reasons.ts';
import { defaultSpec, HOUR, MIN, sh, standardWorkingTime } from './sla.fixtures.ts';
import { type ClockInput, computeClock, dueEscalations, thresholdAt } from './sla-clock.ts';
import { workingTimeAround } from './working-time.ts';

const wt = standardWorkingTime();
const at = (t: number | null) => (t === null ? null : formatLocal('Asia/Shanghai', t));
const clock = (over: Partial<ClockInput> & { start: string; minutes: number }): ClockInput => ({
  wt,
  startedAt: sh(over.start),
  targetMinutes: over.minutes,
  pauses: [],
  stoppedAt: null,
  now: sh(over.start),
  ...over,
});
const pause = (from: string, to: string | null) => ({ from: sh(from), to: to === null ? null : sh(to) });
const codes = (input: ClockInput) => computeClock(input).reasons.map((r) => r.code);

describe('computeClock: due time and figures', () => {
  it('runs without pauses and explains the target and due time', () => {
    const s = computeClock(clock({ start: '2026-11-23T09:00', minutes: 120, now: sh('2026-11-23T10:00') }));
    expect(at(s.dueAt)).toBe('2026-11-23 11:00');
    expect(s).toMatchObject({
      status: 'running',
      elapsedMs: HOUR,
      remainingMs: HOUR,
      pausedMs: 0,
      breachedAt: null,
    });
    expect(s.horizonExceeded).toBe(false);
    expect(s.reasons.map((r) => r.code)).toEqual(['target', 'due']);
    expect(s.reasons[0]).toMatchObject({
      message: '时限：2 个工作小时',
      messageEn: 'Target: 2 working hours',
    });
    expect(s.reasons[1]!.messageEn).toBe('Due at 2026-11-23 11:00 (Asia/Shanghai)');
  });

  it('starts outside service hours at the next opening, and says so', () => {
    const s = computeClock(clock({ start: '2026-11-21T20:00', minutes: 60, now: sh('2026-11-23T08:45') }));
    expect(at(s.dueAt)).toBe('2026-11-23 09:30');
    expect(s.elapsedMs).toBe(15 * MIN);
    const r = s.reasons.find((x) => x.code === 'start_outside_hours');
    expect(r?.messageEn).toBe(
      'Reported outside service hours: the clock starts at the next opening 2026-11-23 08:30',
    );
  });

  it('takes every pause out, not only the last', () => {
    const s = computeClock(
      clock({
        start: '2026-11-23T09:00',
        minutes: 240,
        pauses: [
          pause('2026-11-23T10:00', '2026-11-23T10:30'),
          pause('2026-11-23T11:00', '2026-11-23T11:15'),
        ],
        now: sh('2026-11-23T14:00'),
      }),
    );
    expect(at(s.dueAt)).toBe('2026-11-23 14:45');
    expect(s.pausedMs).toBe(45 * MIN);
    expect(s.elapsedMs).toBe(3.25 * HOUR); // 09:00–12:00 and 13:00–14:00 less 45 minutes
    expect(s.reasons.filter((r) => r.code === 'pause')).toHaveLength(2);
  });

  it('a pause over the night takes out only the business time it covers', () => {
    const s = computeClock(
      clock({
        start: '2026-11-23T16:00',
        minutes: 240,
        pauses: [pause('2026-11-23T17:00', '2026-11-24T09:00')],
        now: sh('2026-11-24T10:00'),
      }),
    );
    expect(s.pausedMs).toBe(HOUR); // 17:00–17:30 and 08:30–09:00
    expect(at(s.dueAt)).toBe('2026-11-24 12:00');
    expect(s.reasons.find((r) => r.code === 'pause')?.messageEn).toBe(
      'Paused 2026-11-23 17:00 to 2026-11-24 09:00: 1 working hour not counted',
    );
  });

  it('a pause over the weekend takes out nothing', () => {
    const plain = computeClock(clock({ start: '2026-11-20T16:30', minutes: 120 }));
    const paused = computeClock(
      clock({
        start: '2026-11-20T16:30',
        minutes: 120,
        pauses: [pause('2026-11-20T17:30', '2026-11-23T08:30')],
        now: sh('2026-11-23T09:00'),
      }),
    );
    expect(at(paused.dueAt)).toBe('2026-11-23 09:30');
    expect(paused.pausedMs).toBe(0);
    expect(paused.reasons.map((r) => r.code)).toContain('pause');
    expect(paused.dueAt).toBe(plain.dueAt);
  });

  it('merges unsorted and overlapping pauses so no minute is taken out twice', () => {
    const one = computeClock(
      clock({
        start: '2026-11-23T09:00',
        minutes: 180,
        pauses: [pause('2026-11-23T10:00', '2026-11-23T11:00')],
        now: sh('2026-11-23T12:00'),
      }),
    );
    const messy = computeClock(
      clock({
        start: '2026-11-23T09:00',
        minutes: 180,
        pauses: [
          pause('2026-11-23T10:30', '2026-11-23T11:00'),
          pause('2026-11-23T10:00', '2026-11-23T10:45'),
          pause('2026-11-23T10:15', '2026-11-23T10:20'),
        ],
        now: sh('2026-11-23T12:00'),
      }),
    );
    expect(at(messy.dueAt)).toBe('2026-11-23 14:00');
    expect(messy.dueAt).toBe(one.dueAt);
    expect(messy.pausedMs).toBe(HOUR);
    expect(messy.reasons.filter((r) => r.code === 'pause')).toHaveLength(1);
  });

  it('shows a clock under an open pause as paused, with no due time', () => {
    const s = computeClock(
      clock({
        start: '2026-11-23T09:00',
        minutes: 120,
        pauses: [pause('2026-11-23T10:00', null)],
        now: sh('2026-11-24T10:00'),
      }),
    );
    expect(s).toMatchObject({
      status: 'paused',
      dueAt: null,
      breachedAt: null,
      elapsedMs: HOUR,
      remainingMs: HOUR,
    });
    expect(s.pausedMs).toBe(6.5 * HOUR + 1.5 * HOUR); // rest of Monday and Tuesday up to 10:00
    expect(s.horizonExceeded).toBe(false);
    expect(s.reasons.map((r) => r.code)).toEqual(['target', 'pause', 'paused_now']);
    expect(s.reasons[1]!.message).toBe('暂停 2026-11-23 10:00 至今：扣除 8 个工作小时');
  });

  it('ignores a pause that has not begun yet and closes an open pause at the stop', () => {
    const future = computeClock(
      clock({
        start: '2026-11-23T09:00',
        minutes: 60,
        pauses: [pause('2026-11-23T09:30', null)],
        now: sh('2026-11-23T09:10'),
      }),
    );
    expect(future.status).toBe('running');
    expect(at(future.dueAt)).toBe('2026-11-23 10:00');
    const stopped = computeClock(
      clock({
        start: '2026-11-23T09:00',
        minutes: 60,
        pauses: [pause('2026-11-23T09:30', null)],
        stoppedAt: sh('2026-11-23T15:00'),
        now: sh('2026-11-24T09:00'),
      }),
    );
    expect(stopped.status).toBe('met');
    expect(stopped.elapsedMs).toBe(30 * MIN);
  });
});

describe('computeClock: met and breached', () => {
  const base = { start: '2026-11-23T09:00', minutes: 60 };

  it('is met when stopped before or exactly at the due time', () => {
    expect(
      computeClock(clock({ ...base, stoppedAt: sh('2026-11-23T09:50'), now: sh('2026-11-25T09:00') })).status,
    ).toBe('met');
    const exact = computeClock(
      clock({ ...base, stoppedAt: sh('2026-11-23T10:00'), now: sh('2026-11-25T09:00') }),
    );
    expect(exact).toMatchObject({ status: 'met', remainingMs: 0, breachedAt: null });
    expect(exact.reasons.at(-1)?.code).toBe('met');
  });

  it('is breached when stopped after the due time, from the due time on', () => {
    const s = computeClock(
      clock({ ...base, stoppedAt: sh('2026-11-23T10:01'), now: sh('2026-11-25T09:00') }),
    );
    expect(s).toMatchObject({ status: 'breached', breachedAt: sh('2026-11-23T10:00'), remainingMs: -MIN });
    expect(s.reasons.at(-1)?.messageEn).toBe('Breached at 2026-11-23 10:00; finished 1 working minute late');
  });

  it('a running clock is breached once now passes the due time, not at it', () => {
    expect(computeClock(clock({ ...base, now: sh('2026-11-23T10:00') })).status).toBe('running');
    const s = computeClock(clock({ ...base, now: sh('2026-11-23T10:00') + 1 }));
    expect(s.status).toBe('breached');
    expect(s.reasons.map((r) => r.code)).toEqual(['target', 'due', 'breached']);
  });

  it('explains holidays and make-up days crossed on the way to the due time', () => {
    const s = computeClock(
      clock({ start: '2026-09-30T16:30', minutes: 3 * 8 * 60, now: sh('2026-10-01T09:00') }),
    );
    expect(at(s.dueAt)).toBe('2026-10-10 16:30');
    const crossed = s.reasons.filter((r) => r.code.endsWith('_crossed')).map((r) => r.messageEn);
    expect(crossed).toEqual([
      'Crosses holiday 2026-10-01 to 2026-10-07 (国庆节): not counted',
      'Make-up working day 2026-10-10 (国庆节): counted as working time',
    ]);
  });

  it('flags a due time beyond the compiled horizon instead of guessing', () => {
    const short = workingTimeAround({
      spec: defaultSpec('standard'),
      startMs: sh('2026-11-23T09:00'),
      days: 5,
    });
    const s = computeClock({ ...clock({ start: '2026-11-23T09:00', minutes: 100 * 60 }), wt: short });
    expect(s).toMatchObject({ dueAt: null, horizonExceeded: true, status: 'running' });
    expect(codes({ ...clock({ start: '2026-11-23T09:00', minutes: 100 * 60 }), wt: short })).toContain(
      'beyond_horizon',
    );
  });

  it('skips the reasons when asked to', () => {
    const s = computeClock({ ...clock(base), explain: false });
    expect(s.reasons).toEqual([]);
    expect(at(s.dueAt)).toBe('2026-11-23 10:00');
  });
});

describe('thresholdAt and dueEscalations', () => {
  const input = clock({ start: '2026-11-23T09:00', minutes: 60 });

  it('finds the instant a share of the target has elapsed, pauses excluded', () => {
    expect(at(thresholdAt({ ...input, percent: 50 }))).toBe('2026-11-23 09:30');
    expect(at(thresholdAt({ ...input, percent: 200 }))).toBe('2026-11-23 11:00');
    const withPause = { ...input, pauses: [pause('2026-11-23T09:10', '2026-11-23T09:40')] };
    expect(at(thresholdAt({ ...withPause, percent: 100 }))).toBe('2026-11-23 10:30');
    expect(thresholdAt({ ...input, pauses: [pause('2026-11-23T09:10', null)], percent: 100 })).toBeNull();
  });

  const steps = [{ percent: 100 }, { percent: 200 }];

  it('fires 100 % and later 200 %, each once', () => {
    expect(
      dueEscalations({ clock: input, steps, firedIndexes: new Set(), now: sh('2026-11-23T09:59') }),
    ).toEqual([]);
    expect(
      dueEscalations({ clock: input, steps, firedIndexes: new Set(), now: sh('2026-11-23T10:30') }),
    ).toEqual([{ index: 0, at: sh('2026-11-23T10:00') }]);
    expect(
      dueEscalations({ clock: input, steps, firedIndexes: new Set([0]), now: sh('2026-11-23T11:00') }),
    ).toEqual([{ index: 1, at: sh('2026-11-23T11:00') }]);
    expect(
      dueEscalations({ clock: input, steps, firedIndexes: new Set([0, 1]), now: sh('2026-11-24T12:00') }),
    ).toEqual([]);
  });

  it('never fires for a clock met before the threshold', () => {
    const met = { ...input, stoppedAt: sh('2026-11-23T09:54') };
    expect(
      dueEscalations({ clock: met, steps, firedIndexes: new Set(), now: sh('2026-11-24T12:00') }),
    ).toEqual([]);
    const atDue = { ...input, stoppedAt: sh('2026-11-23T10:00') };
    expect(
      dueEscalations({ clock: atDue, steps, firedIndexes: new Set(), now: sh('2026-11-24T12:00') }),
    ).toEqual([]);
    const late = { ...input, stoppedAt: sh('2026-11-23T10:30') };
    expect(
      dueEscalations({ clock: late, steps, firedIndexes: new Set(), now: sh('2026-11-24T12:00') }),
    ).toEqual([{ index: 0, at: sh('2026-11-23T10:00') }]);
  });

  it('waits while the clock is paused', () => {
    const paused = { ...input, pauses: [pause('2026-11-23T09:30', null)] };
    expect(
      dueEscalations({ clock: paused, steps, firedIndexes: new Set(), now: sh('2026-11-24T12:00') }),
    ).toEqual([]);
  });
});
