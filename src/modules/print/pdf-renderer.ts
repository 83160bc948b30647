import { existsSync } from 'node:fs';
import type { FastifyBaseLogger } from 'fastify';
import type { Browser } from 'playwright-core';
import { AppError } from '../../platform/errors.ts';

// PDF from the same HTML the browser prints: headless Chromium (Debian's package, driven by
// playwright-core; no browser download) renders the page with print CSS. Chinese glyphs come from the
// system font fonts-noto-cjk. One browser per process, started on the first PDF and reused; at most
// `maxConcurrent` pages render at once so a burst of PDFs cannot exhaust memory.

export type PdfRenderer = {
  render(html: string): Promise<Buffer>;
  close(): Promise<void>;
};

const unavailable = (reason: string) =>
  new AppError('unavailable', {
    message: `PDF rendering unavailable: ${reason}`,
    userMessage: {
      zh: '服务器暂不能生成 PDF（未安装 Chromium）。请打开 HTML 版表单，点击“打印 / 另存为 PDF”，在浏览器打印对话框中选择“另存为 PDF”。',
      en: 'The server cannot make PDFs right now (Chromium is not installed). Open the HTML form, press "Print / save as PDF" and choose "Save as PDF" in the browser\'s print dialog.',
    },
    details: {
      reason: 'pdf_unavailable',
      hint: 'open the HTML form and use its print button (browser print to PDF)',
    },
  });

export const pdfRenderer = (opts: {
  /** Defaults to env CHROMIUM_PATH, else /usr/bin/chromium; read when the browser is first started. */
  executablePath?: string;
  maxConcurrent?: number;
  log?: FastifyBaseLogger;
}): PdfRenderer => {
  const max = opts.maxConcurrent ?? 2;
  let browser: Promise<Browser> | null = null;
  let active = 0;
  const waiting: (() => void)[] = [];

  const acquire = async () => {
    if (active < max) {
      active++;
      return;
    }
    // The slot is handed over by release(), so `active` stays counted.
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };

  const launch = (): Promise<Browser> => {
    if (browser) return browser;
    const executablePath = opts.executablePath ?? (process.env.CHROMIUM_PATH || '/usr/bin/chromium');
    if (!existsSync(executablePath)) return Promise.reject(unavailable(`${executablePath} not found`));
    const started = import('playwright-core')
      .then(({ chromium }) =>
        chromium.launch({
          executablePath,
          headless: true,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--no-first-run',
            '--disable-background-networking',
          ],
        }),
      )
      .then((b) => {
        // A crashed browser is started again on the next PDF.
        b.on('disconnected', () => {
          if (browser === started) browser = null;
        });
        return b;
      });
    browser = started;
    started.catch((err: unknown) => {
      if (browser === started) browser = null;
      opts.log?.error({ err }, 'chromium failed to start');
    });
    return started;
  };

  return {
    render: async (html) => {
      await acquire();
      try {
        let b: Browser;
        try {
          b = await launch();
        } catch (err) {
          throw err instanceof AppError ? err : unavailable('chromium failed to start');
        }
        // A fresh context per document: no JavaScript (the forms need none to print) and no network,
        // so nothing in a form can make the server fetch anything; images are data: URLs.
        const context = await b.newContext({ javaScriptEnabled: false, offline: true });
        try {
          await context.route('**/*', (route) => route.abort());
          const page = await context.newPage();
          await page.setContent(html, { waitUntil: 'load', timeout: 20_000 });
          return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        } finally {
          await context.close().catch(() => {});
        }
      } finally {
        release();
      }
    },
    close: async () => {
      const current = browser;
      browser = null;
      const b = await current?.catch(() => null);
      await b?.close().catch(() => {});
    },
  };
};
