import { compareJiraWithWave } from '../test/support/jira-vs-wave';
import type { TestStack } from '../test/support/test-stack';
import { sendLikeWave } from '../test/support/wave-like-sender';
import {
  approveInvoice,
  changeInvoice,
  duplicateOf,
  lateCopyOf,
  runInvoiceLifecycle,
  waveEventType,
  waveFormatDelivery,
  type WaveDelivery,
} from '../test/support/wave-workload';
import type { WaveInvoice } from '../src/domain/wave-webhook';
import { startBenchStack } from './bench-stack';
import { floorEventsOf, floorWrites, type FloorEvent, type FloorOptions } from './floor';
import { countRequests, readJiraStats, resetJiraStats } from './jira-stats';
import { loadWorkflow, type BenchWorkflow } from './jira-workflow';
import { createNaiveSync } from './naive-sync';
import { requestsByKind } from './request-kinds';

const INVOICES = 20;
const TOTAL_MINOR = 125_000;

export interface LifecycleFigures {
  invoices: number;
  deliveriesPerInvoice: number;
  jiraCallsPerInvoice: number;
  naiveCallsPerInvoice: number;
  floor: number;
  ratioToNaive: number;
  ratioToFloor: number;
  /** Per invoice, the app's requests minus the floor's writes, by kind (reads by endpoint): what the gap is made of. */
  gapPerInvoice: Record<string, number>;
  /** The same lifecycle as Wave really sends it (its own thin format: the app reads the invoice and its customer). */
  waveFormatDeliveriesPerInvoice: number;
  waveFormatCallsPerInvoice: number;
  waveFormatFloor: number;
  waveFormatRatioToFloor: number;
  waveFormatGapPerInvoice: Record<string, number>;
}

interface AppRun {
  calls: number;
  floor: number;
  gapPerInvoice: Record<string, number>;
}

/**
 * created → sent → viewed → 40% paid → paid (a `payment.received` per payment, `invoice.paid` at the end),
 * plus Wave re-sending "sent" and an older state arriving after "paid": 8 deliveries per invoice.
 */
async function invoiceEvents(t: TestStack): Promise<WaveDelivery[]> {
  const [created, sent, viewed, ...payments] = await runInvoiceLifecycle(
    t.stack.wave,
    ['created', 'sent', 'viewed', 'partial-payment', 'paid'],
    { invoiceUpdateForPartial: false, totalMinor: TOTAL_MINOR },
  );
  if (!created || !sent || !viewed) throw new Error('the lifecycle did not produce its first three events');
  return [created, sent, viewed, duplicateOf(sent), ...payments, lateCopyOf(viewed, t.stack.wave)];
}

/**
 * The same life in Wave's own format, each change made in Wave just before its event is delivered: approved,
 * sent, viewed, "sent" sent again (same event id), 40% paid, paid, and a late "viewed" (a new id: the app reads
 * the paid invoice). 7 deliveries; the floor sees the invoice each delivery reads.
 */
async function waveFormatInvoice(
  t: TestStack,
  customerId: string,
  deliver: (delivery: WaveDelivery) => Promise<void>,
): Promise<FloorEvent[]> {
  const events: FloorEvent[] = [];
  const send = async (invoice: WaveInvoice, delivery?: WaveDelivery): Promise<WaveDelivery> => {
    const sent = delivery ?? waveFormatDelivery(t, waveEventType(invoice.status), invoice.id);
    await deliver(sent);
    events.push({ eventId: sent.eventId, invoiceId: invoice.id, invoice });
    return sent;
  };
  const { wave } = t.stack;
  let invoice = await approveInvoice(wave, { totalMinor: TOTAL_MINOR, customerId });
  await send(invoice);
  invoice = await changeInvoice(wave, invoice, { status: 'SENT' });
  const sent = await send(invoice);
  invoice = await changeInvoice(wave, invoice, { status: 'VIEWED' });
  await send(invoice);
  await send(invoice, duplicateOf(sent));
  invoice = await changeInvoice(wave, invoice, { payMinor: Math.round(TOTAL_MINOR * 0.4) });
  await send(invoice);
  invoice = await changeInvoice(wave, invoice, { payMinor: TOTAL_MINOR - Math.round(TOTAL_MINOR * 0.4) });
  await send(invoice);
  await send(invoice, waveFormatDelivery(t, 'invoice.viewed', invoice.id));
  return events;
}

/** Delivers one event at a time as Wave would (retrying until a 2xx); fails when Wave would give up. */
function oneByOne(t: TestStack): (delivery: WaveDelivery) => Promise<void> {
  return async (delivery) => {
    const report = await sendLikeWave([delivery], { concurrency: 1, post: (body) => t.post(body) });
    if (report.gaveUp > 0) throw new Error(`the app never accepted ${delivery.type} ${delivery.eventId}`);
  };
}

function assertInSync(t: TestStack, invoiceIds: ReadonlySet<string>): void {
  const check = compareJiraWithWave(t.stack.jira, t.stack.wave, { invoiceIds });
  if (check.lost.length + check.duplicates.length + check.mismatched.length > 0)
    throw new Error(`the app did not sync the lifecycle: ${JSON.stringify(check)}`);
}

/** The app's requests against the floor's writes for the same events. */
async function compareWithFloor(
  t: TestStack,
  workflow: BenchWorkflow,
  events: readonly FloorEvent[],
  options: FloorOptions,
): Promise<AppRun> {
  const app = requestsByKind(await readJiraStats(t.stack.baseUrl));
  const floor = floorWrites(events, workflow, options);
  const kinds = new Set([...Object.keys(app), ...Object.keys(floor)]);
  const gapPerInvoice: Record<string, number> = {};
  for (const kind of kinds) {
    const gap = ((app[kind] ?? 0) - (floor[kind as keyof typeof floor] ?? 0)) / INVOICES;
    if (gap !== 0) gapPerInvoice[kind] = gap;
  }
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, count) => total + count, 0);
  return { calls: sum(app) / INVOICES, floor: sum(floor) / INVOICES, gapPerInvoice };
}

async function runWaveFormat(t: TestStack, workflow: BenchWorkflow): Promise<AppRun & { deliveries: number }> {
  // A customer of its own, so its account issue is created in this run as in the floor.
  const customer = (await t.stack.wave.api.customer({ customer: { name: 'Lifecycle Wave-format Ltd' } })).customer as {
    id: string;
  };
  await resetJiraStats(t.stack.baseUrl);
  const events: FloorEvent[] = [];
  for (let i = 0; i < INVOICES; i += 1) events.push(...(await waveFormatInvoice(t, customer.id, oneByOne(t))));
  assertInSync(t, new Set(events.map((event) => event.invoiceId)));
  return {
    ...(await compareWithFloor(t, workflow, events, { accountTotals: true })),
    deliveries: events.length / INVOICES,
  };
}

/**
 * Jira requests per invoice over its life: the app, the naive strategy, the floor (and the app on Wave's own
 * format against its floor). Sequential, no faults, rate limits off (this counts requests; the burst measures speed).
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
    if (sent.gaveUp > 0) throw new Error(`the app never accepted ${sent.gaveUp} deliveries`);
    assertInSync(t, new Set(invoices.map((events) => events[0]!.invoiceId)));
    const app = await compareWithFloor(t, workflow, floorEventsOf(deliveries), { accountTotals: false });

    await resetJiraStats(baseUrl);
    const naive = createNaiveSync(baseUrl, workflow, 'BILL', 'Invoice');
    for (const delivery of deliveries) await naive(delivery.body);
    const naiveCalls = countRequests(await readJiraStats(baseUrl)) / INVOICES;

    const waveFormat = await runWaveFormat(t, workflow);
    return {
      invoices: INVOICES,
      deliveriesPerInvoice: deliveries.length / INVOICES,
      jiraCallsPerInvoice: app.calls,
      naiveCallsPerInvoice: naiveCalls,
      floor: app.floor,
      ratioToNaive: app.calls / naiveCalls,
      ratioToFloor: app.calls / app.floor,
      gapPerInvoice: app.gapPerInvoice,
      waveFormatDeliveriesPerInvoice: waveFormat.deliveries,
      waveFormatCallsPerInvoice: waveFormat.calls,
      waveFormatFloor: waveFormat.floor,
      waveFormatRatioToFloor: waveFormat.calls / waveFormat.floor,
      waveFormatGapPerInvoice: waveFormat.gapPerInvoice,
    };
  } finally {
    await t.close();
  }
}
