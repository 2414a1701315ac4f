import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** A page and the errors it logged (console `error` messages and uncaught exceptions). */
export interface WatchedPage {
  page: Page;
  consoleErrors: string[];
}

const registry = globalThis as unknown as { __e2ePages?: Set<WatchedPage> };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Records a page's errors and registers it for the failure screenshot. */
export function watch(page: Page): WatchedPage {
  const watched: WatchedPage = { page, consoleErrors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watched.consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => watched.consoleErrors.push(`uncaught: ${error.message}`));
  (registry.__e2ePages ??= new Set()).add(watched);
  page.on('close', () => registry.__e2ePages?.delete(watched));
  return watched;
}

/** A fresh context (no shared cookies or storage) with one watched page, sized like Jira's admin iframe. */
export async function openPage(
  browser: Browser,
): Promise<{ context: BrowserContext; watched: WatchedPage; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  context.on('page', (page) => void watch(page));
  const page = await context.newPage();
  const watched = [...(registry.__e2ePages ?? [])].find((candidate) => candidate.page === page) ?? watch(page);
  return { context, watched, page };
}

/** Picks an option of an Atlaskit (react-select) Select by the id of its input. */
export async function chooseOption(page: Page, inputId: string, optionName: string): Promise<void> {
  await page.locator(`[id="${inputId}"]`).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: optionName, exact: true }).click();
}
