import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RESULTS_DIR, withScreenshot } from '../helpers/browser.ts';
import { E2E_ADMIN_PASSWORD, loginAs, useE2eServer } from '../helpers/e2e-server.ts';

// 回访与满意度: the desk closes a ticket, the quality department works the return visit in the
// browser; a customer answers a survey link on a phone without logging in, once.

const e2e = useE2eServer();
const PASSWORD = 'E2e#User01';

const snap = async (page: Page, name: string) => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `followups-${name}.png`), fullPage: true });
};

/** An API session of a user; test data is set up the way an integration would, with fetch. */
const apiAs = async (base: string, username: string, password: string) => {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const { token } = (await login.json()) as { token: string };
  return async (method: string, url: string, body?: unknown): Promise<any> => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json();
    expect(res.ok, `${method} ${url}: ${JSON.stringify(json)}`).toBe(true);
    return json;
  };
};

describe('return visits and surveys in the browser', () => {
  it('the desk closes a ticket; quality completes the return visit with scores', async () => {
    const admin = await apiAs(e2e.base, 'admin', E2E_ADMIN_PASSWORD);
    for (const [username, displayName, roleCode] of [
      ['desk3', '客服小李', 'desk'],
      ['qa1', '质管小周', 'quality'],
    ])
      await admin('POST', '/api/users', { username, displayName, password: PASSWORD, roleCode });
    const customer = await admin('POST', '/api/customers', {
      name: '常州华建机械有限公司',
      kind: 'existing',
      grade: 'B',
      phone: '0519-88886666',
    });
    const desk = await apiAs(e2e.base, 'desk3', PASSWORD);
    let ticket = await desk('POST', '/api/tickets', {
      customerId: customer.id,
      channel: 'phone',
      type: 'repair',
      description: '回转异响',
    });
    ticket = await desk('POST', `/api/tickets/${ticket.id}/transition`, {
      version: ticket.version,
      to: 'resolved',
      resolution: '更换回转支承润滑脂',
    });
    await desk('POST', `/api/tickets/${ticket.id}/transition`, { version: ticket.version, to: 'closed' });

    const page = await (
      await e2e.browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1440, height: 900 },
      })
    ).newPage();
    await withScreenshot(page, 'followups-visit', async () => {
      await loginAs(page, e2e.base, 'qa1', PASSWORD);
      await page.goto(`${e2e.base}/follow-up-visits`);
      const row = page.getByTestId('visit-row').filter({ hasText: '常州华建机械有限公司' });
      await row.waitFor();
      await row.getByTestId('visit-assign-me').click();
      await row.filter({ hasText: '质管小周' }).waitFor();
      await row.getByTestId('visit-complete').click();
      for (const [code, score] of [
        ['product', '5'],
        ['service', '4'],
        ['attitude', '5'],
        ['skill', '5'],
        ['timeliness', '2'],
      ] as const)
        await page.getByTestId(`visit-score-${code}`).getByText(score, { exact: true }).click();
      // A 2 makes the customer unhappy: the follow-up action is required before the visit is saved.
      await page.getByTestId('visit-submit').click();
      await page.getByText('客户不满意，请填写跟进措施').waitFor();
      await snap(page, '1-unhappy');
      await page.getByTestId('visit-suggestions').fill('希望增加夜间服务');
      await page.getByTestId('visit-follow-up-action').fill('服务经理致电客户，核查到场延误原因');
      await page.getByTestId('visit-submit').click();
      await page.getByText('回访已登记').waitFor();
      // Done visits leave the queue (open and not reached are shown by default).
      await row.waitFor({ state: 'detached' });
      await snap(page, '2-queue');
    });
    const visits = await admin('GET', `/api/follow-up-visits?ticketId=${ticket.id}`);
    expect(visits.items).toHaveLength(1);
    expect(visits.items[0]).toMatchObject({
      status: 'done',
      unhappy: true,
      scoreX100: 420,
      followUpStatus: 'open',
      assigneeName: '质管小周',
    });
    const detail = await admin('GET', `/api/follow-up-visits/${visits.items[0].id}`);
    expect(detail.suggestions).toBe('希望增加夜间服务');
  });

  it('a customer answers a survey link on a phone without logging in, once', async () => {
    const admin = await apiAs(e2e.base, 'admin', E2E_ADMIN_PASSWORD);
    const customer = await admin('POST', '/api/customers', {
      name: '无锡申达工程机械有限公司',
      kind: 'existing',
      grade: 'A',
    });
    const survey = await admin('POST', '/api/surveys', {
      code: 'CSAT-E2E',
      name: '季度客户满意度调查',
      status: 'active',
      questions: [
        { code: 'overall', type: 'score', text: '您对我们服务的总体满意度', required: true },
        { code: 'recommend', type: 'nps', text: '您向同行推荐我们的可能性', required: true },
        {
          code: 'channel',
          type: 'choice',
          text: '您常用的报修方式',
          options: ['电话', '微信', '网站'],
          required: false,
        },
        { code: 'remarks', type: 'text', text: '意见和建议', required: false },
      ],
    });
    const invite = await admin('POST', `/api/surveys/${survey.id}/invite`, { customerId: customer.id });
    const token = (invite.url as string).split('/s/')[1]!;

    const phone = await (
      await e2e.browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      })
    ).newPage();
    await withScreenshot(phone, 'followups-survey', async () => {
      await phone.goto(`${e2e.base}/s/${token}`);
      await phone.getByText('无锡申达工程机械有限公司，您好！').waitFor();
      // Required questions first: submitting without them says so and sends nothing.
      await phone.getByTestId('survey-submit').click();
      await phone.getByText('还有必答题没有回答').waitFor();
      await phone.getByTestId('survey-question-overall').getByText('5', { exact: true }).click();
      await phone.getByTestId('survey-question-recommend').getByText('9', { exact: true }).click();
      await phone.getByTestId('survey-question-channel').getByText('微信').click();
      await phone.getByTestId('survey-question-remarks').locator('textarea').fill('工程师很专业，响应快');
      await snap(phone, '3-survey');
      await phone.getByTestId('survey-submit').click();
      await phone.getByTestId('survey-thanks').waitFor();
      await snap(phone, '4-thanks');
      // The link works once: opening it again says it has been used.
      await phone.goto(`${e2e.base}/s/${token}`);
      await phone.getByTestId('survey-gone').waitFor();
      await phone.getByText('这份问卷已经提交过了').waitFor();
      await snap(phone, '5-used');
      // A made-up link is simply not found.
      await phone.goto(`${e2e.base}/s/${'x'.repeat(43)}`);
      await phone.getByTestId('survey-invalid').waitFor();
    });
    const results = await admin('GET', `/api/surveys/${survey.id}/results?by=period`);
    expect(results.total).toMatchObject({ responses: 1, avgScoreX100: 500, nps: 100 });

    // Quality reads the results in the survey's page.
    const desk = await (
      await e2e.browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1440, height: 900 },
      })
    ).newPage();
    await withScreenshot(desk, 'followups-results', async () => {
      await loginAs(desk, e2e.base, 'qa1', PASSWORD);
      await desk.goto(`${e2e.base}/surveys`);
      await desk.getByTestId('survey-link').filter({ hasText: '季度客户满意度调查' }).click();
      await desk.getByTestId('survey-results').getByText('5.00').first().waitFor();
      await snap(desk, '6-results');
      await desk.getByRole('tab', { name: '发送情况' }).click();
      await desk.getByTestId('survey-invitations-summary').filter({ hasText: '已填写 1 份' }).waitFor();
      await snap(desk, '7-invitations');
    });
  });
});
