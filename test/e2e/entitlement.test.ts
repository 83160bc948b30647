import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pickOption, withScreenshot } from '../helpers/browser.ts';
import { E2E_ADMIN_PASSWORD, loginAs, useE2eServer } from '../helpers/e2e-server.ts';

const e2e = useE2eServer();
const ADMIN_PASSWORD = E2E_ADMIN_PASSWORD;

const ok = (dialog: Locator) => dialog.getByRole('button', { name: /确\s*定|OK/ }).click();

describe('installed base and entitlement in the browser', () => {
  it('creates a policy, a model, a customer and an asset, records hours and a replaced part, and sees the decision with reasons', async () => {
    const page = await (
      await e2e.browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1400, height: 900 },
      })
    ).newPage();
    await withScreenshot(page, 'entitlement-flow', async () => {
      await loginAs(page, e2e.base, 'admin', ADMIN_PASSWORD);

      // Warranty policy: 12 months / 2000 h, ≤ 13 t → 1500 h (seed 000 第四篇).
      await page.goto(`${e2e.base}/products/policies`);
      await page.getByTestId('create-policy').click();
      let dialog = page.getByRole('dialog');
      await dialog.locator('#name').fill('挖掘机质量保证');
      await pickOption(page, dialog.locator('#startBasis'), /交付/);
      await dialog.locator('#months').fill('12');
      await dialog.locator('#hoursLimit').fill('2000');
      await dialog.getByTestId('add-weightHourLimits').click();
      await dialog.locator('#weightHourLimits_0_maxWeightT').fill('13');
      await dialog.locator('#weightHourLimits_0_hoursLimit').fill('1500');
      await ok(dialog);
      await page.getByRole('cell', { name: '挖掘机质量保证' }).first().waitFor();

      await page.goto(`${e2e.base}/products/models`);
      await page.getByTestId('create-model').click();
      dialog = page.getByRole('dialog');
      await dialog.locator('#code').fill('DX130');
      await dialog.locator('#name').fill('挖掘机 DX130');
      await dialog.locator('#category').fill('挖掘机');
      await pickOption(page, dialog.locator('#warrantyPolicyId'), '挖掘机质量保证');
      await dialog.locator('#operatingWeightT').fill('13');
      await ok(dialog);
      await page.getByRole('cell', { name: 'DX130', exact: true }).waitFor();

      await page.goto(`${e2e.base}/customers`);
      await page.getByTestId('create-customer').click();
      dialog = page.getByRole('dialog');
      await dialog.locator('#name').fill('徐州城建工程有限公司');
      await pickOption(page, dialog.locator('#kind'), '老客户');
      await pickOption(page, dialog.locator('#grade'), /^A/);
      await ok(dialog);
      await page.getByTestId('customer-link').filter({ hasText: '徐州城建' }).waitFor();

      await page.goto(`${e2e.base}/assets`);
      await page.getByTestId('create-asset').click();
      dialog = page.getByRole('dialog');
      await dialog.locator('#serialNo').fill('DX130-E2E-0001');
      await pickOption(page, dialog.locator('#modelId'), 'DX130');
      await dialog.locator('#customerId').fill('徐州');
      await pickOption(page, dialog.locator('#customerId'), '徐州城建');
      // Under load the search answer can re-render the options under the click: make sure it took.
      const customerItem = dialog.locator('.ant-form-item', { has: page.locator('#customerId') });
      await expect.poll(() => customerItem.first().textContent()).toContain('徐州城建');
      await dialog.locator('#deliveredAt').fill('2026-03-01');
      await dialog.locator('#deliveredAt').press('Enter');
      await expect.poll(() => dialog.locator('#deliveredAt').inputValue()).toBe('2026-03-01');
      await ok(dialog);
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('asset-link').filter({ hasText: 'DX130-E2E-0001' }).click();
      await page.getByTestId('asset-facts').waitFor();

      await page.getByTestId('tab-readings').click();
      await page.locator('#hours').fill('900');
      await page.locator('#readAt').fill('2026-06-01 09:00');
      await page.locator('#readAt').press('Enter');
      await page.getByTestId('add-reading').click();
      await page.getByTestId('readings-table').getByText('900').first().waitFor();

      await page.getByTestId('tab-events').click();
      // A bare date in a date-time field means that day at 00:00.
      await page.locator('#at').fill('2026-06-02');
      await page.locator('#at').press('Enter');
      await page.locator('#partCode').fill('MAIN_PUMP');
      await page.getByTestId('add-event').click();
      await page.getByTestId('events-table').getByText('MAIN_PUMP').first().waitFor();
      expect(await page.getByTestId('events-table').textContent()).toContain('2026-06-02');

      // What if: 1600 h on a 13 t machine is past its 1500 h limit, so the machine is out of warranty…
      await page.getByTestId('tab-whatif').click();
      await page.locator('#at').fill('2026-09-01 10:00');
      await page.locator('#at').press('Enter');
      await page.locator('#hours').fill('1600');
      await pickOption(page, page.locator('#cause'), /设计|缺陷/);
      await page.getByTestId('whatif-submit').click();
      const result = page.getByTestId('entitlement-whatif');
      await result.getByTestId('entitlement-status').waitFor();
      expect(await result.getByTestId('entitlement-status').getAttribute('data-state')).toBe('out');
      expect(
        await result.locator('[data-testid=entitlement-reason][data-code=weight_hour_limit]').count(),
      ).toBe(1);
      expect(
        await result.locator('[data-testid=entitlement-reason][data-code=hours_limit_reached]').count(),
      ).toBe(1);
      expect(await result.getByTestId('entitlement-quote').count()).toBe(1);

      // …but the main pump replaced in June has its own 12-month warranty: free (seed 001 篇六).
      await page.locator('#partCode').fill('MAIN_PUMP');
      // Close the part-code suggestions so they do not cover the button.
      await page.locator('#partCode').press('Escape');
      await page.getByTestId('whatif-submit').click();
      await result.locator('[data-testid=entitlement-reason][data-code=part_warranty]').waitFor();
      expect(await result.getByTestId('entitlement-coverage').getAttribute('data-coverage')).toBe('free');
      const clauses = await result.getByTestId('entitlement-clause').allTextContents();
      expect(clauses.join(' ')).toContain('4.1.4');
    });
  });
});
