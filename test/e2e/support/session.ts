import type { Browser, BrowserContext, Page } from 'playwright-core';
import { lateBound } from '../../support/late-bound';
import { launchBrowser, openPage, type WatchedPage } from './browser';
import { startE2EStack, type E2EStack } from './stack';

export interface E2ESession {
  e2e: E2EStack;
  /** This test's browser context (no cookies or storage shared with other tests). */
  context: BrowserContext;
  /** This test's page, watched for console errors. */
  page: Page;
  watched: WatchedPage;
}

/**
 * The usual browser test setup: one Chromium and one local stack for the file, a fresh context
 * with one watched page for each test. Call it at the top of the file; what it returns stands
 * for the current stack, context and page inside tests. `options.seed` seeds the stack (see startE2EStack).
 */
export function useE2ESession(options: Parameters<typeof startE2EStack>[0] = {}): E2ESession {
  let browser: Browser | undefined;
  let e2e: E2EStack | undefined;
  let opened: { context: BrowserContext; page: Page; watched: WatchedPage } | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    e2e = await startE2EStack(options);
  });
  afterAll(async () => {
    await browser?.close();
    await e2e?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('the browser did not start');
    opened = await openPage(browser);
  });
  afterEach(async () => {
    await opened?.context.close();
    opened = undefined;
  });
  return {
    e2e: lateBound(() => e2e, 'the e2e stack'),
    context: lateBound(() => opened?.context, 'the browser context'),
    page: lateBound(() => opened?.page, 'the page'),
    watched: lateBound(() => opened?.watched, 'the watched page'),
  };
}
