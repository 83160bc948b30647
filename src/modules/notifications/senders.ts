import nodemailer from 'nodemailer';
import type { DeliveryRow } from './notifications-dal.ts';

// How a delivery leaves the building: SMTP for e-mail, an HTTP POST for group robots.

export type Sender = (d: DeliveryRow) => Promise<void>;

export const smtpSender = (smtpUrl: string, from: string): Sender => {
  const transport = nodemailer.createTransport(smtpUrl);
  return async (d) => {
    await transport.sendMail({ from, to: d.target, subject: d.subject, text: d.body });
  };
};

/**
 * WeCom (企业微信) and DingTalk (钉钉) group robots take a markdown message. DingTalk's needs a title;
 * a robot with a keyword rule needs the keyword in the text, so the subject goes in the body too.
 */
export const robotPayload = (kind: string, subject: string, body: string) =>
  kind === 'dingtalk'
    ? { msgtype: 'markdown', markdown: { title: subject, text: `### ${subject}\n\n${body}` } }
    : { msgtype: 'markdown', markdown: { content: `**${subject}**\n${body}` } };

export const webhookSender: Sender = async (d) => {
  const res = await fetch(d.target, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(d.payload),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`robot answered ${res.status}`);
  // Both robots answer 200 with {"errcode":0} on success and a non-zero errcode otherwise.
  const answer = (await res.json().catch(() => null)) as { errcode?: number; errmsg?: string } | null;
  if (answer && typeof answer.errcode === 'number' && answer.errcode !== 0)
    throw new Error(`robot refused: ${answer.errcode} ${answer.errmsg ?? ''}`);
};
