// What each builtin role may do, written from the wording of SPEC §1 ("who uses it"), independently
// of src/platform/builtin-roles.ts. Tests compare the two and drive the real API with this table, so
// a grant that SPEC §1 does not give fails a test instead of slipping in with a new module.
// Every role reads what it needs to do its work; the comments say which words of SPEC §1 give the rest.

import { PERMISSION_CODES } from '../../src/platform/permission-list.ts';

export type SpecRole = { scope: 'all' | 'dealer' | 'customer'; permissions: readonly string[] };

// Reading the organisation, the archive and the installed base is how every staff member works a
// case ("checks the archive for warranty (查卷)").
const STAFF_READS = ['org.read', 'customer.read', 'product.read', 'asset.read', 'part.read'];

export const SPEC_GRANTS: Readonly<Record<string, SpecRole>> = {
  // "users, roles, policies, calendars, price lists" — and, as administrator, everything else.
  admin: { scope: 'all', permissions: [...PERMISSION_CODES] },

  // "approvals, escalations, dashboards"
  manager: {
    scope: 'all',
    permissions: [
      ...STAFF_READS,
      'user.read',
      'role.read',
      'audit.read',
      'archive.log.read',
      // escalations land on the manager, who takes the request over
      'ticket.read',
      'ticket.create',
      'ticket.handle',
      'ticket.assign',
      'ticket.reply',
      'sla.read',
      'engineer.read',
      'workorder.read',
      // approvals: urgent work before the quote (先维保后补), the field feedback form's signature
      'workorder.approve',
      'followup.read',
      'survey.read',
      // complaints are escalated to managers; corrective actions and improvements need their say
      'complaint.read',
      'complaint.create',
      // approvals: a return request's review
      'return.read',
      'return.create',
      'return.review',
      'return.handle',
      'complaint.handle',
      'improvement.write',
      // dashboards: reading them and refreshing them now
      'report.read',
      'report.run',
    ],
  },

  // "registers every call, letter, e-mail, visit; checks warranty; dispatches; supervises deadlines; escalates"
  desk: {
    scope: 'all',
    permissions: [
      ...STAFF_READS,
      'user.read',
      // registering: the caller's customer record and machine are kept up to date at the desk
      'customer.write',
      'asset.write',
      'asset.record',
      'ticket.read',
      'ticket.create',
      'ticket.handle',
      'ticket.assign',
      'ticket.reply',
      'sla.read',
      // dispatching: engineers' skills and regions, work orders, acting for an engineer on the phone,
      // recording the customer's quote decision taken by phone
      'engineer.read',
      'engineer.write',
      'workorder.read',
      'workorder.write',
      'workorder.field',
      'quote.accept',
      // the desk also makes the return visits (回访) and takes complaints
      'followup.read',
      'followup.write',
      'survey.read',
      'complaint.read',
      'complaint.create',
      // "registers every call, letter" — returns too; checks warranty (the 三包 options) and supervises deadlines
      'return.read',
      'return.create',
      'return.review',
      'return.handle',
      // supervising deadlines: SLA attainment
      'report.read',
    ],
  },

  // "receives work orders, works on site, records findings, parts and labour, gets the customer's
  // signature, returns old parts"
  engineer: {
    scope: 'all',
    permissions: [
      ...STAFF_READS,
      'asset.record',
      'ticket.read',
      'ticket.handle',
      'ticket.reply',
      'sla.read',
      'workorder.field',
      'complaint.create',
    ],
  },

  // "appraises warranty parts (三包件鉴定), handles hard faults, writes fault analyses for R&D".
  // Not policies or price lists (the administrator's).
  technical: {
    scope: 'all',
    permissions: [
      ...STAFF_READS,
      // product knowledge: models with their wear-part and consumable lists, the parts catalogue
      'product.write',
      'part.write',
      'asset.record',
      // hard faults
      'ticket.read',
      'ticket.handle',
      'ticket.reply',
      'sla.read',
      'engineer.read',
      'workorder.read',
      // appraised parts go into the named store
      'stock.write',
      'oldpart.appraise',
      // fault analyses for R&D: complaints' root causes and improvement suggestions
      'complaint.read',
      'complaint.create',
      // appraises returned goods against the return standard (质检)
      'return.read',
      'return.handle',
      'complaint.handle',
      'improvement.write',
      'report.read',
    ],
  },

  // "sells and services in its region; returns warranty receipt cards; performs warranty repairs and
  // claims them back" — all of it within its own dealer's data.
  dealer: {
    scope: 'dealer',
    permissions: [
      ...STAFF_READS,
      'customer.write',
      'asset.write',
      'asset.record',
      'ticket.read',
      'ticket.create',
      'ticket.handle',
      'ticket.assign',
      'ticket.reply',
      'sla.read',
      'engineer.read',
      'engineer.write',
      'workorder.read',
      'workorder.write',
      'workorder.field',
      'stock.plan',
      'followup.read',
      'survey.read',
      'complaint.read',
      'complaint.create',
      // files returns for its customers
      'return.read',
      'return.create',
      'report.read',
    ],
  },

  // "return visits (回访), satisfaction surveys, complaints and corrective actions"
  quality: {
    scope: 'all',
    permissions: [
      ...STAFF_READS,
      'ticket.read',
      'sla.read',
      'workorder.read',
      'followup.read',
      'followup.write',
      'survey.read',
      'survey.write',
      'complaint.read',
      'complaint.create',
      // follows returns as part of customer service
      'return.read',
      'complaint.handle',
      'improvement.write',
      'report.read',
    ],
  },

  // "approves charges, write-offs of warranty costs (核销), refunds, receivables".
  // Reads prices; does not maintain the parts catalogue or the price lists.
  finance: {
    scope: 'all',
    permissions: [
      ...STAFF_READS,
      'ticket.read',
      'sla.read',
      'workorder.read',
      'workorder.settle',
      'complaint.read',
      'complaint.create',
      // "refunds"
      'return.read',
      'return.refund',
      'report.read',
    ],
  },

  // "reports faults with photos/videos, follows progress, approves quotes, signs, rates the service,
  // requests returns" — only its own records.
  customer: {
    scope: 'customer',
    permissions: [
      'customer.read',
      'product.read',
      'asset.read',
      'ticket.read',
      'ticket.create',
      'ticket.reply',
      'workorder.read',
      'quote.accept',
      'complaint.read',
      'complaint.create',
      // "requests returns"
      'return.read',
      'return.create',
    ],
  },
};
