import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { ARTIFACTS_DIR } from './paths';
import { type E2EServer, startE2EServer } from './server';

export const CHROMIUM = process.env.ZONGZHI_CHROMIUM ?? '/usr/bin/chromium';

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox', // CI runs as root
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

export type E2E = {
  readonly server: E2EServer;
  readonly page: Page;
};

const fileSafe = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 120);

/**
 * Registers the hooks of a browser test file and returns its handles: one server and one browser
 * per file, a fresh browser context (no cookies) per test. A failed test leaves a full-page
 * screenshot and the page's console errors in e2e/artifacts/.
 */
export const useE2E = (): E2E => {
  let server: E2EServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let pageLog: string[] = [];

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    context = await browser!.newContext({
      baseURL: server!.url,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    pageLog = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') pageLog.push(`[${m.type()}] ${m.text()}`);
    });
    page.on('pageerror', (e) => pageLog.push(`[pageerror] ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 500) pageLog.push(`[http ${r.status()}] ${r.request().method()} ${r.url()}`);
    });
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page) {
      const base = join(ARTIFACTS_DIR, `${fileSafe(task.file.name)}--${fileSafe(task.name)}`);
      await page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => undefined);
      writeFileSync(`${base}.log`, `${page.url()}\n${pageLog.join('\n')}\n`);
      console.error(`失败截图 / failure screenshot: ${base}.png`);
    }
    await context?.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get server() {
      if (!server) throw new Error('e2e server not started');
      return server;
    },
    get page() {
      if (!page) throw new Error('no page: use it inside a test');
      return page;
    },
  };
};
