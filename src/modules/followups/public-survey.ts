import type { Db } from '../../db/client.ts';
import {
  checkSurveyAnswers,
  type SurveyAnswer,
  type SurveyQuestion,
  scoreSurvey,
} from '../../domain/followup/survey-rules.ts';
import { type RequestContext, writeAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { hashToken } from '../../platform/passwords.ts';
import * as dal from './surveys-dal.ts';

// The customer's side of a survey link (/s/<token>), without a login. The token is the only key: it
// finds its own invitation and nothing else, and an answer is stored for that invitation's customer
// with the dimensions the records say (dealer, region, product, engineer), never what the request
// says. A link answers once; a used, expired or withdrawn one is 410 gone, an unknown one 404.

type Found = NonNullable<Awaited<ReturnType<typeof dal.byTokenHash>>>;

const gone = (reason: 'answered' | 'expired' | 'closed') =>
  new AppError('gone', { message: `survey link ${reason}`, details: { reason } });

const usable = (found: Found | null, now: Date): Found => {
  if (!found) throw notFound('survey_link');
  if (found.invitation.respondedAt) throw gone('answered');
  if (found.invitation.expiresAt <= now) throw gone('expired');
  if (found.survey.status !== 'active') throw gone('closed');
  return found;
};

const questionsOf = (found: Found) =>
  (found.survey.questions as SurveyQuestion[]).map((q) => ({
    code: q.code,
    type: q.type,
    text: q.text,
    textEn: q.textEn ?? null,
    options: q.options ?? null,
    required: q.required,
  }));

export const publicSurveys = ({ db }: { db: Db }) => ({
  view: async (ctx: RequestContext, token: string) => {
    const found = usable(await dal.byTokenHash(db, hashToken(token)), ctx.clock.now());
    return {
      surveyName: found.survey.name,
      customerName: found.customerName,
      period: found.invitation.period,
      expiresAt: found.invitation.expiresAt.toISOString(),
      questions: questionsOf(found),
    };
  },

  answer: async (ctx: RequestContext, token: string, input: { answers: SurveyAnswer[] }) =>
    db.transaction(async (tx) => {
      const now = ctx.clock.now();
      // Locked: a second submission of the same link waits here, then finds it answered.
      const found = usable(await dal.byTokenHash(tx, hashToken(token), true), now);
      const questions = found.survey.questions as SurveyQuestion[];
      const answers = input.answers.map((a) => ({
        code: a.code,
        value: typeof a.value === 'string' ? a.value.trim() : a.value,
      }));
      const errors = checkSurveyAnswers(questions, answers);
      if (errors.length > 0) throw new AppError('validation_failed', { details: errors });
      const figures = scoreSurvey(questions, answers);
      const inv = found.invitation;
      const service = await dal.latestService(tx, inv.customerId);
      const response = await dal.insertResponse(tx, {
        invitationId: inv.id,
        surveyId: inv.surveyId,
        customerId: inv.customerId,
        dealerId: inv.dealerId,
        engineerId: service.engineerId,
        productCategory: service.productCategory,
        region: found.region,
        period: inv.period,
        answers: answers.filter((a) => a.value !== null && a.value !== ''),
        scoreX100: figures.scoreX100,
        nps: figures.nps,
        submittedAt: now,
      });
      await dal.updateInvitation(tx, inv.id, { respondedAt: now });
      await writeAudit(tx, ctx, {
        action: 'answer',
        entity: 'survey_response',
        entityId: response.id,
        actorName: `customer:${found.customerName}`,
        after: response,
      });
      return { submittedAt: now.toISOString() };
    }),
});

export type PublicSurveys = ReturnType<typeof publicSurveys>;
