import { describe, expect, it } from 'vitest';
import { matchPolicy, type PolicyCandidate } from './policy-match.ts';

const policy = (id: string, priority: number, appliesTo: Partial<PolicyCandidate['appliesTo']> = {}) => ({
  id,
  priority,
  appliesTo: { types: [], channels: [], grades: [], urgent: null, ...appliesTo },
});
const ticket = { type: 'repair', channel: 'hotline', grade: 'A', urgent: true };

describe('matchPolicy', () => {
  it('matches everything with empty lists and urgent null', () => {
    const m = matchPolicy([policy('default', 100)], { ...ticket, grade: null, urgent: false });
    expect(m?.policy.id).toBe('default');
    expect(m?.reasons.map((r) => r.code)).toEqual([
      'policy_matched',
      'match_type',
      'match_channel',
      'match_grade',
      'match_urgent',
    ]);
    expect(m?.reasons[1]?.messageEn).toBe('Ticket type: any');
  });

  it('needs every non-empty condition to hold', () => {
    const policies = [
      policy('install-only', 1, { types: ['install'] }),
      policy('email-only', 1, { channels: ['email'] }),
      policy('grade-b', 1, { grades: ['B'] }),
      policy('not-urgent', 1, { urgent: false }),
    ];
    expect(matchPolicy(policies, ticket)).toBeNull();
    expect(matchPolicy([policy('graded', 1, { grades: ['A'] })], { ...ticket, grade: null })).toBeNull();
  });

  it('takes the lowest priority number and says why', () => {
    const m = matchPolicy([policy('general', 100), policy('vip', 10, { grades: ['A', 'B'] })], ticket);
    expect(m?.policy.id).toBe('vip');
    expect(m?.reasons.find((r) => r.code === 'match_grade')?.messageEn).toBe(
      'Customer grade A is one of A, B',
    );
    expect(m?.reasons.at(-1)).toMatchObject({ code: 'policy_priority' });
  });

  it('on equal priority prefers the more specific policy, then the smaller id', () => {
    const m = matchPolicy(
      [policy('a-any', 10), policy('z-urgent-repair', 10, { types: ['repair'], urgent: true })],
      ticket,
    );
    expect(m?.policy.id).toBe('z-urgent-repair');
    expect(m?.reasons.at(-1)).toMatchObject({ code: 'policy_specific' });
    const tie = matchPolicy(
      [policy('b', 10, { types: ['repair'] }), policy('a', 10, { channels: ['hotline'] })],
      ticket,
    );
    expect(tie?.policy.id).toBe('a');
    expect(tie?.reasons.at(-1)).toMatchObject({ code: 'policy_tie' });
  });

  it('returns null for no policies', () => {
    expect(matchPolicy([], ticket)).toBeNull();
  });
});
