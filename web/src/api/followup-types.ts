// Mirrors the follow-up module's JSON (src/modules/followups/*-schemas.ts): return visits and surveys.
import type { ListParams, Versioned } from './types';

export type VisitStatus = 'open' | 'done' | 'unreachable' | 'cancelled';
export type VisitKind = 'service' | 'complaint';
export type FollowUpStatus = 'none' | 'open' | 'done';

export interface VisitSummary extends Versioned {
  kind: VisitKind;
  status: VisitStatus;
  ticketId: string | null;
  ticketNumber: string | null;
  complaintId: string | null;
  customerId: string;
  customerName: string;
  customerPhone: string | null;
  dealerId: string | null;
  dealerName: string | null;
  engineerId: string | null;
  engineerName: string | null;
  assetId: string | null;
  assigneeUserId: string | null;
  assigneeName: string | null;
  dueAt: string;
  overdue: boolean;
  scoreX100: number | null;
  unhappy: boolean;
  followUpStatus: FollowUpStatus;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface VisitQuestion {
  code: string;
  text: string;
  textEn: string;
  scored: boolean;
}

export interface VisitAnswer {
  code: string;
  score: number | null;
  comment: string | null;
}

export interface Visit extends VisitSummary {
  answers: VisitAnswer[];
  suggestions: string | null;
  followUpAction: string | null;
  completedBy: string | null;
  completedByName: string | null;
  workOrders: { id: string; number: string; status: string }[];
  questions: VisitQuestion[];
  history: { at: string; action: string; actorName: string | null; note: string | null }[];
}

export interface VisitListParams extends ListParams {
  status?: string;
  kind?: VisitKind;
  mine?: boolean;
  overdue?: boolean;
  dealerId?: string;
  ticketId?: string;
  followUpStatus?: FollowUpStatus;
}

export interface CompleteVisitBody {
  version: number;
  answers: { code: string; score: number | null; comment?: string | null }[];
  suggestions?: string | null;
  followUpAction?: string | null;
}

export type QuestionType = 'score' | 'nps' | 'choice' | 'text';
export type SurveyStatus = 'draft' | 'active' | 'closed';

export interface SurveyQuestion {
  code: string;
  type: QuestionType;
  text: string;
  textEn: string | null;
  options: string[] | null;
  required: boolean;
}

export interface Survey extends Versioned {
  code: string;
  name: string;
  questions: SurveyQuestion[];
  status: SurveyStatus;
  validDays: number;
  invitations: number;
  createdAt: string;
  updatedAt: string;
}

export interface SurveyListParams extends ListParams {
  status?: SurveyStatus;
}

export interface SendResult {
  period: string;
  invited: number;
  emailed: number;
  alreadyInvited: number;
}

export interface InviteResult {
  invitationId: string;
  period: string;
  url: string;
  expiresAt: string;
  reissued: boolean;
}

export type ResultDimension = 'engineer' | 'dealer' | 'product' | 'region' | 'period';

export interface Figures {
  responses: number;
  avgScoreX100: number | null;
  nps: number | null;
  npsResponses: number;
  promoters: number;
  detractors: number;
}

export interface ResultRow extends Figures {
  key: string | null;
  label: string | null;
}

export interface SurveyResults {
  by: ResultDimension;
  period: string | null;
  rows: ResultRow[];
  total: Figures;
}

export type InvitationStatus = 'open' | 'answered' | 'expired';

export interface Invitation {
  id: string;
  customerId: string;
  customerName: string;
  dealerId: string | null;
  dealerName: string | null;
  period: string;
  email: string | null;
  sentAt: string | null;
  reminders: number;
  remindedAt: string | null;
  expiresAt: string;
  respondedAt: string | null;
  status: InvitationStatus;
}

export interface Invitations {
  items: Invitation[];
  total: number;
  summary: { invited: number; emailed: number; answered: number; expired: number; reminders: number };
}

export interface PublicSurvey {
  surveyName: string;
  customerName: string;
  period: string;
  expiresAt: string;
  questions: SurveyQuestion[];
}

export type SurveyAnswerValue = number | string | null;
