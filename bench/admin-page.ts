import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser, openPage } from '../test/e2e/support/browser';
import { openAdminPage } from '../test/e2e/support/admin-ui';
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
  if (!fs.existsSync(path.join(DIST, 'index.html')))
    throw new Error('static/config-ui/dist is missing: run npm run build:ui first');
  const built = new Set(fs.readdirSync(DIST, { recursive: true, encoding: 'utf8' }).map((file) => path.basename(file)));
  const t = await startBenchStack();
  const browser = await launchBrowser();
  try {
    const gzipBytes = { script: new Map<string, number>(), stylesheet: new Map<string, number>() };
    const ttis: number[] = [];
    for (let load = 0; load < LOADS; load += 1) {
      const { context, page } = await openPage(browser);
      await page.addInitScript(OBSERVE_INTERACTIVITY);
      const bodies: Array<Promise<void>> = [];
      page.on('response', (response) => {
        const type = response.request().resourceType();
        const name = path.basename(new URL(response.url()).pathname);
        if ((type === 'script' || type === 'stylesheet') && built.has(name)) {
          bodies.push(response.body().then((body) => void gzipBytes[type].set(name, gzipSync(body).length)));
        }
      });
      await openAdminPage(page, t.stack.baseUrl);
      await page.waitForLoadState('networkidle');
      ttis.push(Number(await page.evaluate(READ_TTI)));
      await Promise.all(bodies);
      await context.close();
    }
    const sum = (sizes: Map<string, number>) => [...sizes.values()].reduce((total, size) => total + size, 0);
    return {
      jsGzipBytes: sum(gzipBytes.script),
      cssGzipBytes: sum(gzipBytes.stylesheet),
      ttiMs: percentile(ttis, 0.5),
    };
  } finally {
    await browser.close();
    await t.close();
  }
}
