import { describe, expect, it } from 'vitest';
import {
  exchangeDueAt,
  pickupDueAt,
  processDueAt,
  refundDueAt,
  reviewDueAt,
  sendBackDueAt,
} from './return-deadlines.ts';

/** Instant of a Shanghai wall time, '2026-11-20T17:59'. */
const sh = (local: string) => new Date(`${local}:00+08:00`);
const iso = (d: Date) => d.toISOString();

describe('reviewDueAt (审核周期)', () => {
  it('17:59 → the end of that day, exactly 00:00+08:00 of the next', () => {
    const r = reviewDueAt(sh('2026-11-20T17:59'));
    expect(iso(r.dueAt)).toBe('2026-11-20T16:00:00.000Z');
    expect(iso(r.dueAt)).toBe(iso(sh('2026-11-21T00:00')));
    expect(r.code).toBe('review_same_day');
    expect(r.inputs).toMatchObject({ submittedLocalTime: '17:59', beforeCutoff: true });
    expect(r.clause).toContain('seed 000 第三篇');
  });

  it('17:59:59.999 is still before 18:00', () => {
    const r = reviewDueAt(new Date(sh('2026-11-20T18:00').getTime() - 1));
    expect(r.code).toBe('review_same_day');
  });

  it('18:00 → 12:00 the next day', () => {
    const r = reviewDueAt(sh('2026-11-20T18:00'));
    expect(iso(r.dueAt)).toBe(iso(sh('2026-11-21T12:00')));
    expect(r.code).toBe('review_next_noon');
    expect(r.message).toContain('2026-11-21 12:00');
    expect(r.messageEn).toContain('12:00 on 2026-11-21');
  });

  it('late evening and after midnight: the Shanghai day decides, not the UTC day', () => {
    // 23:30 Shanghai = 15:30 UTC the same date → noon next day.
    expect(iso(reviewDueAt(new Date('2026-11-20T15:30:00Z')).dueAt)).toBe(iso(sh('2026-11-21T12:00')));
    // 00:30 Shanghai on the 21st = 16:30 UTC on the 20th → end of the 21st.
    expect(iso(reviewDueAt(new Date('2026-11-20T16:30:00Z')).dueAt)).toBe(iso(sh('2026-11-22T00:00')));
  });

  it('the next day is a calendar day (a Saturday or a holiday too)', () => {
    expect(iso(reviewDueAt(sh('2026-09-30T19:00')).dueAt)).toBe(iso(sh('2026-10-01T12:00')));
  });

  it('rejects an invalid instant', () => {
    expect(() => reviewDueAt(new Date('x'))).toThrow(RangeError);
  });
});

describe('processDueAt (5 working days after receipt)', () => {
  it('mail received on a Friday: skips the weekend, due the next Friday 24:00', () => {
    const r = processDueAt({ receivedAt: sh('2026-11-20T15:00'), via: 'mail' });
    expect(iso(r.dueAt)).toBe(iso(sh('2026-11-28T00:00')));
    expect(r.code).toBe('process_mail_5_working_days');
    expect(r.inputs).toMatchObject({ via: 'mail', days: 5, unit: 'working_days', lastDay: '2026-11-27' });
  });

  it('around National Day 2026: holidays skipped, make-up Saturday 10 Oct counted', () => {
    const r = processDueAt({ receivedAt: sh('2026-09-30T09:00'), via: 'mail' });
    expect(r.inputs.lastDay).toBe('2026-10-13');
    expect(iso(r.dueAt)).toBe(iso(sh('2026-10-14T00:00')));
  });

  it('goods collected at the door get the same 5 working days from receipt', () => {
    const r = processDueAt({ receivedAt: sh('2026-11-20T15:00'), via: 'pickup' });
    expect(iso(r.dueAt)).toBe(iso(sh('2026-11-28T00:00')));
    expect(r.code).toBe('process_pickup_5_working_days');
  });
});

describe('pickupDueAt and exchangeDueAt', () => {
  it('pickup: 2 days in a listed city, 4 elsewhere, from the approval (calendar days)', () => {
    expect(iso(pickupDueAt({ approvedAt: sh('2026-11-20T10:00'), listedCity: true }).dueAt)).toBe(
      iso(sh('2026-11-23T00:00')),
    );
    const elsewhere = pickupDueAt({ approvedAt: sh('2026-11-20T10:00'), listedCity: false });
    expect(iso(elsewhere.dueAt)).toBe(iso(sh('2026-11-25T00:00')));
    expect(elsewhere.code).toBe('pickup_elsewhere');
  });

  it('exchange: at the door 2 days; by mail 7 working days', () => {
    expect(iso(exchangeDueAt({ via: 'door', approvedAt: sh('2026-11-20T10:00') }).dueAt)).toBe(
      iso(sh('2026-11-23T00:00')),
    );
    // Friday 20 Nov + 7 working days → Tuesday 1 Dec 24:00
    expect(iso(exchangeDueAt({ via: 'mail', receivedAt: sh('2026-11-20T10:00') }).dueAt)).toBe(
      iso(sh('2026-12-02T00:00')),
    );
  });
});

describe('refundDueAt and sendBackDueAt', () => {
  it('refund: 3 working days after a passed inspection on a Friday → Wednesday 24:00', () => {
    const r = refundDueAt({ inspectedAt: sh('2026-11-20T16:00') });
    expect(iso(r.dueAt)).toBe(iso(sh('2026-11-26T00:00')));
    expect(r.code).toBe('refund_3_working_days');
    expect(r.inputs.skipped).toHaveLength(2);
  });

  it('refund across National Day: inspected 30 Sep → 8, 9, 10 (调休) Oct', () => {
    const r = refundDueAt({ inspectedAt: sh('2026-09-30T16:00') });
    expect(iso(r.dueAt)).toBe(iso(sh('2026-10-11T00:00')));
  });

  it('send back: 3 calendar days after a failed inspection, weekends included', () => {
    const r = sendBackDueAt({ inspectedAt: sh('2026-11-20T16:00') });
    expect(iso(r.dueAt)).toBe(iso(sh('2026-11-24T00:00')));
    expect(r.code).toBe('send_back_3_days');
    expect(r.messageEn).toContain('三包');
  });
});
