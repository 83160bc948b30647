import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pickOption, RESULTS_DIR, withScreenshot } from '../helpers/browser.ts';
import { adminApi, loginAs, useE2eServer } from '../helpers/e2e-server.ts';

const e2e = useE2eServer();
const PASSWORD = 'E2e#User01';

const snap = async (page: Page, name: string) => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `work-orders-${name}.png`), fullPage: true });
};

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('field work in the browser', () => {
  it('ticket → work order → suggested engineer → on-site steps on a phone → parts → signature → printed repair record', async () => {
    const api = await adminApi(e2e.base);
    const policy = await api('POST', '/api/warranty-policies', {
      name: '挖掘机整机三包',
      startBasis: 'delivery',
      months: 12,
      hoursLimit: 2000,
    });
    const model = await api('POST', '/api/product-models', {
      code: 'DX150',
      name: '挖掘机 DX150',
      category: '挖掘机',
      warrantyPolicyId: policy.id,
      wearParts: ['SEAL-KIT'],
    });
    const customer = await api('POST', '/api/customers', {
      name: '无锡恒泰建设有限公司',
      kind: 'existing',
      grade: 'A',
      region: '江苏无锡',
    });
    const asset = await api('POST', '/api/assets', {
      serialNo: 'DX150-E2E-01',
      modelId: model.id,
      customerId: customer.id,
      deliveredAt: day(-90),
    });
    await api('POST', '/api/users', {
      username: 'desk2',
      displayName: '客服小王',
      password: PASSWORD,
      roleCode: 'desk',
    });
    const engUser = await api('POST', '/api/users', {
      username: 'eng2',
      displayName: '周工',
      password: PASSWORD,
      roleCode: 'engineer',
    });
    const engineer = await api('POST', '/api/engineers', {
      name: '周工',
      userId: engUser.id,
      phone: '13900000001',
      trade: 'hydraulic',
      skills: ['挖掘机'],
      regions: ['江苏'],
    });
    await api('POST', '/api/engineers', {
      name: '郑工',
      trade: 'electrical',
      skills: ['起重机'],
      regions: ['广东'],
    });
    const main = (await api('GET', '/api/stock-locations')).items.find(
      (l: { code: string }) => l.code === 'MAIN',
    );
    const cylinder = await api('POST', '/api/parts', {
      code: 'BOOM-CYL',
      name: '动臂油缸总成',
      costFen: 680_000,
      listFen: 920_000,
    });
    const seal = await api('POST', '/api/parts', {
      code: 'SEAL-KIT',
      name: '油缸密封包',
      costFen: 12_000,
      listFen: 18_000,
      wear: true,
    });
    for (const p of [cylinder, seal])
      await api('POST', '/api/stock/receive', { partId: p.id, locationId: main.id, quantity: 5 });
    const ticket = await api('POST', '/api/tickets', {
      customerId: customer.id,
      assetId: asset.id,
      channel: 'phone',
      type: 'repair',
      description: '动臂油缸漏油，动臂自动下沉',
    });

    // The desk opens a work order from the ticket and dispatches it to the engineer the system suggests.
    const desk = await (
      await e2e.browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1440, height: 900 },
      })
    ).newPage();
    let number = '';
    await withScreenshot(desk, 'work-orders-desk', async () => {
      await loginAs(desk, e2e.base, 'desk2', PASSWORD);
      await desk.goto(`${e2e.base}/tickets/${ticket.id}`);
      await desk.getByTestId('wo-create').click();
      await desk.getByTestId('wo-create-task').fill('更换动臂油缸或密封件，试车');
      await desk.locator('.ant-modal-footer .ant-btn-primary').click();
      await desk.locator('[data-testid=ticket-work-orders] .ant-table-row').waitFor();
      number = (await api('GET', `/api/work-orders?ticketId=${ticket.id}`)).items[0].number;
      await snap(desk, '1-ticket');
      await desk.goto(`${e2e.base}/dispatch`);
      await desk.getByTestId(`suggest-${number}`).click();
      const first = desk.locator('[data-testid^=dispatch-to-]').first();
      await first.waitFor();
      expect(await first.getAttribute('data-testid')).toBe(`dispatch-to-${engineer.id}`);
      const reasons = await desk
        .getByTestId(`suggestion-${engineer.id}`)
        .getByTestId('suggestion-reason')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
      expect(reasons).toEqual(expect.arrayContaining(['skill', 'region']));
      await snap(desk, '2-suggestion');
      await first.click();
      await desk
        .locator(`[data-testid^=board-cell-${engineer.id}-] [data-testid=wo-card-${number}]`)
        .waitFor();
      await snap(desk, '3-board');
    });
    const order = (await api('GET', `/api/work-orders?ticketId=${ticket.id}`)).items[0];
    expect(order.status).toBe('dispatched');

    // The engineer works on a phone: travel, check in, diagnosis, part used, check out, signature.
    const phone = await (
      await e2e.browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      })
    ).newPage();
    await withScreenshot(phone, 'work-orders-phone', async () => {
      await phone.goto(`${e2e.base}/login`);
      await phone.locator('#username').fill('eng2');
      await phone.locator('#password').fill(PASSWORD);
      await phone.locator('button[type=submit]').click();
      await phone.waitForURL(/\/m$/);
      await phone.getByTestId(`m-wo-${number}`).click();
      const travel = phone.getByTestId('m-step-travelling');
      await travel.waitFor();
      // Large touch targets for gloved hands.
      expect((await travel.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await travel.click();
      await phone.locator('[data-testid=m-step-on_site]:not([disabled])').click();
      await phone.getByTestId('m-diagnosis').waitFor();
      await phone.locator('[data-testid=m-diagnosis] label', { hasText: '产品缺陷' }).click();
      await phone.getByTestId('diagnosis-text').fill('动臂油缸缸筒拉伤，密封失效');
      await phone.getByTestId('diagnosis-save').click();
      for (const [code, serials] of [
        ['BOOM-CYL', true],
        ['SEAL-KIT', false],
      ] as const) {
        await phone.getByTestId('part-add').click();
        await pickOption(phone, phone.getByTestId('part-picker'), code);
        await pickOption(phone, phone.getByTestId('location-picker'), '公司总库');
        if (serials) {
          const removed = phone.getByTestId('part-removed-serial');
          if (await removed.count()) await removed.fill('CYL-OLD-7781');
        }
        await phone.locator('.ant-modal-footer .ant-btn-primary').last().click();
        await phone.locator('[data-testid=part-row]', { hasText: code }).waitFor();
      }
      await snap(phone, '4-phone-parts');
      await phone.getByTestId('m-step-done').click();
      await phone.getByTestId('m-charges').waitFor();
      const canvas = phone.getByTestId('signature-canvas');
      await canvas.scrollIntoViewIfNeeded();
      const b = (await canvas.boundingBox())!;
      await phone.mouse.move(b.x + 30, b.y + b.height / 2);
      await phone.mouse.down();
      for (let i = 0; i <= 24; i++)
        await phone.mouse.move(b.x + 30 + i * 10, b.y + b.height / 2 - Math.sin(i / 3) * 30, { steps: 2 });
      await phone.mouse.up();
      await phone.getByTestId('sign-name').fill('陈经理');
      await snap(phone, '5-phone-sign');
      await phone.getByTestId('sign-confirm').click();
      await phone.getByTestId('m-signed').waitFor();
      await snap(phone, '6-phone-signed');
    });

    const signed = await api('GET', `/api/work-orders/${order.id}`);
    expect(signed).toMatchObject({
      status: 'signed',
      hasSignature: true,
      signedBy: '陈经理',
      cause: 'defect',
    });
    expect(signed.oldPartReturns.map((r: { partCode: string }) => r.partCode)).toEqual(['BOOM-CYL']);

    // The printable repair record carries the drawn signature and who pays each line.
    await withScreenshot(desk, 'work-orders-print', async () => {
      await desk.goto(`${e2e.base}/api/work-orders/${order.id}/print/repair-record`);
      const html = await desk.content();
      expect(html).toContain('三包维修记录');
      expect(html).toContain('陈经理');
      expect(html).toMatch(/<img[^>]+src="data:image\/png;base64,/);
      const rows = await desk.locator('tr', { hasText: '动臂油缸总成' }).allTextContents();
      expect(rows.join(' ')).toContain('公司承担');
      const sealRows = await desk.locator('tr', { hasText: '油缸密封包' }).allTextContents();
      expect(sealRows.join(' ')).toContain('客户承担');
      await snap(desk, '7-repair-record');
    });
  });
});
