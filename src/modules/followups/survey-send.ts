import type { Db } from '../../db/client.ts';
import { quarterOf } from '../../domain/followup/survey-rules.ts';
import { formatDay, localDay, zoneFor } from '../../domain/warranty/zoned-calendar.ts';
import {
  type AuditEntry,
  type Ctx,
  type RequestContext,
  writeAudit,
  writeAuditMany,
} from '../../platform/audit.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import { hashToken, newToken } from '../../platform/passwords.ts';
import { type Actor, assertCan } from '../../platform/permissions.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import * as dal from './surveys-dal.ts';

// Sending the questionnaire (每季度不少于一次向顾客发放问卷 [seed 002]): every surveyable customer gets
// one invitation per survey and quarter, with a link that works once. The link's token is 32 random
// bytes; only its SHA-256 is stored, so the link exists only in the e-mail (or on the staff screen
// that made it). The unique index (survey, customer, period) makes a second run, or two workers at
// once, add nothing. Customers are read in batches of BATCH in id order, each batch one transaction
// with one insert of invitations, one of e-mails and one of audit rows.

const BATCH = 500;
const DAY_MS = 86_400_000;
/** A reminder goes a week after the e-mail (or the previous reminder), at most twice. */
export const REMIND_AFTER_DAYS = 7;
export const MAX_REMINDERS = 2;

const ZONE = zoneFor('Asia/Shanghai');
const day = (d: Date) => formatDay(localDay(ZONE, d.getTime()));

export const surveySender = ({
  db,
  notifications,
  publicUrl,
}: {
  db: Db;
  notifications: NotificationsApi;
  publicUrl: string;
}) => {
  const link = (token: string) => `${publicUrl}/s/${token}`;

  const inviteMail = (survey: dal.SurveyRow, period: string, url: string, expiresAt: Date) => ({
    subject: `满意度调查：${survey.name}（${period}）`,
    body:
      `尊敬的客户：\n\n感谢您对我们产品和服务的支持。为持续改进，诚邀您填写本季度（${period}）的满意度调查，` +
      `约需两分钟：\n\n${url}\n\n此链接仅供贵单位填写一次，有效期至 ${day(expiresAt)}。`,
  });

  /** Invites every surveyable customer not yet invited to this survey for the period. */
  const sendPeriod = async (ctx: RequestContext, survey: dal.SurveyRow, period: string) => {
    let afterId: string | null = null;
    let invited = 0;
    let emailed = 0;
    for (;;) {
      const deliveries: string[] = [];
      const batch = await db.transaction(async (tx) => {
        const customers = await dal.customersToInvite(tx, {
          surveyId: survey.id,
          period,
          afterId,
          limit: BATCH,
        });
        if (customers.length === 0) return customers;
        const now = ctx.clock.now();
        const expiresAt = new Date(now.getTime() + survey.validDays * DAY_MS);
        const tokens = new Map(customers.map((c) => [c.id, newToken()]));
        const inserted = await dal.insertInvitations(
          tx,
          customers.map((c) => ({
            surveyId: survey.id,
            customerId: c.id,
            dealerId: c.dealerId,
            period,
            tokenHash: hashToken(tokens.get(c.id)!),
            email: notifications.emailEnabled ? c.email : null,
            sentAt: now,
            expiresAt,
            createdAt: now,
          })),
        );
        const mails = inserted
          .filter((i) => i.email)
          .map((i) => ({
            to: i.email!,
            dedupeKey: `survey-invite:${i.id}`,
            ...inviteMail(survey, period, link(tokens.get(i.customerId)!), expiresAt),
          }));
        deliveries.push(...(await notifications.queueEmails(tx, mails)));
        await writeAuditMany(
          tx,
          ctx,
          inserted.map((i) => ({ action: 'invite', entity: 'survey_invitation', entityId: i.id, after: i })),
        );
        invited += inserted.length;
        emailed += mails.length;
        return customers;
      });
      await notifications.deliverSoon(deliveries);
      if (batch.length < BATCH) break;
      afterId = batch.at(-1)!.id;
    }
    const alreadyInvited = Math.max(0, (await dal.countInvited(db, survey.id, period)) - invited);
    return { period, invited, emailed, alreadyInvited };
  };

  const activeSurvey = async (id: string) => {
    const found = await dal.findSurvey(db, id);
    if (!found) throw notFound('survey', id);
    if (found.survey.status !== 'active')
      throw new AppError('invalid_state', {
        message: `survey is ${found.survey.status}`,
        details: { status: found.survey.status, required: 'active' },
      });
    return found.survey;
  };

  return {
    sendPeriod,

    /** POST /api/surveys/:id/send: this survey, the named quarter or the current one. */
    send: async (ctx: Ctx, id: string, input: { period?: string }) => {
      assertCan(ctx.actor, 'survey.write');
      const survey = await activeSurvey(id);
      return sendPeriod(ctx, survey, input.period ?? quarterOf(ctx.clock.now()));
    },

    /** The quarterly job: every active survey, the named quarter or the current one. */
    sendAll: async (ctx: RequestContext, period?: string) => {
      const results = [];
      for (const s of await dal.activeSurveys(db))
        results.push(await sendPeriod(ctx, s, period ?? quarterOf(ctx.clock.now())));
      return results;
    },

    /**
     * One customer's link for staff to pass on (phone, WeChat): made now and shown once. An
     * unanswered invitation gets a new link, which replaces the old one.
     */
    invite: async (ctx: Ctx, id: string, input: { customerId: string; period?: string }) => {
      assertCan(ctx.actor, 'survey.write');
      const survey = await activeSurvey(id);
      const period = input.period ?? quarterOf(ctx.clock.now());
      return db.transaction(async (tx) => {
        const customer = await dal.findCustomer(tx, input.customerId);
        if (!customer) throw fieldError('customerId', 'refers to a record that does not exist');
        assertCan(ctx.actor, 'survey.write', { dealerId: customer.dealerId, customerId: customer.id });
        if (customer.status !== 'active' || customer.archivedAt)
          throw fieldError('customerId', 'is archived');
        const now = ctx.clock.now();
        const token = newToken();
        const expiresAt = new Date(now.getTime() + survey.validDays * DAY_MS);
        const before = await dal.findInvitation(tx, survey.id, customer.id, period);
        if (before?.respondedAt)
          throw new AppError('invalid_state', {
            message: 'the customer has answered this period already',
            details: { status: 'answered', period },
          });
        const after = before
          ? await dal.updateInvitation(tx, before.id, { tokenHash: hashToken(token), sentAt: now, expiresAt })
          : (
              await dal.insertInvitations(tx, [
                {
                  surveyId: survey.id,
                  customerId: customer.id,
                  dealerId: customer.dealerId,
                  period,
                  tokenHash: hashToken(token),
                  email: null,
                  sentAt: now,
                  expiresAt,
                  createdAt: now,
                },
              ])
            )[0];
        if (!after) throw new AppError('duplicate', { details: { field: 'customerId', period } });
        await writeAudit(tx, ctx, {
          action: before ? 'reissue_link' : 'invite',
          entity: 'survey_invitation',
          entityId: after.id,
          before: before ?? undefined,
          after,
        });
        return {
          invitationId: after.id,
          period,
          url: link(token),
          expiresAt: expiresAt.toISOString(),
          reissued: before !== null,
        };
      });
    },

    /**
     * The daily reminder: unanswered, unexpired invitations e-mailed a week ago (or reminded a week
     * ago), at most twice. A reminder carries a new link (the old one stops working), because the
     * old token is not stored anywhere to send again.
     */
    remind: async (ctx: RequestContext) => {
      let reminded = 0;
      for (let round = 0; round < 1000; round++) {
        const now = ctx.clock.now();
        const due = await dal.dueReminders(db, {
          now,
          before: new Date(now.getTime() - REMIND_AFTER_DAYS * DAY_MS),
          max: MAX_REMINDERS,
          limit: BATCH,
        });
        if (due.length === 0) break;
        const deliveries: string[] = [];
        await db.transaction(async (tx) => {
          const mails = [];
          const audits: AuditEntry[] = [];
          for (const d of due) {
            const token = newToken();
            const after = await dal.claimReminder(tx, d.invitation, {
              tokenHash: hashToken(token),
              remindedAt: now,
            });
            if (!after) continue;
            mails.push({
              to: after.email!,
              subject: `提醒：满意度调查（${after.period}）尚未填写`,
              body:
                `尊敬的客户：\n\n您尚未填写本季度（${after.period}）的满意度调查「${d.surveyName}」。` +
                `请使用下面的新链接（此前的链接已失效），有效期至 ${day(after.expiresAt)}：\n\n${link(token)}`,
              dedupeKey: `survey-remind:${after.id}:${after.reminders}`,
            });
            audits.push({ action: 'remind', entity: 'survey_invitation', entityId: after.id, after });
          }
          deliveries.push(...(await notifications.queueEmails(tx, mails)));
          await writeAuditMany(tx, ctx, audits);
          reminded += mails.length;
        });
        await notifications.deliverSoon(deliveries);
        if (due.length < BATCH) break;
      }
      return { reminded };
    },
  };
};

export type SurveySender = ReturnType<typeof surveySender>;
