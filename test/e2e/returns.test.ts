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
  await page.screenshot({ path: path.join(RESULTS_DIR, `returns-${name}.png`), fullPage: true });
};
const ok = (dialog: Locator) => dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
/** The Beijing calendar day `days` before today, as the date pickers take it. */
const shanghaiDay = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

describe('returns in the browser', () => {
  it('a customer asks for a refund in the portal; the desk approves, receives by mail, service inspects, finance approves the refund; every deadline is shown', async () => {
    const api = await adminApi(e2e.base);
    const customer = await api('POST', '/api/customers', {
      name: '南京数码科技有限公司',
      kind: 'existing',
      grade: 'B',
    });
    const users: [string, string, string][] = [
      ['cust-r', '数码刘经理', 'customer'],
      ['desk-r', '客服小陈', 'desk'],
      ['tech-r', '技术部老孙', 'technical'],
      ['fin-r', '财务小吴', 'finance'],
    ];
    for (const [username, displayName, roleCode] of users)
      await api('POST', '/api/users', {
        username,
        displayName,
        password: PASSWORD,
        roleCode,
        ...(roleCode === 'customer' ? { customerId: customer.id } : {}),
      });
    const context = () =>
      e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const page = async (username: string) => {
      const p = await (await context()).newPage();
      await loginAs(p, e2e.base, username, PASSWORD);
      return p;
    };

    const phone = await page('cust-r');
    let number = '';
    await withScreenshot(phone, 'returns-portal', async () => {
      await phone.goto(`${e2e.base}/portal`);
      await phone.getByTestId('portal-return-file').click();
      const dialog = phone.getByRole('dialog');
      await pickOption(phone, dialog.locator('#productCategory'), '电子产品');
      await dialog.locator('#purchasedAt').fill(shanghaiDay(3));
      await dialog.locator('#purchasedAt').press('Enter');
      await pickOption(phone, dialog.locator('#requested'), '退货');
      await dialog.getByTestId('return-reason').fill('开机三天后屏幕无法显示，要求退货');
      await dialog.getByTestId('return-city').fill('南京');
      await ok(dialog);
      await dialog.waitFor({ state: 'hidden' });
      const item = phone.getByTestId('portal-return').first();
      await item.waitFor();
      expect(await item.getAttribute('data-status')).toBe('submitted');
      number = (await item.getAttribute('data-number')) ?? '';
      expect(number).toMatch(/\S+/);
      expect(await item.getByTestId('return-due').textContent()).toMatch(
        /审核答复 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
      );
      await snap(phone, '1-portal-filed');
    });

    const desk = await page('desk-r');
    await withScreenshot(desk, 'returns-desk', async () => {
      await desk.goto(`${e2e.base}/returns`);
      const row = desk.locator(`[data-testid=return-row][data-number="${number}"]`);
      await row.waitFor();
      const due = row.getByTestId('return-due');
      expect(await due.getAttribute('data-deadline')).toBe('review');
      expect(['blue', 'orange', 'red']).toContain(await due.getAttribute('data-colour'));
      await snap(desk, '2-queue');
      await row.getByTestId('return-link').click();
      await desk.getByTestId('return-eligibility').waitFor();
      expect(await desk.locator('[data-testid=return-option-allowed][data-option=refund]').count()).toBe(1);
      expect(await desk.getByTestId('return-requested-allowed').textContent()).toContain('符合三包规定');
      const reasons = await desk.getByTestId('return-reason').allTextContents();
      expect(reasons.length).toBeGreaterThan(0);
      expect(reasons.join('\n')).toMatch(/依据：/);
      const review = desk.locator('[data-testid=return-deadline][data-key=review]');
      expect(await review.getAttribute('data-state')).toBe('open');
      expect(await review.getByTestId('return-deadline-reason').textContent()).toMatch(/依据：/);
      await snap(desk, '3-request');

      await desk.getByTestId('return-action-decide').click();
      let dialog = desk.getByRole('dialog');
      await dialog.getByTestId('return-option').waitFor();
      await ok(dialog);
      await desk.locator('[data-testid=return-status][data-status=approved]').first().waitFor();
      expect(await review.getAttribute('data-state')).toBe('met');

      await desk.getByTestId('return-action-receive').click();
      dialog = desk.getByRole('dialog');
      await ok(dialog);
      await desk.locator('[data-testid=return-status][data-status=received]').first().waitFor();
      const process = desk.locator('[data-testid=return-deadline][data-key=process]');
      expect(await process.getAttribute('data-state')).toBe('open');
      expect(await process.getByTestId('return-deadline-due').textContent()).toMatch(
        /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
      );
    });

    const tech = await page('tech-r');
    await withScreenshot(tech, 'returns-inspection', async () => {
      await tech.goto(`${e2e.base}/returns`);
      await tech
        .locator(`[data-testid=return-row][data-number="${number}"] [data-testid=return-link]`)
        .click();
      await tech.getByTestId('return-action-inspect').click();
      const dialog = tech.getByRole('dialog');
      expect(await dialog.locator('[data-testid=return-checklist] input:checked').count()).toBe(5);
      await ok(dialog);
      await tech.locator('[data-testid=return-status][data-status=passed]').first().waitFor();
      expect(await tech.getByTestId('return-checklist-result').textContent()).toContain('合格');
      expect(
        await tech.locator('[data-testid=return-deadline][data-key=refund]').getAttribute('data-state'),
      ).toBe('open');
    });

    await withScreenshot(desk, 'returns-refund-draft', async () => {
      await desk.reload();
      await desk.getByTestId('return-action-draftRefund').click();
      const dialog = desk.getByRole('dialog');
      await dialog.getByTestId('return-invoice').fill('1299');
      // More than the invoice: the server refuses and names the field, nothing is stored.
      await dialog.getByTestId('return-amount').fill('1300');
      await ok(dialog);
      await dialog.locator('.ant-form-item-has-error').first().waitFor();
      await dialog.getByTestId('return-amount').fill('1299');
      await ok(dialog);
      await dialog.waitFor({ state: 'hidden' });
      expect(await desk.getByTestId('return-refund').textContent()).toContain('待财务审批');
    });

    const finance = await page('fin-r');
    await withScreenshot(finance, 'returns-refund-approve', async () => {
      await finance.goto(`${e2e.base}/returns`);
      await finance
        .locator(`[data-testid=return-row][data-number="${number}"] [data-testid=return-link]`)
        .click();
      await finance.getByTestId('return-action-approveRefund').click();
      await ok(finance.getByRole('dialog'));
      await finance.locator('[data-testid=return-status][data-status=refunded]').first().waitFor();
      expect(
        await finance.locator('[data-testid=return-deadline][data-key=refund]').getAttribute('data-state'),
      ).toBe('met');
      const kinds = await finance
        .getByTestId('return-event')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      expect(kinds).toEqual(
        expect.arrayContaining([
          'submitted',
          'approved',
          'received',
          'inspection_passed',
          'refund_drafted',
          'refunded',
        ]),
      );
      await snap(finance, '4-refunded');
      const id = new URL(finance.url()).pathname.split('/').pop();
      await finance.goto(`${e2e.base}/returns/${id}/print`);
      await finance.getByTestId('print-form').waitFor();
      expect(await finance.getByTestId('refund-capital').textContent()).toBe('人民币壹仟贰佰玖拾玖元整');
      await snap(finance, '5-print');
    });

    await withScreenshot(phone, 'returns-portal-after', async () => {
      await phone.reload();
      await phone
        .locator(`[data-testid=portal-return][data-number="${number}"][data-status=refunded]`)
        .waitFor();
    });
  });
});
