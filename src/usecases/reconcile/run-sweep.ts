import { recordDelivery } from '../../adapters/storage/activity-log';
import { getKeeperState, saveKeeperState, type SweepKeeping } from '../../adapters/storage/keeper-state';
import { storageKeys, type WaveLinkKind } from '../../adapters/storage/keys';
import { tryAcquireLock } from '../../adapters/storage/kvs-lock';
import { getWaveTokens } from '../../adapters/storage/secrets';
import { getWaveConnection } from '../../adapters/storage/wave-connection';
import type { ChangedRecord } from '../../domain/keeper/change-cursor';
import { instantMs } from '../../domain/keeper/change-cursor';
import { walkFrom } from '../../domain/keeper/walk-position';
import type { WaveCustomer, WaveInvoice } from '../../domain/wave-webhook/types';
import type { TimeBudget } from '../../shared/time-budget';
import { createSyncContext, type SyncContext } from '../sync-context';
import { applyWaveCustomer, applyWaveInvoice, type AppliedRecord } from './apply-wave-record';
import { describeFailure, isRunWideFailure } from './failures';
import { customerLister, invoiceLister, readChanges, type WaveLister } from './wave-change-feed';

const DAY_MS = 24 * 60 * 60_000;
const PAGE_SIZE = 100;
/** The first sweep looks back a week: Wave gives up retrying a delivery within days. */
const FIRST_SWEEP_LOOKBACK_MS = 7 * DAY_MS;
/** Each sweep re-reads a few minutes it already covered, for changes Wave made visible late. */
const OVERLAP_MS = 5 * 60_000;
/** After this many failed sweeps on one record it is skipped (and logged), so it blocks nothing. */
const SKIP_AFTER_FAILURES = 3;
/** Longer than one consumer invocation (900 s): a dead sweep frees the lock by itself. */
const LOCK_TTL_SECONDS = 16 * 60;
const PAGE_RESERVE_MS = 120_000;
const RECORD_RESERVE_MS = 30_000;

export type SweepResult =
  | { status: 'completed'; repairs: number }
  /** Out of time: the caller queues a continuation. */
  | { status: 'continues'; repairs: number }
  /** Another sweep holds the lock. */
  | { status: 'busy' }
  | { status: 'paused'; reason: string }
  | { status: 'failed'; reason: string };

interface KindSpec<T extends ChangedRecord> {
  kind: WaveLinkKind;
  list: WaveLister<T>;
  apply(ctx: SyncContext, record: T, businessId: string): Promise<AppliedRecord>;
  describe(record: T): string;
}

/** What a sweep changes as it goes: saved after every page, and when it stops. */
interface Progress {
  state: SweepKeeping;
  repairs: number;
}

interface Sweep extends Progress {
  budget: TimeBudget;
  ctx: SyncContext;
  businessId: string;
}

/**
 * Reconciliation: asks Wave for the invoices and customers changed since the last sweep and applies
 * whatever a lost or abandoned webhook left out, through the webhook's own sync path. Repairs go to
 * the activity log. One sweep at a time; it resumes where it stopped.
 */
export async function runSweep(budget: TimeBudget): Promise<SweepResult> {
  const lock = await tryAcquireLock(storageKeys.keeperLock('sweep'), LOCK_TTL_SECONDS);
  if (!lock) return { status: 'busy' };
  try {
    return await sweepHoldingLock(budget);
  } finally {
    await lock.release();
  }
}

async function sweepHoldingLock(budget: TimeBudget): Promise<SweepResult> {
  const state = await getKeeperState('sweep');
  const paused = await pauseReason();
  if (paused) {
    await saveKeeperState('sweep', { ...state, lastProblem: { at: budget.now(), message: paused } });
    return { status: 'paused', reason: paused };
  }
  const progress: Progress = {
    state: { ...state, lastStartedAt: budget.now() },
    repairs: state.repairsInProgress ?? 0,
  };
  try {
    const ctx = await createSyncContext(budget);
    const sweep: Sweep = Object.assign(progress, { budget, ctx, businessId: await ctx.connectedBusinessId() });
    // Customers first, so invoice issues created now can link to their customer's issue.
    const walks = [
      ...(ctx.config.features.customerIssues ? [() => sweepKind(sweep, customerSpec(sweep))] : []),
      () => sweepKind(sweep, invoiceSpec(sweep)),
    ];
    for (const walk of walks) {
      if ((await walk()) === 'out-of-time') {
        await saveKeeperState('sweep', { ...progress.state, repairsInProgress: progress.repairs });
        return { status: 'continues', repairs: progress.repairs };
      }
    }
  } catch (error) {
    const reason = describeFailure(error);
    await saveKeeperState('sweep', {
      ...progress.state,
      repairsInProgress: progress.repairs,
      lastProblem: { at: budget.now(), message: reason },
    });
    return { status: 'failed', reason };
  }
  const { lastProblem: _solved, ...rest } = progress.state;
  await saveKeeperState('sweep', {
    ...rest,
    lastCompletedAt: budget.now(),
    lastRepairs: progress.repairs,
    repairsInProgress: 0,
    totalRepairs: (rest.totalRepairs ?? 0) + progress.repairs,
  });
  return { status: 'completed', repairs: progress.repairs };
}

async function pauseReason(): Promise<string | undefined> {
  const [connection, tokens] = await Promise.all([getWaveConnection(), getWaveTokens()]);
  if (connection.state === 'reconnect-needed') return 'Paused: Wave needs to be reconnected on the admin page.';
  if (!tokens) return 'Paused: Wave is not connected.';
  return undefined;
}

const invoiceSpec = (sweep: Sweep): KindSpec<WaveInvoice> => ({
  kind: 'invoice',
  list: (options) => invoiceLister(sweep.ctx.wave(), sweep.businessId)(options),
  apply: (ctx, invoice, businessId) => applyWaveInvoice(ctx, invoice, 'sweep', businessId),
  describe: (invoice) => `Invoice ${invoice.invoiceNumber}`,
});

const customerSpec = (sweep: Sweep): KindSpec<WaveCustomer> => ({
  kind: 'customer',
  list: (options) => customerLister(sweep.ctx.wave(), sweep.businessId)(options),
  apply: (ctx, customer, businessId) => applyWaveCustomer(ctx, customer, 'sweep', businessId),
  describe: (customer) => `Customer ${customer.name}`,
});

/** Walks one kind from where the last sweep got to; saves progress after every page. */
async function sweepKind<T extends ChangedRecord>(sweep: Sweep, spec: KindSpec<T>): Promise<'done' | 'out-of-time'> {
  const appliedUpTo = sweep.state.appliedUpToMs[spec.kind] ?? sweep.budget.now() - FIRST_SWEEP_LOOKBACK_MS;
  let position = walkFrom(appliedUpTo - OVERLAP_MS);
  let latestSeen = appliedUpTo;
  for (;;) {
    if (!sweep.budget.canWait(PAGE_RESERVE_MS)) return 'out-of-time';
    const page = await readChanges(spec.list, position, PAGE_SIZE);
    for (const record of page.fresh) {
      if (!sweep.budget.canWait(RECORD_RESERVE_MS)) return 'out-of-time';
      await applyRecord(sweep, spec, record);
      latestSeen = Math.max(latestSeen, instantMs(record.modifiedAt) ?? latestSeen);
    }
    position = page.position;
    sweep.state.usesFallback = position.order === 'newest-first';
    // The fallback walk goes newest first: only a finished walk says everything up to its newest record is applied.
    if (position.order === 'oldest-first')
      sweep.state.appliedUpToMs = {
        ...sweep.state.appliedUpToMs,
        [spec.kind]: Math.max(appliedUpTo, position.cursor.fromMs),
      };
    else if (page.finished) sweep.state.appliedUpToMs = { ...sweep.state.appliedUpToMs, [spec.kind]: latestSeen };
    await saveKeeperState('sweep', { ...sweep.state, repairsInProgress: sweep.repairs });
    if (page.finished) return 'done';
  }
}

async function applyRecord<T extends ChangedRecord>(sweep: Sweep, spec: KindSpec<T>, record: T): Promise<void> {
  const { state } = sweep;
  const stuck = state.stuck?.kind === spec.kind && state.stuck.id === record.id ? state.stuck : undefined;
  if (stuck && stuck.failures >= SKIP_AFTER_FAILURES) {
    state.stuck = undefined;
    await recordDelivery({
      receivedAt: sweep.budget.now(),
      outcome: 'failed',
      eventType: `${spec.kind}.updated`,
      reason: `The sweep skipped ${spec.describe(record)} after ${stuck.failures} failed attempts; it syncs again when it next changes in Wave.`,
    });
    return;
  }
  let applied: AppliedRecord;
  try {
    applied = await spec.apply(sweep.ctx, record, sweep.businessId);
  } catch (error) {
    if (!isRunWideFailure(error)) {
      state.stuck = { kind: spec.kind, id: record.id, failures: (stuck?.failures ?? 0) + 1 };
      await recordDelivery({
        receivedAt: sweep.budget.now(),
        outcome: 'failed',
        eventType: `${spec.kind}.updated`,
        reason: `The sweep could not apply ${spec.describe(record)}: ${describeFailure(error)}`,
      });
    }
    throw error;
  }
  if (stuck) state.stuck = undefined;
  if (applied.outcome !== 'processed') return;
  sweep.repairs += 1;
  await recordDelivery({
    receivedAt: sweep.budget.now(),
    outcome: 'processed',
    eventType: applied.eventType,
    eventId: applied.eventId,
    invoiceNumber: applied.invoiceNumber,
    issueKey: applied.issueKey,
    reason:
      `Repaired by the sweep: ${spec.describe(record)} changed in Wave at ${record.modifiedAt} and no webhook brought it. ${applied.notes.join(' ')}`.trim(),
  });
}
