import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RESULTS_DIR, withScreenshot } from '../helpers/browser.ts';
import { adminApi, loginAs, useE2eServer } from '../helpers/e2e-server.ts';

// A manager opens the dashboard: every chart draws (ECharts), labels are Chinese, each chart has its
// table, a table row opens the records behind it, a table exports to Excel; then the stored reports.

const e2e = useE2eServer();
const PASSWORD = 'E2e#User01';
const FIGURES = ['sla', 'backlog', 'ftf', 'mttr', 'repeats', 'cost', 'parts', 'satisfaction', 'complaints'];

const snap = async (page: Page, name: string) => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `dashboard-${name}.png`), fullPage: true });
};

const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

describe('dashboard in the browser', () => {
  it('manager: charts with Chinese labels, tables, drill-down, export; stored reports', async () => {
    const api = await adminApi(e2e.base);
    const dealer = await api('POST', '/api/dealers', { code: 'E2E-D', name: '华东经销商' });
    const customer = await api('POST', '/api/customers', {
      name: '常州恒力机械有限公司',
      kind: 'existing',
      grade: 'A',
      dealerId: dealer.id,
    });
    // Requests of several ages; some resolved (their deadlines end met or breached), some still open.
    for (const [i, hours] of [2, 30, 100, 400, 900].entries()) {
      const tk = await api('POST', '/api/tickets', {
        customerId: customer.id,
        channel: 'phone',
        type: i % 2 ? 'consultation' : 'repair',
        description: `看板测试请求 ${i}`,
        reportedAt: ago(hours),
      });
      if (i >= 3)
        await api('POST', `/api/tickets/${tk.id}/transition`, {
          version: tk.version,
          to: 'resolved',
          at: ago(hours - 20),
          resolution: '已处理',
        });
    }
    for (const subject of ['服务不及时', '配件质量差'])
      await api('POST', '/api/complaints', {
        customerId: customer.id,
        channel: 'phone',
        severity: 'medium',
        subject,
        description: subject,
      });
    await api('POST', '/api/users', {
      username: 'mgr',
      displayName: '王经理',
      password: PASSWORD,
      roleCode: 'manager',
    });

    const page = await e2e.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await withScreenshot(page, 'dashboard-failure', async () => {
      await loginAs(page, e2e.base, 'mgr', PASSWORD);
      await page.goto(`${e2e.base}/dashboard`);
      await page.getByTestId('dashboard').waitFor();
      // Bring the summary tables up to date now rather than waiting for the 5-minute job.
      await page.getByTestId('dashboard-refresh').click();
      await page.getByText('统计已更新').waitFor();
      for (const f of FIGURES)
        await page.locator(`[data-testid="chart-${f}"][data-rendered="1"]`).waitFor({ timeout: 30_000 });

      // Chinese axis and series names, read from each chart's option.
      const labels = Object.fromEntries(
        await Promise.all(
          FIGURES.map(
            async (f) =>
              [f, (await page.getByTestId(`chart-${f}`).getAttribute('data-labels')) ?? ''] as const,
          ),
        ),
      );
      expect(labels.sla).toContain('达成率（%）');
      expect(labels.sla).toContain('首次响应');
      expect(labels.backlog).toContain('新建');
      expect(labels.complaints).toContain('累计占比（%）');
      expect(labels.satisfaction).toContain('回访平均分');
      expect(labels.cost).toContain('费用（元）');
      const open = Number(
        (await page.getByTestId('card-open').locator('.ant-statistic-content').innerText()).trim(),
      );
      // Three open service requests, and the two complaints' own tickets (their 72-hour clock).
      expect(open).toBe(5);
      await snap(page, '1-charts');

      // The backlog's table: Chinese headers; a row opens the open requests behind it, with links.
      const panel = page
        .getByTestId('table-backlog')
        .locator('xpath=ancestor::div[contains(@class,"ant-card")][1]');
      await panel.getByRole('tab', { name: '表格' }).click();
      const table = page.getByTestId('table-backlog');
      await expect.poll(() => table.locator('th').allInnerTexts()).toContain('>30天');
      const row = table.locator('tr[data-key="new"]');
      const newTotal = Number(await row.locator('td').nth(1).innerText());
      expect(newTotal).toBeGreaterThan(0);
      await row.click();
      const drawer = page.getByTestId('drill-backlog');
      await drawer.waitFor();
      await expect.poll(() => drawer.locator('a[href^="/tickets/"]').count()).toBe(newTotal);
      await page.waitForTimeout(500); // the drawer's slide-in
      await snap(page, '2-drill-backlog');
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });

      // Complaints Pareto table: both are still unclassified.
      const complaints = page.getByTestId('table-complaints');
      await complaints
        .locator('xpath=ancestor::div[contains(@class,"ant-card")][1]')
        .getByRole('tab', { name: '表格' })
        .click();
      const unclassified = complaints.locator('tr[data-key="unclassified"]');
      await expect.poll(() => unclassified.innerText()).toContain('未分类');
      await unclassified.click();
      await expect
        .poll(() => page.getByTestId('drill-complaints').locator('a[href^="/complaints/"]').count())
        .toBe(2);
      await page.keyboard.press('Escape');

      // Every table exports to Excel.
      const download = page.waitForEvent('download');
      await page.getByTestId('export-sla').click();
      expect((await download).suggestedFilename()).toMatch(/^dashboard-sla-.*\.xlsx$/);

      // Stored reports: run today's problem list now and read it.
      await page.goto(`${e2e.base}/reports`);
      await page.getByTestId('report-run-daily_problems').click();
      await page.getByTestId('report-run').waitFor();
      await expect
        .poll(() => page.getByTestId('daily-customers').innerText())
        .toContain('常州恒力机械有限公司');
      await snap(page, '3-daily-report');
    });
    await page.close();
  });
});
