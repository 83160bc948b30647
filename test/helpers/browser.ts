import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '../..');
export const RESULTS_DIR = path.join(root, 'test-results');

/** Debian's Chromium, headless, with the flags this sandbox needs (no network, root user). */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

/** Keeps a screenshot of the page when a step fails, then rethrows. */
export const withScreenshot = async <T>(page: Page, name: string, step: () => Promise<T>): Promise<T> => {
  try {
    return await step();
  } catch (err) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${name.replace(/[^\w-]+/g, '_')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    console.error(`screenshot of the failure: ${file}`);
    throw err;
  }
};

/**
 * Chooses an option of an Ant Design single select and makes sure it took. Under load the options can
 * re-render under the click (a search answer, a late list), leaving the dropdown open over the dialog's
 * buttons; so this retries until the dropdown is closed and the select shows the option.
 * For a search select, type into `field` first; the open dropdown is used as it is.
 */
export const pickOption = async (page: Page, field: Locator, option: string | RegExp): Promise<void> => {
  const open = page.locator('.ant-select-dropdown:visible');
  const root = field.locator(
    'xpath=ancestor-or-self::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  const took = async () => {
    // antd 6 shows the chosen label in .ant-select-content-value; the root's text is that label.
    const shown = await root
      .first()
      .innerText({ timeout: 1000 })
      .catch(() => '');
    return typeof option === 'string' ? shown.includes(option) : option.test(shown);
  };
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      if ((await open.count()) === 0) await field.click();
      await open.locator('.ant-select-item-option', { hasText: option }).first().click({ timeout: 10_000 });
      await open.first().waitFor({ state: 'hidden', timeout: 5_000 });
      if (await took()) return;
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError ?? new Error(`the select did not take the option ${String(option)}`);
};
