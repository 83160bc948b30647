import type { Static } from '@sinclair/typebox';
import type { Db } from '../../db/client.ts';
import { surveys } from '../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import {
  checkSurveyQuestions,
  type SurveyQuestion,
  shapeChange,
} from '../../domain/followup/survey-rules.ts';
import { type Ctx, writeAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type Actor, assertCan, scopeFilter } from '../../platform/permissions.ts';
import { iso } from '../../platform/schemas.ts';
import { writeSheet } from '../imports/index.ts';
import * as results from './survey-results-dal.ts';
import * as dal from './surveys-dal.ts';
import type {
  CreateSurveyBody,
  InvitationsQuery,
  ListSurveysQuery,
  ResultDimension,
  ResultsQuery,
  UpdateSurveyBody,
} from './surveys-schemas.ts';

// 满意度调查问卷: design (survey.write), results and invitation status (survey.read, dealers their own
// customers). Sending is in survey-send.ts, the customer's answer page in public-survey.ts.

type QuestionInput = Static<typeof CreateSurveyBody>['questions'][number];

/** Stored shape: options only on choice questions, texts trimmed. */
const normalise = (qs: QuestionInput[]): SurveyQuestion[] =>
  qs.map((q) => ({
    code: q.code,
    type: q.type,
    text: q.text.trim(),
    textEn: q.textEn?.trim() || null,
    options: q.type === 'choice' ? (q.options ?? []).map((o) => o.trim()) : (q.options ?? null),
    required: q.required,
  }));

const check = (qs: SurveyQuestion[]) => {
  const errors = checkSurveyQuestions(qs);
  if (errors.length > 0) throw new AppError('validation_failed', { details: errors });
};

const surveyDto = (s: dal.SurveyRow, invitations: number) => ({
  id: s.id,
  code: s.code,
  name: s.name,
  questions: (s.questions as SurveyQuestion[]).map((q) => ({
    ...q,
    textEn: q.textEn ?? null,
    options: q.options ?? null,
  })),
  status: s.status,
  validDays: s.validDays,
  invitations: Number(invitations),
  version: s.version,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

const DIMENSION_ZH: Record<ResultDimension, string> = {
  engineer: '工程师',
  dealer: '经销商',
  product: '产品类别',
  region: '区域',
  period: '期间',
};

export const surveysService = ({ db }: { db: Db }) => {
  const load = async (id: string) => {
    const found = await dal.findSurvey(db, id);
    if (!found) throw notFound('survey', id);
    return found;
  };

  const resultsOf = async (ctx: Ctx, id: string, q: Static<typeof ResultsQuery>) => {
    assertCan(ctx.actor, 'survey.read');
    await load(id);
    const by = q.by ?? 'period';
    const r = await results.resultsBy(db, {
      surveyId: id,
      period: q.period,
      by,
      scope: scopeFilter(ctx.actor),
    });
    return { by, period: q.period ?? null, rows: r.rows, total: r.total };
  };

  return {
    list: async (ctx: Ctx, q: Static<typeof ListSurveysQuery>) => {
      assertCan(ctx.actor, 'survey.read');
      const r = await dal.listSurveys(db, q);
      return { items: r.items.map((i) => surveyDto(i.survey, i.invitations)), total: r.total };
    },

    get: async (ctx: Ctx, id: string) => {
      assertCan(ctx.actor, 'survey.read');
      const found = await load(id);
      return surveyDto(found.survey, found.invitations);
    },

    create: async (ctx: Ctx, input: Static<typeof CreateSurveyBody>) => {
      assertCan(ctx.actor, 'survey.write');
      const questions = normalise(input.questions);
      check(questions);
      const now = ctx.clock.now();
      return db.transaction(async (tx) => {
        const row = await dal.insertSurvey(tx, {
          code: input.code,
          name: input.name.trim(),
          questions,
          status: input.status ?? 'draft',
          validDays: input.validDays ?? 30,
          createdAt: now,
          updatedAt: now,
        });
        await writeAudit(tx, ctx, { action: 'create', entity: 'survey', entityId: row.id, after: row });
        return surveyDto(row, 0);
      });
    },

    update: async (ctx: Ctx, id: string, input: Static<typeof UpdateSurveyBody>) => {
      assertCan(ctx.actor, 'survey.write');
      const { version, questions: raw, ...rest } = input;
      const questions = raw ? normalise(raw) : undefined;
      if (questions) check(questions);
      return db.transaction(async (tx) => {
        const found = await dal.findSurvey(tx, id);
        if (!found) throw notFound('survey', id);
        const before = found.survey;
        if (found.invitations > 0) {
          // Answers already given must keep their meaning; a new questionnaire is a new survey.
          const change = questions ? shapeChange(before.questions as SurveyQuestion[], questions) : null;
          if (change)
            throw new AppError('invalid_state', {
              message: `${change.field} ${change.message}`,
              details: [change],
            });
          if (rest.status === 'draft')
            throw new AppError('invalid_state', {
              message: 'a survey that was sent cannot go back to draft',
              details: { status: before.status, to: 'draft' },
            });
        }
        const after = await updateVersioned(tx, {
          table: surveys,
          entity: 'survey',
          id,
          version,
          patch: definedOnly({ ...rest, name: rest.name?.trim(), questions }),
          at: ctx.clock.now(),
        });
        await writeAudit(tx, ctx, { action: 'update', entity: 'survey', entityId: id, before, after });
        return surveyDto(after, found.invitations);
      });
    },

    results: resultsOf,

    exportResults: async (ctx: Ctx, id: string, q: Static<typeof ResultsQuery>) => {
      const r = await resultsOf(ctx, id, q);
      const pct = (x: number | null) => (x === null ? null : x / 100);
      return writeSheet({
        sheet: `按${DIMENSION_ZH[r.by]}`,
        columns: [
          { header: DIMENSION_ZH[r.by], key: 'label', width: 28 },
          { header: '答卷数', key: 'responses' },
          { header: '平均满意度（1–5）', key: 'avg' },
          { header: 'NPS', key: 'nps' },
          { header: 'NPS 答卷数', key: 'npsResponses' },
          { header: '推荐者', key: 'promoters' },
          { header: '贬损者', key: 'detractors' },
        ],
        rows: [...r.rows, { ...r.total, key: null, label: '合计' }].map((row) => ({
          label: row.label ?? '（未指定）',
          responses: row.responses,
          avg: pct(row.avgScoreX100),
          nps: row.nps,
          npsResponses: row.npsResponses,
          promoters: row.promoters,
          detractors: row.detractors,
        })),
      });
    },

    invitations: async (ctx: Ctx, id: string, q: Static<typeof InvitationsQuery>) => {
      assertCan(ctx.actor, 'survey.read');
      await load(id);
      const now = ctx.clock.now();
      const r = await results.listInvitations(db, { ...q, surveyId: id, now, scope: scopeFilter(ctx.actor) });
      return {
        items: r.items.map(({ invitation: i, customerName, dealerName }) => ({
          id: i.id,
          customerId: i.customerId,
          customerName,
          dealerId: i.dealerId,
          dealerName,
          period: i.period,
          email: i.email,
          sentAt: iso(i.sentAt),
          reminders: i.reminders,
          remindedAt: iso(i.remindedAt),
          expiresAt: i.expiresAt.toISOString(),
          respondedAt: iso(i.respondedAt),
          status: i.respondedAt ? 'answered' : i.expiresAt <= now ? 'expired' : 'open',
        })),
        total: r.total,
        summary: r.summary,
      };
    },
  };
};

export type SurveysService = ReturnType<typeof surveysService>;
