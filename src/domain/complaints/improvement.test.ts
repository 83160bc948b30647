import { describe, expect, it } from 'vitest';
import {
  checkSuggestionChange,
  isSuggestionOverdue,
  nextSuggestionStatuses,
  SUGGESTION_STATUSES,
} from './improvement.ts';

const now = new Date('2026-03-10T00:00:00Z');

describe('improvement suggestions', () => {
  it('has the status table', () => {
    expect(nextSuggestionStatuses('open')).toEqual(['in_progress', 'done', 'rejected']);
    expect(nextSuggestionStatuses('in_progress')).toEqual(['open', 'done', 'rejected']);
    expect(nextSuggestionStatuses('done')).toEqual(['in_progress']);
    expect(nextSuggestionStatuses('rejected')).toEqual(['open']);
  });

  it('needs a resolution to finish and stamps the time; reopening clears it', () => {
    expect(checkSuggestionChange({ from: 'open', to: 'done', now })).toMatchObject({
      ok: false,
      code: 'missing_field',
      field: 'resolution',
    });
    expect(
      checkSuggestionChange({ from: 'in_progress', to: 'rejected', resolution: '  ', now }),
    ).toMatchObject({
      field: 'resolution',
    });
    expect(checkSuggestionChange({ from: 'in_progress', to: 'done', resolution: '已改图纸', now })).toEqual({
      ok: true,
      doneAt: now,
    });
    expect(checkSuggestionChange({ from: 'done', to: 'in_progress', now })).toEqual({
      ok: true,
      doneAt: null,
    });
    expect(checkSuggestionChange({ from: 'open', to: 'in_progress', now })).toEqual({
      ok: true,
      doneAt: null,
    });
  });

  it('leaves the status alone when none is given or it is unchanged', () => {
    expect(checkSuggestionChange({ from: 'done', now })).toEqual({ ok: true, doneAt: undefined });
    expect(checkSuggestionChange({ from: 'done', to: 'done', now })).toEqual({ ok: true, doneAt: undefined });
  });

  it('refuses a jump the table does not allow', () => {
    expect(checkSuggestionChange({ from: 'rejected', to: 'done', resolution: 'x', now })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
      field: 'status',
    });
    for (const from of SUGGESTION_STATUSES)
      for (const to of SUGGESTION_STATUSES) {
        if (from === to) continue;
        const r = checkSuggestionChange({ from, to, resolution: 'x', now });
        expect(r.ok, `${from} → ${to}`).toBe(nextSuggestionStatuses(from).includes(to));
      }
  });

  it('is overdue while open or in progress past its due time', () => {
    const dueAt = new Date('2026-03-09T00:00:00Z');
    expect(isSuggestionOverdue({ status: 'open', dueAt }, now)).toBe(true);
    expect(isSuggestionOverdue({ status: 'in_progress', dueAt }, now)).toBe(true);
    expect(isSuggestionOverdue({ status: 'done', dueAt }, now)).toBe(false);
    expect(isSuggestionOverdue({ status: 'open', dueAt: null }, now)).toBe(false);
    expect(isSuggestionOverdue({ status: 'open', dueAt: now }, now)).toBe(false);
  });
});
