import { describe, expect, it } from 'vitest';
import { readingIssue } from './meter-reading.ts';

const now = new Date('2026-03-02T01:00:00Z');

describe('readingIssue', () => {
  it('accepts a reading at or above the last one', () => {
    expect(readingIssue({ hours: 2310, readAt: now }, now, { before: { hours: 2310 } })).toBeNull();
    expect(
      readingIssue({ hours: 2400, readAt: now }, now, { before: { hours: 2310 }, after: null }),
    ).toBeNull();
    expect(readingIssue({ hours: 0, readAt: now }, now, {})).toBeNull();
  });

  it('refuses a reading that goes backwards, is negative or lies in the future', () => {
    expect(readingIssue({ hours: 0, readAt: now }, now, { before: { hours: 2310 } })).toEqual({
      field: 'hours',
      message: 'is below the earlier reading of 2310 h',
    });
    expect(readingIssue({ hours: -5, readAt: now }, now, {})?.message).toBe('must not be negative');
    expect(readingIssue({ hours: 3000, readAt: now }, now, { after: { hours: 2500 } })?.message).toBe(
      'is above the later reading of 2500 h',
    );
    expect(readingIssue({ hours: 1, readAt: new Date(now.getTime() + 25 * 3_600_000) }, now, {})?.field).toBe(
      'readAt',
    );
  });
});
