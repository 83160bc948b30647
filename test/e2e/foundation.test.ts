import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pickOption, withScreenshot } from '../helpers/browser.ts';
import { E2E_ADMIN_PASSWORD, loginAs, useE2eServer } from '../helpers/e2e-server.ts';

const e2e = useE2eServer();
const ADMIN_PASSWORD = E2E_ADMIN_PASSWORD;

const login = (page: Page, username: string, password: string) => loginAs(page, e2e.base, username, password);

describe('web shell', () => {
  it('admin logs in, switches language, creates a user; that user logs in and sees only its areas', async () => {
    const context = await e2e.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await withScreenshot(page, 'foundation-admin', async () => {
      await page.goto(e2e.base);
      // Chinese by default.
      expect(await page.locator('button[type=submit]').textContent()).toMatch(/登\s*录/);
      await login(page, 'admin', ADMIN_PASSWORD);

      // Switch to English and back: the menu follows.
      await page.getByTestId('lang-switch').click();
      await page.getByText('Users', { exact: true }).first().waitFor();
      await page.getByTestId('lang-switch').click();
      await page.getByText('用户', { exact: true }).first().waitFor();

      await page.getByText('用户', { exact: true }).first().click();
      await page.waitForURL(/\/admin\/users/);
      await page.getByTestId('create-user').click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('#username').fill('zhangsan');
      await dialog.locator('#displayName').fill('张三');
      await dialog.locator('#password').fill('Zhang#san1');
      await pickOption(page, dialog.locator('#roleCode'), '客服');
      await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
      await page.getByRole('cell', { name: 'zhangsan', exact: true }).waitFor();
    });

    const page2 = await (await e2e.browser.newContext({ locale: 'zh-CN' })).newPage();
    await withScreenshot(page2, 'foundation-new-user', async () => {
      await login(page2, 'zhangsan', 'Zhang#san1');
      expect(await page2.getByTestId('user-menu').textContent()).toContain('张三');
      // The desk role reads users and the organisation but not roles or the audit log.
      await page2.getByText('用户', { exact: true }).first().waitFor();
      const menu = page2.locator('.ant-layout-sider');
      await menu.getByText('经销商', { exact: true }).waitFor();
      expect(await menu.getByText('审计日志', { exact: true }).count()).toBe(0);
      expect(await menu.getByText('角色', { exact: true }).count()).toBe(0);
    });
  });
});

describe('content security policy', () => {
  it('the UI document carries the CSP, and a violation would be caught', async () => {
    const page = await (await e2e.browser.newContext()).newPage();
    await withScreenshot(page, 'csp-detector', async () => {
      const res = await page.goto(e2e.base);
      const headers = res!.headers();
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['x-frame-options']).toBe('DENY');
      // An inline script is refused and reported: proof that the other tests would see a violation.
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inline = 1';
        document.body.append(s);
      });
      await expect.poll(() => e2e.cspViolations.length).toBeGreaterThan(0);
      expect(
        await page.evaluate(() => (window as unknown as { __inline?: number }).__inline),
      ).toBeUndefined();
      e2e.cspViolations.length = 0;
    });
  });

  it('Swagger UI works under it', async () => {
    const page = await (await e2e.browser.newContext()).newPage();
    await withScreenshot(page, 'swagger-ui', async () => {
      await page.goto(`${e2e.base}/api/docs`);
      await page.locator('.swagger-ui .info .title').filter({ hasText: 'Aftersales' }).waitFor();
      // The operations are listed, i.e. the OpenAPI document was fetched and rendered.
      await page.locator('.opblock-summary').first().waitFor();
    });
  });
});
