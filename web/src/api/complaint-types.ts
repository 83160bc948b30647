// Complaints (客户投诉) and improvement suggestions (产品改进建议): named from the generated API types.

import type { SlaMatch } from './opaque-types';
import { allOf, type BodyOf, type Item, type QueryOf, type ResponseOf } from './schema';

type ComplaintJson = ResponseOf<'/api/complaints/{id}'>;
export type ComplaintPage = ResponseOf<'/api/complaints'>;
export type ComplaintSummary = Item<ComplaintPage['items']>;
export type ComplaintStatus = ComplaintSummary['status'];
export type ComplaintCreate = BodyOf<'/api/complaints'>;
export type Severity = ComplaintCreate['severity'];
export type CauseClass = NonNullable<BodyOf<'/api/complaints/{id}/action'>['causeClass']>;
export type ComplaintStep = Item<ComplaintJson['nextSteps']>['step'];
export type ComplaintListParams = QueryOf<'/api/complaints'>;

/** `slaMatch` is the ticket's match, documented as any JSON (see opaque-types). */
export type Complaint = Omit<ComplaintJson, 'slaMatch'> & { slaMatch: SlaMatch | null };

export const COMPLAINT_STATUSES = allOf<ComplaintStatus>()([
  'received',
  'investigating',
  'action',
  'feedback_sent',
  'rechecked',
  'closed',
  'cancelled',
]);
/** A status the server adds counts as open until it is named here. */
export const OPEN_COMPLAINT_STATUSES = allOf<Exclude<ComplaintStatus, 'closed' | 'cancelled'>>()([
  'received',
  'investigating',
  'action',
  'feedback_sent',
  'rechecked',
]);
/** The workflow as the Steps bar shows it (cancel is off the path). */
export const COMPLAINT_PATH = allOf<Exclude<ComplaintStatus, 'cancelled'>>()([
  'received',
  'investigating',
  'action',
  'feedback_sent',
  'rechecked',
  'closed',
]);
export const SEVERITIES = allOf<Severity>()(['low', 'medium', 'high', 'critical']);
export const CAUSE_CLASSES = allOf<CauseClass>()([
  'product',
  'service',
  'parts',
  'delivery',
  'attitude',
  'price',
  'other',
]);

export type SuggestionPage = ResponseOf<'/api/improvement-suggestions'>;
export type Suggestion = Item<SuggestionPage['items']>;
export type SuggestionCreate = BodyOf<'/api/improvement-suggestions'>;
export type SuggestionPatch = BodyOf<'/api/improvement-suggestions/{id}', 'patch'>;
export type SuggestionStatus = NonNullable<SuggestionPatch['status']>;
export type SuggestionTarget = SuggestionCreate['target'];
export type SuggestionListParams = QueryOf<'/api/improvement-suggestions'>;
export const SUGGESTION_STATUSES = allOf<SuggestionStatus>()(['open', 'in_progress', 'done', 'rejected']);
export const SUGGESTION_TARGETS = allOf<SuggestionTarget>()(['rd', 'quality', 'service', 'parts']);

export type ActionOwner = Item<ResponseOf<'/api/complaints/action-owners'>['items']>;
export type CauseRow = Item<ResponseOf<'/api/complaints/causes'>>;
