import path from 'node:path';
import { launchBrowser, openPage } from '../test/e2e/support/browser';
import { openAdminPage } from '../test/e2e/support/admin-ui';
import { AssetWeight } from './asset-weight';
import { startBenchStack } from './bench-stack';
import { percentile } from './percentile';

const DIST = path.resolve(__dirname, '../static/config-ui/dist');
const LOADS = 3;

export interface AdminPageFigures {
  jsGzipBytes: number;
  cssGzipBytes: number;
  ttiMs: number;
}

/**
 * Runs in the page before its scripts: records the end of the last long task (> 50 ms on the main thread)
 * and when the page's heading first appears.
 */
const OBSERVE_INTERACTIVITY = `
  window.__bench = { longTaskEnd: 0, headingAt: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.longTaskEnd = Math.max(window.__bench.longTaskEnd, entry.startTime + entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (!window.__bench.headingAt && document.querySelector('h1')) window.__bench.headingAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
`;

/** Time to interactive, from navigation start: the heading is shown, the page's data has loaded and the main thread has settled. */
const READ_TTI = `(() => {
  const resources = performance.getEntriesByType('resource').map((entry) => entry.responseEnd);
  const navigation = performance.getEntriesByType('navigation')[0];
  return Math.max(window.__bench.headingAt, window.__bench.longTaskEnd, navigation ? navigation.domContentLoadedEventEnd : 0, ...resources);
})()`;

/**
 * The admin page as Jira shows it (`/admin`, built by `npm run build:ui`): gzip size of the JS and CSS of
 * the build that the page loads, and its time to interactive in headless Chromium (median of 3 loads,
 * each in a fresh browser context, so nothing is cached).
 */
export async function runAdminPage(): Promise<AdminPageFigures> {
  const weight = new AssetWeight(DIST);
  const t = await startBenchStack();
  const browser = await launchBrowser();
  try {
    const ttis: number[] = [];
    for (let load = 0; load < LOADS; load += 1) {
      const { context, page } = await openPage(browser);
      await page.addInitScript(OBSERVE_INTERACTIVITY);
      weight.watch(page);
      await openAdminPage(page, t.stack.baseUrl);
      await page.waitForLoadState('networkidle');
      ttis.push(Number(await page.evaluate(READ_TTI)));
      await weight.settled();
      await context.close();
    }
    return {
      ...weight.totals(),
      ttiMs: percentile(ttis, 0.5),
    };
  } finally {
    await browser.close();
    await t.close();
  }
}
