import type { ClockReason } from './sla-clock.ts';

// Which SLA policy (时限政策) governs a ticket. A policy names the ticket types, channels, customer
// grades and urgency it applies to; an empty list (or urgent null) means "any".

export type PolicyCandidate = {
  id: string;
  priority: number;
  appliesTo: { types: string[]; channels: string[]; grades: string[]; urgent: boolean | null };
};

export type TicketFacts = { type: string; channel: string; grade: string | null; urgent: boolean };

const specificity = (p: PolicyCandidate) =>
  (p.appliesTo.types.length > 0 ? 1 : 0) +
  (p.appliesTo.channels.length > 0 ? 1 : 0) +
  (p.appliesTo.grades.length > 0 ? 1 : 0) +
  (p.appliesTo.urgent !== null ? 1 : 0);

const matches = (p: PolicyCandidate, t: TicketFacts) => {
  const a = p.appliesTo;
  return (
    (a.types.length === 0 || a.types.includes(t.type)) &&
    (a.channels.length === 0 || a.channels.includes(t.channel)) &&
    (a.grades.length === 0 || (t.grade !== null && a.grades.includes(t.grade))) &&
    (a.urgent === null || a.urgent === t.urgent)
  );
};

// Lowest priority number first; on a tie the policy with more conditions, as the more deliberate
// choice; then id, so the answer never depends on the order the database returned.
const better = (a: PolicyCandidate, b: PolicyCandidate) =>
  a.priority - b.priority || specificity(b) - specificity(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const condition = (opts: {
  code: string;
  label: string;
  labelEn: string;
  list: string[];
  value: string | null;
}): ClockReason =>
  opts.list.length === 0
    ? {
        code: opts.code,
        message: `${opts.label}：不限`,
        messageEn: `${opts.labelEn}: any`,
      }
    : {
        code: opts.code,
        message: `${opts.label} ${opts.value} 在 ${opts.list.join('、')} 之列`,
        messageEn: `${opts.labelEn} ${opts.value} is one of ${opts.list.join(', ')}`,
      };

/** The policy for a ticket and why it was chosen, or null when none applies. */
export const matchPolicy = (
  policies: PolicyCandidate[],
  t: TicketFacts,
): { policy: PolicyCandidate; reasons: ClockReason[] } | null => {
  const candidates = policies.filter((p) => matches(p, t)).sort(better);
  const policy = candidates[0];
  if (!policy) return null;
  const a = policy.appliesTo;
  const reasons: ClockReason[] = [
    {
      code: 'policy_matched',
      message: `适用时限政策 ${policy.id}（优先级 ${policy.priority}）`,
      messageEn: `SLA policy ${policy.id} applies (priority ${policy.priority})`,
    },
    condition({
      code: 'match_type',
      label: '工单类型',
      labelEn: 'Ticket type',
      list: a.types,
      value: t.type,
    }),
    condition({
      code: 'match_channel',
      label: '渠道',
      labelEn: 'Channel',
      list: a.channels,
      value: t.channel,
    }),
    condition({
      code: 'match_grade',
      label: '客户等级',
      labelEn: 'Customer grade',
      list: a.grades,
      value: t.grade,
    }),
    a.urgent === null
      ? { code: 'match_urgent', message: '紧急程度：不限', messageEn: 'Urgency: any' }
      : {
          code: 'match_urgent',
          message: a.urgent ? '仅适用于紧急工单' : '仅适用于非紧急工单',
          messageEn: a.urgent ? 'Urgent tickets only' : 'Non-urgent tickets only',
        },
  ];
  const runnerUp = candidates[1];
  if (runnerUp)
    reasons.push(
      runnerUp.priority !== policy.priority
        ? {
            code: 'policy_priority',
            message: `优先于 ${runnerUp.id}：优先级 ${policy.priority} 高于 ${runnerUp.priority}`,
            messageEn: `Preferred to ${runnerUp.id}: priority ${policy.priority} comes before ${runnerUp.priority}`,
          }
        : specificity(runnerUp) !== specificity(policy)
          ? {
              code: 'policy_specific',
              message: `优先于同优先级的 ${runnerUp.id}：条件更具体`,
              messageEn: `Preferred to ${runnerUp.id} of the same priority: more specific conditions`,
            }
          : {
              code: 'policy_tie',
              message: `与 ${runnerUp.id} 条件相同，按编号取 ${policy.id}`,
              messageEn: `Same priority and conditions as ${runnerUp.id}; ${policy.id} wins by id`,
            },
    );
  return { policy, reasons };
};
