import { describe, expect, it } from 'vitest';
import {
  checkTransition,
  nextStatuses,
  OPEN_STATUSES,
  STATUS_EN,
  STATUS_ZH,
  type TransitionInput,
  WORK_ORDER_STATUSES,
  type WorkOrderStatus,
} from './work-order-status.ts';

const base: Omit<TransitionInput, 'from' | 'to'> = {
  engineerCount: 1,
  hasSignature: true,
  quoteRequired: false,
  quoteStatus: 'none',
  urgentApproved: false,
  hasDiagnosis: true,
};
const check = (from: WorkOrderStatus, to: WorkOrderStatus, over: Partial<TransitionInput> = {}) =>
  checkTransition({ ...base, from, to, ...over });
const codeOf = (r: ReturnType<typeof checkTransition>) => (r.ok ? null : r.code);

describe('work order statuses', () => {
  it('lists open statuses and labels for every status', () => {
    expect(OPEN_STATUSES).toEqual(['planned', 'dispatched', 'travelling', 'on_site', 'done', 'signed']);
    for (const s of WORK_ORDER_STATUSES) {
      expect(STATUS_ZH[s]).toBeTruthy();
      expect(STATUS_EN[s]).toBeTruthy();
    }
    expect(STATUS_ZH.signed).toBe('客户已签字');
  });

  it('has the transition table of the brief', () => {
    expect(nextStatuses('planned')).toEqual(['dispatched', 'cancelled']);
    expect(nextStatuses('dispatched')).toEqual(['travelling', 'on_site', 'planned', 'cancelled']);
    expect(nextStatuses('travelling')).toEqual(['on_site', 'cancelled']);
    expect(nextStatuses('on_site')).toEqual(['done']);
    expect(nextStatuses('done')).toEqual(['signed', 'on_site']);
    expect(nextStatuses('signed')).toEqual(['closed']);
    expect(nextStatuses('closed')).toEqual([]);
    expect(nextStatuses('cancelled')).toEqual([]);
  });

  it('every listed transition passes with complete data, every other one is invalid', () => {
    for (const from of WORK_ORDER_STATUSES) {
      for (const to of WORK_ORDER_STATUSES) {
        const allowed = nextStatuses(from).includes(to);
        expect(codeOf(check(from, to)), `${from} → ${to}`).toBe(allowed ? null : 'invalid_transition');
      }
    }
  });

  it('explains an invalid transition in both languages', () => {
    const r = check('closed', 'planned');
    expect(r).toMatchObject({ ok: false, code: 'invalid_transition', field: 'status' });
    if (!r.ok) {
      expect(r.message).toContain('已关闭');
      expect(r.messageEn).toContain('Closed');
    }
  });

  it('needs an engineer to dispatch, travel or be on site', () => {
    expect(codeOf(check('planned', 'dispatched', { engineerCount: 0 }))).toBe('no_engineer');
    expect(codeOf(check('dispatched', 'travelling', { engineerCount: 0 }))).toBe('no_engineer');
    expect(codeOf(check('travelling', 'on_site', { engineerCount: 0 }))).toBe('no_engineer');
    expect(codeOf(check('dispatched', 'planned', { engineerCount: 0 }))).toBeNull();
    expect(codeOf(check('planned', 'cancelled', { engineerCount: 0 }))).toBeNull();
  });

  it('out of warranty: on site and done need an accepted quote or urgent approval, travelling does not', () => {
    const q = { quoteRequired: true, quoteStatus: 'sent' as const };
    expect(codeOf(check('dispatched', 'travelling', q))).toBeNull();
    const r = check('travelling', 'on_site', q);
    expect(r).toMatchObject({ ok: false, code: 'quote_not_accepted', field: 'quoteStatus' });
    if (!r.ok) expect(r.message).toContain('先维保后补');
    expect(codeOf(check('done', 'on_site', { ...q, quoteStatus: 'rejected' }))).toBe('quote_not_accepted');
    expect(codeOf(check('on_site', 'done', q))).toBe('quote_not_accepted');
    expect(codeOf(check('travelling', 'on_site', { ...q, quoteStatus: 'accepted' }))).toBeNull();
    expect(codeOf(check('travelling', 'on_site', { ...q, urgentApproved: true }))).toBeNull();
    expect(codeOf(check('travelling', 'on_site', { quoteStatus: 'none' }))).toBeNull();
  });

  it('checks the engineer before the quote', () => {
    const r = check('dispatched', 'on_site', { engineerCount: 0, quoteRequired: true });
    expect(codeOf(r)).toBe('no_engineer');
  });

  it('needs a diagnosis to finish and a signature to sign', () => {
    expect(check('on_site', 'done', { hasDiagnosis: false })).toMatchObject({
      ok: false,
      code: 'no_diagnosis',
      field: 'diagnosis',
    });
    expect(check('done', 'signed', { hasSignature: false })).toMatchObject({
      ok: false,
      code: 'no_signature',
      field: 'signature',
    });
    expect(codeOf(check('signed', 'closed', { hasSignature: false, hasDiagnosis: false }))).toBeNull();
  });

  it('returns a fresh array from nextStatuses', () => {
    nextStatuses('planned').push('closed');
    expect(nextStatuses('planned')).toEqual(['dispatched', 'cancelled']);
  });
});
