import { describe, expect, it } from 'vitest';
import {
  canPause,
  canTransition,
  clocksStoppedBy,
  followsFrom,
  isOpenTicketStatus,
  OPEN_TICKET_STATUSES,
  TICKET_STATUSES,
  TRANSITION_TARGETS,
} from './ticket-status.ts';

describe('ticket lifecycle', () => {
  it('open means not resolved, closed or cancelled', () => {
    expect(TICKET_STATUSES.filter(isOpenTicketStatus)).toEqual([...OPEN_TICKET_STATUSES]);
    expect(isOpenTicketStatus('resolved')).toBe(false);
  });

  it('closed and cancelled are final; a resolved request may be reopened or closed', () => {
    for (const to of TRANSITION_TARGETS) {
      expect(canTransition('closed', to)).toBe(false);
      expect(canTransition('cancelled', to)).toBe(false);
    }
    expect(canTransition('resolved', 'in_progress')).toBe(true);
    expect(canTransition('resolved', 'closed')).toBe(true);
    expect(canTransition('new', 'closed')).toBe(false);
    expect(canTransition('in_progress', 'arranged')).toBe(false);
    expect(canTransition('waiting_customer', 'resolved')).toBe(true);
  });

  it('pauses only while being worked on', () => {
    expect(TICKET_STATUSES.filter(canPause)).toEqual(['new', 'arranged', 'in_progress']);
  });

  it('side effects of other steps move a ticket only forward', () => {
    expect(followsFrom('arranged', 'new')).toBe(true);
    expect(followsFrom('arranged', 'arranged')).toBe(false);
    expect(followsFrom('in_progress', 'arranged')).toBe(true);
    expect(followsFrom('in_progress', 'waiting_customer')).toBe(false);
    expect(followsFrom('in_progress', 'resolved')).toBe(false);
  });

  it('each step ends the clocks it reaches', () => {
    expect(clocksStoppedBy('arranged')).toEqual(['arrange']);
    expect(clocksStoppedBy('in_progress')).toEqual(['arrange', 'onsite']);
    expect(clocksStoppedBy('resolved')).toBe('all');
    expect(clocksStoppedBy('cancelled')).toBe('all');
  });
});
