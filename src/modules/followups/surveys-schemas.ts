import { Type } from '@sinclair/typebox';
import { PERIOD_PATTERN, QUESTION_TYPES } from '../../domain/followup/survey-rules.ts';
import {
  Code,
  Nullable,
  NullableTimestamp,
  PageQuery,
  Text,
  Timestamp,
  Uuid,
  Version,
} from '../../platform/schemas.ts';

// 满意度调查 (SPEC §2.12): questionnaires, invitations per customer and quarter, results.

const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const SURVEY_STATUSES = ['draft', 'active', 'closed'] as const;
export const RESULT_DIMENSIONS = ['engineer', 'dealer', 'product', 'region', 'period'] as const;
export type ResultDimension = (typeof RESULT_DIMENSIONS)[number];

/** A quarter such as 2026-Q4. */
export const Period = Type.String({ pattern: PERIOD_PATTERN });

const QuestionInput = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z][a-z0-9_]*$' }),
    type: lit(QUESTION_TYPES),
    text: Text(500, 1),
    textEn: Type.Optional(Nullable(Text(500))),
    options: Type.Optional(Nullable(Type.Array(Text(200), { maxItems: 20 }))),
    required: Type.Boolean(),
  },
  { additionalProperties: false },
);
const Questions = Type.Array(QuestionInput, { maxItems: 50 });

const Question = Type.Object({
  code: Type.String(),
  type: Type.String(),
  text: Type.String(),
  textEn: Nullable(Type.String()),
  options: Nullable(Type.Array(Type.String())),
  required: Type.Boolean(),
});

export const Survey = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  questions: Type.Array(Question),
  status: Type.String(),
  validDays: Type.Integer(),
  /** Invitations sent so far (any period): the questions' codes and types are fixed from the first. */
  invitations: Type.Integer(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ListSurveysQuery = Type.Object(
  {
    limit: PageQuery.limit,
    offset: PageQuery.offset,
    q: PageQuery.q,
    status: Type.Optional(lit(SURVEY_STATUSES)),
  },
  { additionalProperties: false },
);

const ValidDays = Type.Integer({ minimum: 1, maximum: 365 });

export const CreateSurveyBody = Type.Object(
  {
    code: Code,
    name: Text(200, 1),
    questions: Questions,
    status: Type.Optional(lit(SURVEY_STATUSES)),
    validDays: Type.Optional(ValidDays),
  },
  { additionalProperties: false },
);

export const UpdateSurveyBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Text(200, 1)),
    questions: Type.Optional(Questions),
    status: Type.Optional(lit(SURVEY_STATUSES)),
    validDays: Type.Optional(ValidDays),
  },
  { additionalProperties: false },
);

export const SendBody = Type.Object({ period: Type.Optional(Period) }, { additionalProperties: false });

export const SendResult = Type.Object({
  period: Type.String(),
  /** New invitations made by this run. */
  invited: Type.Integer(),
  /** Of those, how many had a contact e-mail and were queued for sending. */
  emailed: Type.Integer(),
  /** Active customers that had their invitation for the period already. */
  alreadyInvited: Type.Integer(),
});

export const InviteBody = Type.Object(
  { customerId: Uuid, period: Type.Optional(Period) },
  { additionalProperties: false },
);

export const InviteResult = Type.Object({
  invitationId: Uuid,
  period: Type.String(),
  /** The customer's link, shown once: only its hash is stored. A new link replaces an unanswered one. */
  url: Type.String(),
  expiresAt: Timestamp,
  reissued: Type.Boolean(),
});

export const ResultsQuery = Type.Object(
  {
    period: Type.Optional(Period),
    by: Type.Optional(lit(RESULT_DIMENSIONS)),
  },
  { additionalProperties: false },
);

const Figures = {
  responses: Type.Integer(),
  /** Mean of the responses' score means ×100; null when none had a score. */
  avgScoreX100: Nullable(Type.Integer()),
  /** % promoters − % detractors of the NPS answers; null without any. */
  nps: Nullable(Type.Integer()),
  npsResponses: Type.Integer(),
  promoters: Type.Integer(),
  detractors: Type.Integer(),
};

export const ResultRow = Type.Object({
  key: Nullable(Type.String()),
  label: Nullable(Type.String()),
  ...Figures,
});

export const Results = Type.Object({
  by: Type.String(),
  period: Nullable(Type.String()),
  rows: Type.Array(ResultRow),
  total: Type.Object(Figures),
});

export const InvitationsQuery = Type.Object(
  {
    limit: PageQuery.limit,
    offset: PageQuery.offset,
    period: Type.Optional(Period),
    status: Type.Optional(lit(['open', 'answered', 'expired'] as const)),
  },
  { additionalProperties: false },
);

export const Invitation = Type.Object({
  id: Uuid,
  customerId: Uuid,
  customerName: Type.String(),
  dealerId: Nullable(Uuid),
  dealerName: Nullable(Type.String()),
  period: Type.String(),
  email: Nullable(Type.String()),
  sentAt: NullableTimestamp,
  reminders: Type.Integer(),
  remindedAt: NullableTimestamp,
  expiresAt: Timestamp,
  respondedAt: NullableTimestamp,
  status: Type.String(),
});

export const Invitations = Type.Object({
  items: Type.Array(Invitation),
  total: Type.Integer(),
  summary: Type.Object({
    invited: Type.Integer(),
    emailed: Type.Integer(),
    answered: Type.Integer(),
    expired: Type.Integer(),
    reminders: Type.Integer(),
  }),
});

// ── the customer's side (no login) ─────────────────────────────────────────────────────────────
export const TokenParams = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) },
  { additionalProperties: false },
);

export const PublicSurvey = Type.Object({
  surveyName: Type.String(),
  customerName: Type.String(),
  period: Type.String(),
  expiresAt: Timestamp,
  questions: Type.Array(Question),
});

export const PublicAnswerBody = Type.Object(
  {
    answers: Type.Array(
      Type.Object(
        {
          code: Text(40, 1),
          value: Type.Union([Type.Number(), Type.String({ maxLength: 4000 }), Type.Null()]),
        },
        { additionalProperties: false },
      ),
      { maxItems: 60 },
    ),
  },
  { additionalProperties: false },
);

export const PublicAnswerResult = Type.Object({ submittedAt: Timestamp });
