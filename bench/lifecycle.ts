import { compareJiraWithWave } from '../test/support/jira-vs-wave';
import { sendLikeWave } from '../test/support/wave-like-sender';
import { duplicateOf, lateCopyOf, runInvoiceLifecycle, type WaveDelivery } from '../test/support/wave-workload';
import { startBenchStack } from './bench-stack';
import { floorWrites } from './floor';
import { countRequests, readJiraStats, resetJiraStats } from './jira-stats';
import { loadWorkflow } from './jira-workflow';
import { createNaiveSync } from './naive-sync';

const INVOICES = 20;

export interface LifecycleFigures {
  invoices: number;
  deliveriesPerInvoice: number;
  jiraCallsPerInvoice: number;
  naiveCallsPerInvoice: number;
  floor: number;
  ratioToNaive: number;
}

/**
 * created → sent → viewed → 40% paid → paid (a `payment.received` per payment, `invoice.paid` at the end),
 * plus Wave re-sending "sent" and an older state arriving after "paid": 8 deliveries per invoice.
 */
async function invoiceEvents(t: Awaited<ReturnType<typeof startBenchStack>>): Promise<WaveDelivery[]> {
  const [created, sent, viewed, ...payments] = await runInvoiceLifecycle(
    t.stack.wave,
    ['created', 'sent', 'viewed', 'partial-payment', 'paid'],
    { invoiceUpdateForPartial: false },
  );
  if (!created || !sent || !viewed) throw new Error('the lifecycle did not produce its first three events');
  return [created, sent, viewed, duplicateOf(sent), ...payments, lateCopyOf(viewed, t.stack.wave)];
}

/**
 * Jira requests per invoice over its life: the app, the naive strategy, the floor. Sequential, no faults,
 * rate limits off (this counts requests; the burst measures speed).
 */
export async function runLifecycle(): Promise<LifecycleFigures> {
  const t = await startBenchStack();
  try {
    const baseUrl = t.stack.baseUrl;
    t.stack.jira.setRateLimitsEnabled(false);
    const workflow = await loadWorkflow(baseUrl, 'BILL', 'Invoice');
    const invoices: WaveDelivery[][] = [];
    for (let i = 0; i < INVOICES; i += 1) invoices.push(await invoiceEvents(t));
    const deliveries = invoices.flat();

    await resetJiraStats(baseUrl);
    const sent = await sendLikeWave(deliveries, { concurrency: 1, post: (body) => t.post(body) });
    const appCalls = countRequests(await readJiraStats(baseUrl));
    const check = compareJiraWithWave(t.stack.jira, t.stack.wave, {
      invoiceIds: new Set(invoices.map((events) => events[0]!.invoiceId)),
    });
    if (sent.gaveUp > 0 || check.lost.length + check.duplicates.length + check.mismatched.length > 0) {
      throw new Error(`the app did not sync the lifecycle: ${JSON.stringify({ gaveUp: sent.gaveUp, ...check })}`);
    }

    await resetJiraStats(baseUrl);
    const naive = createNaiveSync(baseUrl, workflow, 'BILL', 'Invoice');
    for (const delivery of deliveries) await naive(delivery.body);
    const naiveCalls = countRequests(await readJiraStats(baseUrl));

    const floor = invoices.reduce((sum, events) => sum + floorWrites(events, workflow), 0) / INVOICES;
    return {
      invoices: INVOICES,
      deliveriesPerInvoice: deliveries.length / INVOICES,
      jiraCallsPerInvoice: appCalls / INVOICES,
      naiveCallsPerInvoice: naiveCalls / INVOICES,
      floor,
      ratioToNaive: appCalls / naiveCalls,
    };
  } finally {
    await t.close();
  }
}
