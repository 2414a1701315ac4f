import { performance } from 'node:perf_hooks';
import { JIRA_POINTS_PER_HOUR } from '../local/jira-sandbox/settings/sandbox-settings';
import { compareJiraWithWave, type SyncCheck } from '../test/support/jira-vs-wave';
import type { TestStack } from '../test/support/test-stack';
import { sendLikeWave, type SenderClock } from '../test/support/wave-like-sender';
import { startBenchStack } from './bench-stack';
import { fixedWindowSeconds } from './limit-bounds';
import { alignClock, limitsOff, readUsage, resetUsage } from './platform-limits';
import { createMonthEnd, type QuotaDaySize } from './quota-day-workload';

/** The business: 20,000 invoices (over 2,000 customers) and a month-end of 5,000 events. */
const FULL_SIZE: QuotaDaySize = { invoices: 20_000, customers: 2_000, events: 5_000 };
/** A tenth of it, with the points quota scaled alike, runs in minutes; `--quota-day-scale=1` runs it full size. */
export const DEFAULT_QUOTA_DAY_SCALE = 0.1;
const SEED = 2026;
const CONCURRENCY = 12;
const HOUR_MS = 3_600_000;
const POLL_KEY = 'wave-poll';
const POLL_INTERVAL_MS = 5 * 60_000;
/** Past this, the run stops and reports Jira as not level. */
const GIVE_UP_HOURS = 24;
const TOP_OPERATIONS = 6;
const PROGRESS_MS = 30_000;
/** Wave sends the month-end's events evenly over its first hour (the rush), while the first poll backfills the book. */
const RUSH_MS = HOUR_MS;

export interface QuotaDayFigures {
  scale: number;
  invoices: number;
  customers: number;
  events: number;
  sends: number;
  views: number;
  payments: number;
  /** The quota as run: Jira's 65,000 points an hour × scale (the KVS and queue quotas stay Forge's). */
  pointsPerHour: number;
  limitsOff: string[];
  /** Whether Jira was level with Wave before the run gave up (GIVE_UP_HOURS). */
  level: boolean;
  /** Simulated hours from the month-end's start until every invoice in Jira shows what Wave says. */
  hours: number;
  /** The points the app's requests cost ÷ points per hour. */
  boundHours: number;
  /** The same with the quota's real hour windows (reset on the hour; the run starts on the hour): can be less. */
  windowBoundHours: number;
  hoursOverBound: number;
  points: number;
  pointsPerInvoice: number;
  /** Points by Jira operation, the largest first. */
  pointsByOperation: Record<string, number>;
  /** Jira requests refused because the hour's points were spent. */
  quotaRefusals: number;
  /** Answers to Wave that were not 2xx (each retried by Wave unless its attempts ran out). */
  deliveriesRefused: number;
  /** Events Wave gave up on (their changes still reach Jira through the poll). */
  gaveUp: number;
  lost: number;
  duplicates: number;
  mismatched: number;
  examples: string[];
  /** Wall time of the scenario, and the CPU share it got (the stack shares one event loop). */
  realSeconds: number;
  cpuShare: number;
}

const scaled = (value: number, scale: number) => Math.max(1, Math.round(value * scale));

/** The sender on the runtime clock: waiting for a retry moves the clock, running the polls that fall due. */
function onRuntimeClock(t: TestStack): SenderClock {
  return {
    now: () => t.stack.clock.now(),
    waitUntil: async (at) => {
      const ms = at - t.stack.clock.now();
      if (ms > 0) await t.stack.runtime.advanceClock(ms);
    },
  };
}

/** Moves the runtime clock to the next five-minute poll and lets it run; answers when the one after is due. */
async function runNextPoll(t: TestStack, nextPollAt: number | undefined): Promise<number | undefined> {
  const now = t.stack.clock.now();
  const answer = await t.stack.runtime.advanceClock(
    nextPollAt !== undefined && nextPollAt > now ? nextPollAt - now : POLL_INTERVAL_MS,
  );
  const last = answer.runs.filter((run) => run.key === POLL_KEY).at(-1);
  return last ? Date.parse(last.scheduledFor) + POLL_INTERVAL_MS : nextPollAt;
}

/** A line on stderr now and then: the run spends most of its wall time on work, little of its clock. */
function reportProgress(t: TestStack, startMs: number): void {
  const { points } = t.stack.jira.stats();
  const kvs = t.stack.runtime.usage().kvs;
  const hours = ((t.stack.clock.now() - startMs) / HOUR_MS).toFixed(2);
  process.stderr.write(
    `quotaDay: +${hours} h on the clock, ${points.totalSpent} points (${points.refused} refused), ` +
      `${kvs?.writes ?? 0} KVS writes (${kvs?.refused ?? 0} refused)\n`,
  );
}

const isLevel = (check: SyncCheck) => check.lost.length + check.duplicates.length + check.mismatched.length === 0;

/**
 * A business with 20,000 invoices, all changed since the app connected and none in Jira yet (the first poll after
 * connecting finds them), meets its month-end: 5,000 events (sends, views, payments) sent evenly over the first
 * hour by a Wave-like sender (12 at once, Wave's backoff), each change made in Wave as its event is first sent. Every limit is on; the points
 * quota is Jira's hourly budget (scaled with the workload). Wave's retries, the app's 503s and the five-minute
 * poll all run on the runtime clock, which jumps ahead whenever nothing is due: `hours` is how long, on that clock,
 * until Jira is level with Wave, against `boundHours`, the points the app's requests cost over the hourly budget.
 */
export async function runQuotaDay(scale: number = DEFAULT_QUOTA_DAY_SCALE): Promise<QuotaDayFigures> {
  const size: QuotaDaySize = {
    invoices: scaled(FULL_SIZE.invoices, scale),
    customers: scaled(FULL_SIZE.customers, scale),
    events: scaled(FULL_SIZE.events, scale),
  };
  const pointsPerHour = scaled(JIRA_POINTS_PER_HOUR, scale);
  const t = await startBenchStack();
  try {
    t.stack.jira.updateSettings({ pointsQuota: { pointsPerHour } });
    await alignClock(t, HOUR_MS);
    const startMs = await resetUsage(t);
    const realStart = performance.now();
    const cpuBefore = process.cpuUsage();
    const progress = setInterval(() => reportProgress(t, startMs), PROGRESS_MS).unref();

    const monthEnd = await createMonthEnd(t, size, SEED);
    const rushStart = t.stack.clock.now();
    const report = await sendLikeWave(monthEnd.deliveries, {
      concurrency: CONCURRENCY,
      sendAt: monthEnd.deliveries.map((_, index) => rushStart + (index * RUSH_MS) / monthEnd.deliveries.length),
      post: (body) => t.post(body),
      clock: onRuntimeClock(t),
      beforeFirstSend: monthEnd.changeFor,
    });
    const invoiceIds = new Set(monthEnd.invoiceIds);
    let check = compareJiraWithWave(t.stack.jira, t.stack.wave, { invoiceIds });
    let nextPollAt: number | undefined;
    while (!isLevel(check) && t.stack.clock.now() - startMs < GIVE_UP_HOURS * HOUR_MS) {
      nextPollAt = await runNextPoll(t, nextPollAt);
      check = compareJiraWithWave(t.stack.jira, t.stack.wave, { invoiceIds });
    }
    clearInterval(progress);
    const hours = (t.stack.clock.now() - startMs) / HOUR_MS;
    const cpu = process.cpuUsage(cpuBefore);
    const realMs = performance.now() - realStart;

    const off = limitsOff(t);
    const { points } = (await readUsage(t, startMs, size.invoices)).jira;
    const boundHours = points.totalSpent / pointsPerHour;
    const operations = Object.entries(points.byOperation).sort(([, a], [, b]) => b.points - a.points);
    return {
      scale,
      ...size,
      ...monthEnd.events,
      pointsPerHour,
      limitsOff: off,
      level: isLevel(check),
      hours,
      boundHours,
      windowBoundHours: fixedWindowSeconds(points.totalSpent, pointsPerHour, HOUR_MS, startMs) / 3600,
      hoursOverBound: hours / boundHours,
      points: points.totalSpent,
      pointsPerInvoice: points.totalSpent / size.invoices,
      pointsByOperation: Object.fromEntries(
        operations.slice(0, TOP_OPERATIONS).map(([operation, spent]) => [operation, spent.points]),
      ),
      quotaRefusals: points.refused,
      deliveriesRefused: report.refused,
      gaveUp: report.gaveUp,
      lost: check.lost.length,
      duplicates: check.duplicates.length,
      mismatched: check.mismatched.length,
      examples: [...check.lost, ...check.duplicates, ...check.mismatched].slice(0, 5),
      realSeconds: realMs / 1000,
      cpuShare: (cpu.user + cpu.system) / 1e3 / realMs,
    };
  } finally {
    await t.close();
  }
}
