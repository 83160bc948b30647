import { describe, expect, it } from 'vitest';
import {
  COMPLAINT_STATUSES,
  COMPLAINT_STEPS,
  type ComplaintStatus,
  type ComplaintStep,
  checkCompensation,
  checkStep,
  isFeedbackOverdue,
  nextSteps,
  OPEN_STATUSES,
  REQUIRED,
  STATUS_EN,
  STATUS_ZH,
  type StepInput,
  targetOf,
} from './complaint-status.ts';

const RECEIVED = new Date('2026-03-02T01:00:00Z');
const FULL: Record<string, unknown> = {
  departmentId: 'd1',
  rootCause: '装配时油管接头未拧紧',
  causeClass: 'product',
  correctiveAction: '更换接头并对同批次复检',
  actionOwnerUserId: 'u1',
  actionDueAt: '2026-03-05T00:00:00Z',
  feedbackText: '已更换，并对同批次设备逐台复检',
  recheckResult: '回访确认未再漏油',
  reason: '客户撤回',
};
const check = (status: ComplaintStatus, step: ComplaintStep, over: Partial<StepInput> = {}) =>
  checkStep({ status, step, fields: FULL, compensationStatus: 'none', receivedAt: RECEIVED, ...over });
const codeOf = (r: ReturnType<typeof checkStep>) => (r.ok ? null : r.code);

describe('complaint workflow', () => {
  it('labels every status in both languages and lists open ones', () => {
    for (const s of COMPLAINT_STATUSES) {
      expect(STATUS_ZH[s]).toBeTruthy();
      expect(STATUS_EN[s]).toBeTruthy();
    }
    expect(OPEN_STATUSES).toEqual(['received', 'investigating', 'action', 'feedback_sent', 'rechecked']);
  });

  it('offers the steps of the CAPA path from each status', () => {
    const steps = (s: ComplaintStatus) => nextSteps(s).map((n) => n.step);
    expect(steps('received')).toEqual(['route', 'cancel']);
    expect(steps('investigating')).toEqual(['route', 'action', 'cancel']);
    expect(steps('action')).toEqual(['action', 'feedback']);
    expect(steps('feedback_sent')).toEqual(['recheck']);
    expect(steps('rechecked')).toEqual(['close']);
    expect(steps('closed')).toEqual([]);
    expect(steps('cancelled')).toEqual([]);
    expect(nextSteps('investigating').find((n) => n.step === 'action')).toEqual({
      step: 'action',
      to: 'action',
      requires: ['rootCause', 'causeClass', 'correctiveAction', 'actionOwnerUserId', 'actionDueAt'],
    });
  });

  it('every offered step passes with complete data; every other one is an invalid transition', () => {
    for (const from of COMPLAINT_STATUSES)
      for (const step of COMPLAINT_STEPS) {
        const offered = nextSteps(from).some((n) => n.step === step);
        expect(codeOf(check(from, step)), `${from} ${step}`).toBe(offered ? null : 'invalid_transition');
      }
  });

  it('leads each step to its status', () => {
    expect(check('received', 'route')).toEqual({ ok: true, to: 'investigating' });
    expect(check('investigating', 'action')).toEqual({ ok: true, to: 'action' });
    expect(check('action', 'feedback')).toEqual({ ok: true, to: 'feedback_sent' });
    expect(check('feedback_sent', 'recheck')).toEqual({ ok: true, to: 'rechecked' });
    expect(check('rechecked', 'close')).toEqual({ ok: true, to: 'closed' });
    expect(check('investigating', 'cancel')).toEqual({ ok: true, to: 'cancelled' });
  });

  it('sends a complaint back to corrective action when the re-check finds the action did not work', () => {
    expect(check('feedback_sent', 'recheck', { effective: false })).toEqual({ ok: true, to: 'action' });
    expect(targetOf('recheck', { effective: false })).toBe('action');
    expect(targetOf('recheck')).toBe('rechecked');
  });

  it('names the first missing field of each step, blank text counting as missing', () => {
    for (const step of COMPLAINT_STEPS) {
      const from = COMPLAINT_STATUSES.find((s) => nextSteps(s).some((n) => n.step === step))!;
      for (const field of REQUIRED[step]) {
        for (const empty of [undefined, null, '', '   ']) {
          const r = check(from, step, { fields: { ...FULL, [field]: empty } });
          expect(r, `${step} ${field}`).toMatchObject({ ok: false, code: 'missing_field', field });
        }
      }
    }
    const r = check('investigating', 'action', { fields: { feedbackText: 'x' } });
    expect(r).toMatchObject({ field: 'rootCause' });
    if (!r.ok) expect(r.message).toBe('请填写原因分析');
  });

  it('refuses a corrective-action deadline before the complaint was received', () => {
    const r = check('investigating', 'action', { fields: { ...FULL, actionDueAt: '2026-03-01T00:00:00Z' } });
    expect(r).toMatchObject({ ok: false, code: 'invalid_value', field: 'actionDueAt' });
    expect(check('investigating', 'action', { fields: { ...FULL, actionDueAt: 'soon' } })).toMatchObject({
      field: 'actionDueAt',
    });
  });

  it('explains an invalid transition in both languages', () => {
    const r = check('closed', 'route');
    expect(r).toMatchObject({ ok: false, code: 'invalid_transition', field: 'status' });
    if (!r.ok) {
      expect(r.message).toContain('已关闭');
      expect(r.messageEn).toContain('Closed');
    }
  });

  it('closes only once a compensation claim is decided', () => {
    expect(check('rechecked', 'close', { compensationStatus: 'claimed' })).toMatchObject({
      ok: false,
      code: 'compensation_pending',
      field: 'compensationStatus',
    });
    for (const c of ['none', 'approved', 'rejected'] as const)
      expect(check('rechecked', 'close', { compensationStatus: c }).ok, c).toBe(true);
  });
});

describe('compensation', () => {
  it('takes and amends a claim until it is decided, and only on an open complaint', () => {
    expect(checkCompensation({ status: 'action', compensationStatus: 'none', action: 'claim' }).ok).toBe(
      true,
    );
    expect(checkCompensation({ status: 'action', compensationStatus: 'claimed', action: 'claim' }).ok).toBe(
      true,
    );
    expect(
      checkCompensation({ status: 'action', compensationStatus: 'approved', action: 'claim' }),
    ).toMatchObject({
      code: 'compensation_decided',
    });
    expect(
      checkCompensation({ status: 'closed', compensationStatus: 'none', action: 'claim' }),
    ).toMatchObject({
      code: 'complaint_closed',
    });
    expect(
      checkCompensation({ status: 'cancelled', compensationStatus: 'claimed', action: 'decide' }),
    ).toMatchObject({
      code: 'complaint_closed',
    });
  });

  it('decides only a pending claim', () => {
    expect(
      checkCompensation({ status: 'rechecked', compensationStatus: 'claimed', action: 'decide' }).ok,
    ).toBe(true);
    for (const c of ['none', 'approved', 'rejected'] as const)
      expect(
        checkCompensation({ status: 'rechecked', compensationStatus: c, action: 'decide' }),
      ).toMatchObject({
        code: 'no_claim',
      });
  });
});

describe('feedback overdue', () => {
  const due = new Date('2026-03-05T01:00:00Z');
  it('is overdue only while the feedback is still owed and the due time has passed', () => {
    const after = new Date('2026-03-05T01:00:01Z');
    expect(isFeedbackOverdue({ status: 'action', feedbackDueAt: due }, after)).toBe(true);
    expect(isFeedbackOverdue({ status: 'received', feedbackDueAt: due }, after)).toBe(true);
    expect(isFeedbackOverdue({ status: 'action', feedbackDueAt: due }, due)).toBe(false);
    expect(isFeedbackOverdue({ status: 'feedback_sent', feedbackDueAt: due }, after)).toBe(false);
    expect(isFeedbackOverdue({ status: 'cancelled', feedbackDueAt: due }, after)).toBe(false);
    expect(isFeedbackOverdue({ status: 'action', feedbackDueAt: null }, after)).toBe(false);
  });
});
