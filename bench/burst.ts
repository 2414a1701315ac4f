import { scheduleDeliveries } from '../test/support/delivery-schedule';
import { compareJiraWithWave } from '../test/support/jira-vs-wave';
import { sendLikeWave } from '../test/support/wave-like-sender';
import { runInvoiceLifecycle, type WaveDelivery } from '../test/support/wave-workload';
import { startBenchStack } from './bench-stack';
import { countRequests, readJiraStats, resetJiraStats } from './jira-stats';
import { percentile } from './percentile';
import { rateBound } from './rate-bound';

const INVOICES = 500;
const CONCURRENCY = 12;
const ERROR_RATE = 0.05;

export interface BurstFigures {
  deliveries: number;
  invoices: number;
  injectedDuplicates: number;
  reordered: number;
  duplicates: number;
  lost: number;
  /** Deliveries the sender gave up on (no 2xx after its attempts). */
  gaveUp: number;
  mismatched: number;
  refused: number;
  jiraRequests: number;
  jiraRateLimited: number;
  jiraFailed: number;
  seconds: number;
  /**
   * CPU time the process (stack, sandboxes and app share one event loop) got per second of the run: near 1
   * it had a core to itself; well below, other work on the machine slowed it and the efficiency is the machine's.
   */
  cpuShare: number;
  throughputPerSec: number;
  boundSeconds: number;
  boundPerSec: number;
  bindingLimit: string;
  efficiency: number;
  p50LatencyMs: number;
  p99LatencyMs: number;
  examples: string[];
}

/**
 * Month end: 500 new invoices, each created, sent and paid in Wave (3 events), delivered by a Wave-like
 * sender (12 at once, retrying non-2xx with Wave's backoff) with 5% of events sent again and events of an
 * invoice overtaking each other, against the Jira sandbox at its default rate limits with 5% injected 5xx.
 * Then every invoice is checked in Jira against Wave's final state.
 */
export async function runBurst(): Promise<BurstFigures> {
  const t = await startBenchStack();
  try {
    const lifecycles: WaveDelivery[][] = [];
    for (let i = 0; i < INVOICES; i += 1) {
      lifecycles.push(
        await runInvoiceLifecycle(t.stack.wave, ['created', 'sent', 'paid'], {
          paymentReceived: false,
          totalMinor: 10_000 + i * 137,
        }),
      );
    }
    const schedule = scheduleDeliveries(lifecycles, {
      seed: 42,
      spacing: 40,
      jitter: 60,
      duplicateRate: 0.05,
      maxCopies: 2,
    });

    await resetJiraStats(t.stack.baseUrl);
    t.stack.jira.setFaults({ errorRate: ERROR_RATE, seed: 42 });
    const cpuBefore = process.cpuUsage();
    const report = await sendLikeWave(schedule.deliveries, { concurrency: CONCURRENCY, post: (body) => t.post(body) });
    const cpu = process.cpuUsage(cpuBefore);
    t.stack.jira.clearFaults();
    const stats = await readJiraStats(t.stack.baseUrl);

    const check = compareJiraWithWave(t.stack.jira, t.stack.wave, {
      invoiceIds: new Set(lifecycles.map((events) => events[0]!.invoiceId)),
    });
    const seconds = report.elapsedMs / 1000;
    const bound = rateBound(stats, INVOICES);
    const deliveries = report.deliveries - report.gaveUp;
    return {
      deliveries: report.deliveries,
      invoices: INVOICES,
      injectedDuplicates: schedule.duplicates,
      reordered: schedule.reordered,
      duplicates: check.duplicates.length,
      lost: check.lost.length,
      gaveUp: report.gaveUp,
      mismatched: check.mismatched.length,
      refused: report.refused,
      jiraRequests: countRequests(stats),
      jiraRateLimited: countRequests(stats, (entry) => entry.status === 429),
      jiraFailed: countRequests(stats, (entry) => entry.status >= 500),
      seconds,
      cpuShare: (cpu.user + cpu.system) / 1e3 / report.elapsedMs,
      throughputPerSec: deliveries / seconds,
      boundSeconds: bound.seconds,
      boundPerSec: deliveries / bound.seconds,
      bindingLimit: bound.bindingLimit,
      efficiency: bound.seconds / seconds,
      p50LatencyMs: percentile(report.latencyMs, 0.5),
      p99LatencyMs: percentile(report.latencyMs, 0.99),
      examples: [...check.lost, ...check.duplicates, ...check.mismatched].slice(0, 5),
    };
  } finally {
    await t.close();
  }
}
