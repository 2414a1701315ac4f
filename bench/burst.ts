import { scheduleDeliveries } from '../test/support/delivery-schedule';
import { compareJiraWithWave } from '../test/support/jira-vs-wave';
import { sendLikeWave } from '../test/support/wave-like-sender';
import { runInvoiceLifecycle, type WaveDelivery } from '../test/support/wave-workload';
import { startBenchStack } from './bench-stack';
import { countRequests } from './jira-stats';
import { limitBounds } from './limit-bounds';
import { percentile } from './percentile';
import { alignClock, limitsOff, readUsage, resetUsage } from './platform-limits';

const INVOICES = 500;
const CONCURRENCY = 12;
const ERROR_RATE = 0.05;
const MINUTE_MS = 60_000;

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
  /** Platform behaviours switched off for the run (none: every limit and quirk the sandboxes reproduce is on). */
  limitsOff: string[];
  jiraRequests: number;
  jiraRateLimited: number;
  jiraFailed: number;
  jiraPoints: number;
  /** KVS write requests per delivery sent (duplicates included; what retries wrote included). */
  kvsWritesPerDelivery: number;
  kvsWrites: number;
  kvsReads: number;
  /** KVS requests by operation (reads and writes): what the writes per delivery are made of. */
  kvsByOperation: Record<string, number>;
  /** KVS requests refused with 429 RATE_LIMIT_EXCEEDED. */
  kvsRefused: number;
  seconds: number;
  /**
   * CPU time the process (stack, sandboxes and app share one event loop) got per second of the run: near 1
   * it had a core to itself; well below, other work on the machine slowed it and the efficiency is the machine's.
   */
  cpuShare: number;
  throughputPerSec: number;
  /** Each limit's lower bound on the run's duration, in seconds (`limit-bounds.ts`). */
  bounds: Record<string, number>;
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
 * invoice overtaking each other, with every limit of the platform on (Jira's burst, per-issue and points limits,
 * search lag, the KVS and queue quotas, time limits) and 5% injected 5xx. It starts at the top of a runtime-clock
 * minute, so the per-minute quotas' windows are whole and the bound is the same from run to run. Then every
 * invoice is checked in Jira against Wave's final state.
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

    await alignClock(t, MINUTE_MS);
    const startMs = await resetUsage(t);
    t.stack.jira.setFaults({ errorRate: ERROR_RATE, seed: 42 });
    const cpuBefore = process.cpuUsage();
    const report = await sendLikeWave(schedule.deliveries, { concurrency: CONCURRENCY, post: (body) => t.post(body) });
    const cpu = process.cpuUsage(cpuBefore);
    const off = limitsOff(t);
    t.stack.jira.clearFaults();
    const usage = await readUsage(t, startMs, INVOICES);
    const stats = usage.jira;

    const check = compareJiraWithWave(t.stack.jira, t.stack.wave, {
      invoiceIds: new Set(lifecycles.map((events) => events[0]!.invoiceId)),
    });
    const seconds = report.elapsedMs / 1000;
    const bound = limitBounds(usage);
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
      limitsOff: off,
      jiraRequests: countRequests(stats),
      jiraRateLimited: countRequests(stats, (entry) => entry.status === 429),
      jiraFailed: countRequests(stats, (entry) => entry.status >= 500),
      jiraPoints: stats.points.totalSpent,
      kvsWritesPerDelivery: usage.kvs.writes / report.deliveries,
      kvsWrites: usage.kvs.writes,
      kvsReads: usage.kvs.reads,
      kvsByOperation: usage.kvs.byOperation,
      kvsRefused: usage.kvs.refused,
      seconds,
      cpuShare: (cpu.user + cpu.system) / 1e3 / report.elapsedMs,
      throughputPerSec: deliveries / seconds,
      bounds: bound.bounds,
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
