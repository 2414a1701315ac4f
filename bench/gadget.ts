import path from 'node:path';
import { billingData, gadgetOrigin } from '../test/integration/billing-support';
import { launchBrowser, openPage } from '../test/e2e/support/browser';
import { seedInvoiceIssues } from '../test/support/invoice-issues';
import { AssetWeight } from './asset-weight';
import { startBenchStack } from './bench-stack';
import { percentile } from './percentile';

const DIST = path.resolve(__dirname, '../static/billing-ui/dist');
const INVOICES = 2_000;
const LOADS = 3;
const RESOLVER_CALLS = 5;
/** Jira's search lags its writes by about 2 s: wait until every invoice is found before measuring. */
const INDEX_WAIT_MS = 30_000;

export interface GadgetFigures {
  invoices: number;
  /** Median, in headless Chromium: from opening the dashboard until the gadget shows its figures. */
  loadMs: number;
  /** Median of the `getReceivables` resolver alone, through the runtime's bridge. */
  resolverMs: number;
  /** Gzip size of the built JS and CSS the gadget's frame loads. */
  jsGzipBytes: number;
  cssGzipBytes: number;
}

/**
 * The receivables gadget over 2,000 open invoices in three currencies (`test/support/invoice-issues.ts`), on the site's dashboard as
 * the local admin sees it: the time until it shows its figures (median of 3 loads, each in a fresh browser context)
 * and the weight of what its frame loads (`npm run build:ui` first).
 */
export async function runGadget(): Promise<GadgetFigures> {
  const weight = new AssetWeight(DIST);
  const t = await startBenchStack();
  const browser = await launchBrowser();
  try {
    await seedInvoiceIssues(t.stack, INVOICES);
    const deadline = Date.now() + INDEX_WAIT_MS;
    while ((await billingData(t, 'getReceivables', gadgetOrigin(t))).openCount < INVOICES) {
      if (Date.now() > deadline) throw new Error(`Jira's search never found the ${INVOICES} invoices`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const resolverMs: number[] = [];
    for (let call = 0; call < RESOLVER_CALLS; call += 1) {
      const started = performance.now();
      await billingData(t, 'getReceivables', gadgetOrigin(t));
      resolverMs.push(performance.now() - started);
    }
    const loads: number[] = [];
    for (let load = 0; load < LOADS; load += 1) {
      const { context, page } = await openPage(browser);
      weight.watch(page, (url) => url.includes('/modules/'));
      const started = performance.now();
      await page.goto(`${t.stack.baseUrl}/jira/dashboard`);
      await page.frameLocator('iframe[title="Wave receivables"]').getByTestId('currency-totals').waitFor();
      loads.push(performance.now() - started);
      await weight.settled();
      await context.close();
    }
    return {
      invoices: INVOICES,
      loadMs: Math.round(percentile(loads, 0.5)),
      resolverMs: Math.round(percentile(resolverMs, 0.5)),
      ...weight.totals(),
    };
  } finally {
    await browser.close();
    await t.close();
  }
}
