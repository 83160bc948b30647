import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pickOption, RESULTS_DIR, withScreenshot } from '../helpers/browser.ts';
import { adminApi, loginAs, useE2eServer } from '../helpers/e2e-server.ts';

const e2e = useE2eServer();

// A 1×1 PNG: enough for the server's type check (it reads the first bytes, not just the name).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const SERIAL = 'QR-E2E-0001';
const PASSWORD = 'E2e#User01';

const snap = async (page: Page, name: string) => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `tickets-${name}.png`), fullPage: true });
};

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('service requests in the browser', () => {
  it('a customer reports from the nameplate QR link, the desk sees the deadlines and assigns, the customer sees it arranged', async () => {
    const api = await adminApi(e2e.base);
    const policy = await api('POST', '/api/warranty-policies', {
      name: '挖掘机质量保证',
      startBasis: 'delivery',
      months: 12,
      hoursLimit: 2000,
    });
    const model = await api('POST', '/api/product-models', {
      code: 'DX75',
      name: '挖掘机 DX75',
      category: '挖掘机',
      warrantyPolicyId: policy.id,
    });
    const customer = await api('POST', '/api/customers', {
      name: '常州顺达土方工程有限公司',
      kind: 'existing',
      grade: 'B',
    });
    await api('POST', '/api/assets', {
      serialNo: SERIAL,
      modelId: model.id,
      customerId: customer.id,
      deliveredAt: day(-60),
    });
    const user = (username: string, displayName: string, roleCode: string, extra = {}) =>
      api('POST', '/api/users', { username, displayName, password: PASSWORD, roleCode, ...extra });
    await user('cust1', '顺达王经理', 'customer', { customerId: customer.id });
    await user('desk1', '客服小李', 'desk');
    await user('eng1', '张工', 'engineer');
    // The product ships calendars and SLA policies; a repair request falls under one of them.
    const policies = (await api('GET', '/api/sla-policies')).items as {
      active: boolean;
      appliesTo: { types: string[] };
    }[];
    expect(
      policies.some(
        (p) => p.active && (p.appliesTo.types.length === 0 || p.appliesTo.types.includes('repair')),
      ),
    ).toBe(true);

    // The customer scans the nameplate on a phone: not signed in yet, so the login comes first and
    // then the report form, with the machine already picked.
    const phone = await (
      await e2e.browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      })
    ).newPage();
    let number = '';
    await withScreenshot(phone, 'tickets-customer-report', async () => {
      await phone.goto(`${e2e.base}/portal/report?sn=${SERIAL}`);
      await phone.waitForURL(/\/login/);
      await phone.locator('#username').fill('cust1');
      await phone.locator('#password').fill(PASSWORD);
      await phone.locator('button[type=submit]').click();
      await phone.waitForURL(/\/portal\/report\?sn=/);
      await phone.getByTestId('qr-asset').waitFor();
      expect(await phone.getByTestId('qr-asset').textContent()).toContain(SERIAL);
      await phone.getByTestId('portal-description').fill('挖掘机动臂下沉，液压油有泄漏');
      await phone
        .locator('input[type=file]')
        .setInputFiles([{ name: 'leak.png', mimeType: 'image/png', buffer: PNG }]);
      await snap(phone, '1-report-form');
      await phone.getByTestId('portal-submit').click();
      await phone.waitForURL(/\/portal\/tickets\//);
      number = (await phone.getByTestId('ticket-number').textContent()) ?? '';
      expect(number).toMatch(/^SR\d+/);
      await phone.getByTestId('attachment-thumb').waitFor();
      expect(await phone.getByTestId('ticket-status').getAttribute('data-status')).toBe('new');
      await snap(phone, '2-customer-ticket');
    });

    // The desk finds it in the queue with a deadline, reads why it is due then, and assigns it.
    const desk = await (
      await e2e.browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1400, height: 900 },
      })
    ).newPage();
    await withScreenshot(desk, 'tickets-desk', async () => {
      await loginAs(desk, e2e.base, 'desk1', PASSWORD);
      await desk.goto(`${e2e.base}/tickets`);
      const row = desk.locator('.ant-table-row', {
        has: desk.getByTestId('ticket-link').filter({ hasText: number }),
      });
      await row.waitFor();
      expect(await row.getByTestId('due-cell').getAttribute('data-level')).toMatch(/^(ok|risk|overdue)$/);
      await snap(desk, '3-queue');
      await row.getByTestId('ticket-link').click();
      await desk.getByTestId('sla-clock').first().waitFor();
      const arrange = desk.locator('[data-testid=sla-clock][data-metric=arrange]');
      expect(await arrange.count()).toBe(1);
      expect(await arrange.getByTestId('clock-due').textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      const reasons = await arrange
        .locator('[data-testid=clock-reasons] [data-testid=reason]')
        .allTextContents();
      expect(reasons.length).toBeGreaterThan(1);
      expect(reasons.join('\n')).toContain('到期时间');
      expect(await desk.getByTestId('sla-match').textContent()).toContain('适用时限政策');
      await snap(desk, '4-ticket-clocks');

      await desk.getByTestId('action-assign').click();
      const dialog = desk.getByRole('dialog');
      await pickOption(desk, dialog.getByTestId('assign-target'), '张工');
      await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
      await desk.locator('[data-testid=ticket-status][data-status=arranged]').waitFor();
      expect(await desk.getByTestId('ticket-assignee').textContent()).toContain('张工');
      expect(await arrange.getAttribute('data-status')).toBe('met');
      await snap(desk, '5-assigned');
    });

    await withScreenshot(phone, 'tickets-customer-after', async () => {
      await phone.reload();
      await phone.locator('[data-testid=ticket-status][data-status=arranged]').waitFor();
      expect(await phone.getByTestId('ticket-status').textContent()).toContain('已安排');
      // Internal events (policy match, warranty decision) stay with the staff.
      expect(await phone.locator('[data-testid=timeline-event][data-visibility=internal]').count()).toBe(0);
      await snap(phone, '6-customer-arranged');
    });
  });
});
