import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pickOption, RESULTS_DIR, withScreenshot } from '../helpers/browser.ts';
import { adminApi, loginAs, useE2eServer } from '../helpers/e2e-server.ts';

const e2e = useE2eServer();
const PASSWORD = 'E2e#User01';

const snap = async (page: Page, name: string) => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `complaints-${name}.png`), fullPage: true });
};

const ok = (dialog: Locator) => dialog.getByRole('button', { name: /确\s*定|OK/ }).click();

describe('complaints in the browser', () => {
  it('the desk registers a complaint; quality routes it, records the cause and action, answers in time, re-checks and closes it', async () => {
    const api = await adminApi(e2e.base);
    const customer = await api('POST', '/api/customers', {
      name: '苏州港建工程有限公司',
      kind: 'existing',
      grade: 'A',
    });
    await api('POST', '/api/users', {
      username: 'cust9',
      displayName: '港建王经理',
      password: PASSWORD,
      roleCode: 'customer',
      customerId: customer.id,
    });
    await api('POST', '/api/users', {
      username: 'desk3',
      displayName: '客服小林',
      password: PASSWORD,
      roleCode: 'desk',
    });
    const qa = await api('POST', '/api/users', {
      username: 'qa1',
      displayName: '质管老周',
      password: PASSWORD,
      roleCode: 'quality',
    });
    await api('POST', '/api/departments', { code: 'QA', name: '质量管理部', headUserId: qa.id });

    const context = () =>
      e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const desk = await (await context()).newPage();
    let number = '';
    await withScreenshot(desk, 'complaints-desk-register', async () => {
      await loginAs(desk, e2e.base, 'desk3', PASSWORD);
      await desk.goto(`${e2e.base}/complaints`);
      await desk.getByTestId('complaint-create').click();
      const dialog = desk.getByRole('dialog');
      await dialog.locator('#customerId').fill('苏州港建');
      await pickOption(desk, dialog.locator('#customerId'), '苏州港建');
      await pickOption(desk, dialog.locator('#severity'), '严重');
      await dialog.getByTestId('complaint-subject').fill('维修后油缸仍然漏油');
      await dialog
        .getByTestId('complaint-description')
        .fill('上周更换密封件后动臂油缸又漏油，工地停工两天，要求赔偿。');
      await ok(dialog);
      await desk.locator('[data-testid=complaint-status][data-status=received]').waitFor();
      number = (await desk.getByTestId('complaint-number').textContent()) ?? '';
      expect(number).toMatch(/^TS\d{14}$/);
      // The 72-hour clock runs from the moment the complaint was received, with its reasons.
      const clock = desk.getByTestId('complaint-clock');
      expect(await clock.getAttribute('data-status')).toBe('running');
      await clock.locator('[data-metric=resolve]').getByTestId('clock-reasons').waitFor();
      await snap(desk, '1-registered');
    });

    const quality = await (await context()).newPage();
    await withScreenshot(quality, 'complaints-quality-handle', async () => {
      await loginAs(quality, e2e.base, 'qa1', PASSWORD);
      await quality.goto(`${e2e.base}/complaints`);
      const row = quality.locator(`[data-testid=complaint-row][data-number="${number}"]`);
      await row.getByTestId('complaint-due').waitFor();
      await snap(quality, '2-list');
      await row.getByTestId('complaint-link').click();

      const status = (s: string) =>
        quality.locator(`[data-testid=complaint-status][data-status=${s}]`).waitFor();
      await quality.getByTestId('complaint-step-investigating').click();
      let dialog = quality.getByRole('dialog');
      await pickOption(quality, dialog.getByTestId('complaint-department'), '质量管理部');
      await ok(dialog);
      await status('investigating');

      await quality.getByTestId('complaint-step-action').click();
      dialog = quality.getByRole('dialog');
      await dialog.getByTestId('complaint-root-cause').fill('更换密封件时唇口方向装反，油缸内泄外漏');
      await pickOption(quality, dialog.getByTestId('complaint-cause-class'), '服务质量');
      await dialog
        .getByTestId('complaint-action')
        .fill('重新装配密封件并试机；维修作业指导书增加方向确认步骤，全员培训');
      await pickOption(quality, dialog.getByTestId('complaint-owner'), '质管老周');
      await dialog.locator('#actionDueAt').fill('2030-01-01 10:00');
      await dialog.locator('#actionDueAt').press('Enter');
      await ok(dialog);
      await status('action');
      await snap(quality, '3-action');

      await quality.getByTestId('complaint-step-feedback_sent').click();
      dialog = quality.getByRole('dialog');
      await dialog
        .getByTestId('complaint-feedback-text')
        .fill('已重新装配密封件，试机 2 小时无渗漏；我司已修订作业指导书并培训全部维修人员。');
      await ok(dialog);
      await status('feedback_sent');
      // Answered well within 72 hours: the feedback clock stopped and met.
      const clock = quality.getByTestId('complaint-clock');
      await quality.locator('[data-testid=complaint-clock][data-status=met]').waitFor();
      expect(await clock.locator('[data-metric=resolve]').getAttribute('data-status')).toBe('met');
      await quality.getByTestId('complaint-feedback-result').waitFor();
      await snap(quality, '4-feedback-met');

      await quality.getByTestId('complaint-step-rechecked').click();
      dialog = quality.getByRole('dialog');
      await dialog.getByTestId('complaint-recheck-result').fill('一周后回访，油缸无渗漏，客户认可');
      await ok(dialog);
      await status('rechecked');

      await quality.getByTestId('complaint-step-closed').click();
      await ok(quality.getByRole('dialog'));
      await status('closed');
      const steps = await quality
        .locator('[data-testid=complaint-event]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));
      expect(steps).toEqual(
        expect.arrayContaining(['received', 'route', 'action', 'feedback', 'recheck', 'close']),
      );
      await snap(quality, '5-closed');
    });

    // Back on the list, the closed complaint shows the feedback came in time.
    await withScreenshot(desk, 'complaints-desk-list', async () => {
      await desk.goto(`${e2e.base}/complaints`);
      await desk.getByTestId('complaint-filter-status').locator('.ant-select-clear').click({ force: true });
      const row = desk.locator(`[data-testid=complaint-row][data-number="${number}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-status')).toBe('closed');
      expect(await row.getByTestId('complaint-feedback-result').textContent()).toContain('72');
      await snap(desk, '6-list-closed');
    });

    // The customer follows the complaint in the portal and reads the answer.
    const portal = await (await context()).newPage();
    await withScreenshot(portal, 'complaints-portal', async () => {
      await loginAs(portal, e2e.base, 'cust9', PASSWORD);
      await portal.goto(`${e2e.base}/portal`);
      const item = portal.locator(`[data-testid=portal-complaint][data-number="${number}"]`);
      await item.waitFor();
      expect(await item.getAttribute('data-status')).toBe('closed');
      await item
        .getByTestId('portal-complaint-feedback')
        .getByText('试机 2 小时无渗漏', { exact: false })
        .waitFor();
      await snap(portal, '7-portal');
    });
  });
});
