import { recordDelivery, type DeliveryRecord } from '../../adapters/storage/activity-log';
import type { AppConfig } from '../../adapters/storage/config';
import {
  getKeeperState,
  saveKeeperState,
  type BusinessPoll,
  type PollKeeping,
} from '../../adapters/storage/keeper-state';
import { storageKeys, type WaveLinkKind } from '../../adapters/storage/keys';
import { tryAcquireLock } from '../../adapters/storage/kvs-lock';
import { getWaveTokens } from '../../adapters/storage/secrets';
import { getWaveConnection } from '../../adapters/storage/wave-connection';
import type { WavePage } from '../../adapters/wave/wave-graphql';
import { finishWalk, startWalk, stepWalk, type KindPoll } from '../../domain/poll/change-walk';
import type { WaveCustomer, WaveInvoice } from '../../domain/wave-webhook/types';
import { UnavailableError } from '../../shared/errors';
import type { TimeBudget } from '../../shared/time-budget';
import { applyWaveCustomer, applyWaveInvoice, type AppliedRecord } from '../reconcile/apply-wave-record';
import { describeFailure, isRunWideFailure } from '../reconcile/failures';
import { createSyncContext, type SyncContext } from '../sync-context';
import type { SyncResult } from '../sync/sync-result';

/** Forge runs the poll every five minutes; a run stops well before the next is due and resumes there. */
export const POLL_BUDGET_MS = 240_000;
/** Longer than a run may take: a dead run frees the lock by itself before the run after next. */
const LOCK_TTL_SECONDS = 6 * 60;

/** How a run paces itself: it starts a page or a record only with this much time left. */
export interface PollPacing {
  pageSize: number;
  pageReserveMs: number;
  recordReserveMs: number;
}

export const DEFAULT_POLL_PACING: PollPacing = { pageSize: 50, pageReserveMs: 15_000, recordReserveMs: 5_000 };
/** After this many failed runs on one record it is skipped (and logged), so it blocks nothing. */
const SKIP_AFTER_FAILURES = 3;

export type PollResult =
  | { status: 'completed'; changes: number }
  /** Out of time: the next run resumes where this one stopped. */
  | { status: 'continues'; changes: number }
  /** Another run holds the lock. */
  | { status: 'busy' }
  | { status: 'paused'; reason: string }
  | { status: 'failed'; reason: string };

type AnyRecord = WaveInvoice | WaveCustomer;

interface Run {
  budget: TimeBudget;
  pacing: PollPacing;
  ctx: SyncContext;
  state: PollKeeping;
  startMs: number;
  changes: number;
}

/** The businesses whose changes reach Jira: the connected one and every one routed to a project. */
export function polledBusinesses(config: AppConfig): string[] {
  const ids = [config.connectedBusinessId, ...Object.keys(config.businessProjects)];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
}

/**
 * The five-minute poll: for each business, the invoices and customers Wave changed since the watermark, applied
 * through the webhook's own sync path (lock, exactly-once, ordering by `modifiedAt`). Where Wave sends webhooks it
 * is the safety net; where it sends none (no Pro plan, a pasted token, a webhook never registered) it is how
 * changes reach Jira, within five minutes. When nothing changed it costs one Wave request per business.
 */
export async function runPoll(budget: TimeBudget, pacing: PollPacing = DEFAULT_POLL_PACING): Promise<PollResult> {
  const lock = await tryAcquireLock(storageKeys.keeperLock('poll'), LOCK_TTL_SECONDS);
  if (!lock) return { status: 'busy' };
  try {
    return await pollHoldingLock(budget, pacing);
  } finally {
    await lock.release();
  }
}

async function pollHoldingLock(budget: TimeBudget, pacing: PollPacing): Promise<PollResult> {
  const state = await getKeeperState('poll');
  const [connection, tokens] = await Promise.all([getWaveConnection(), getWaveTokens()]);
  const paused =
    connection.state === 'reconnect-needed'
      ? 'Paused: Wave needs to be reconnected on the admin page.'
      : !tokens
        ? 'Paused: Wave is not connected.'
        : undefined;
  const ctx = await createSyncContext(budget);
  const businesses = polledBusinesses(ctx.config);
  if (paused || businesses.length === 0) {
    const reason = paused ?? 'Paused: no Wave business is connected.';
    for (const business of businesses) noteProblem(state, business, budget.now(), reason);
    await saveKeeperState('poll', state);
    return { status: 'paused', reason };
  }
  const run: Run = { budget, pacing, ctx, state, startMs: connection.connectedAt ?? budget.now(), changes: 0 };
  let status: 'completed' | 'continues' = 'completed';
  for (const business of businesses) {
    try {
      if ((await pollBusiness(run, business)) === 'out-of-time') status = 'continues';
    } catch (error) {
      const reason = describeFailure(error);
      noteProblem(state, business, budget.now(), reason);
      await saveKeeperState('poll', state);
      if (isRunWideFailure(error)) return { status: 'failed', reason };
    }
    if (status === 'continues') break;
  }
  return { status, changes: run.changes };
}

function noteProblem(state: PollKeeping, business: string, at: number, message: string): void {
  Object.assign(businessState(state, business), { lastRunAt: at, lastProblem: { at, message } });
}

/** The business's entry of the poll state (created on first use; ids are looked up as own keys only). */
function businessState(state: PollKeeping, business: string): BusinessPoll {
  if (!Object.hasOwn(state.businesses, business)) state.businesses[business] = { kinds: {} };
  return state.businesses[business] as BusinessPoll;
}

async function pollBusiness(run: Run, business: string): Promise<'done' | 'out-of-time'> {
  const { ctx, budget, state } = run;
  const poll = businessState(state, business);
  const changesBefore = run.changes;
  poll.lastRunAt = budget.now();
  const kinds: WaveLinkKind[] = ctx.config.features.customerIssues ? ['customer', 'invoice'] : ['invoice'];
  const kindState = (kind: WaveLinkKind): KindPoll => poll.kinds[kind] ?? { watermarkMs: run.startMs };
  // One request shows whether anything changed; walks that did not finish last time go on from their page.
  const probe = kinds.some((kind) => !kindState(kind).walk)
    ? await ctx.wave().probeChanges(business, run.pacing.pageSize)
    : undefined;
  if (probe?.businessName) poll.businessName = probe.businessName;
  const firstPages: Record<WaveLinkKind, WavePage<AnyRecord> | undefined> = {
    invoice: probe?.invoices,
    customer: probe?.customers,
  };
  const save = (): Promise<void> => saveKeeperState('poll', state);
  for (const kind of kinds) {
    const walked = await walkKind(run, business, poll, kind, kindState(kind), firstPages[kind], save);
    if (walked === 'out-of-time') {
      poll.changesInProgress = (poll.changesInProgress ?? 0) + run.changes - changesBefore;
      await save();
      return 'out-of-time';
    }
  }
  const changes = (poll.changesInProgress ?? 0) + run.changes - changesBefore;
  delete poll.lastProblem;
  delete poll.changesInProgress;
  Object.assign(poll, {
    lastCompletedAt: budget.now(),
    lastChanges: changes,
    totalChanges: (poll.totalChanges ?? 0) + changes,
  });
  await save();
  return 'done';
}

/** Reads one kind's pages newest first until the stop line; progress is saved after every page. */
async function walkKind(
  run: Run,
  business: string,
  poll: BusinessPoll,
  kind: WaveLinkKind,
  start: KindPoll,
  firstPage: WavePage<AnyRecord> | undefined,
  save: () => Promise<void>,
): Promise<'done' | 'out-of-time'> {
  let walk = start.walk ?? startWalk(start);
  for (;;) {
    const page = walk.page === 1 && firstPage ? firstPage : await listPage(run, business, kind, walk.page);
    const step = stepWalk(walk, page.items, run.pacing.pageSize);
    for (const record of step.fresh) {
      if (!run.budget.canWait(run.pacing.recordReserveMs)) {
        poll.kinds[kind] = { ...start, walk };
        return 'out-of-time';
      }
      try {
        await applyRecord(run, business, poll, kind, record);
      } catch (error) {
        // A record cut short because the run's time ran out is not a failure: the next run starts from it.
        if (!(error instanceof UnavailableError) || run.budget.canWait(run.pacing.recordReserveMs)) throw error;
        poll.kinds[kind] = { ...start, walk };
        return 'out-of-time';
      }
    }
    if (step.finished) {
      poll.kinds[kind] = finishWalk(start, step.walk);
      return 'done';
    }
    walk = step.walk;
    poll.kinds[kind] = { ...start, walk };
    await save();
    if (!run.budget.canWait(run.pacing.pageReserveMs)) return 'out-of-time';
  }
}

async function listPage(run: Run, business: string, kind: WaveLinkKind, page: number): Promise<WavePage<AnyRecord>> {
  const options = { businessId: business, newestFirst: true, page, pageSize: run.pacing.pageSize };
  return kind === 'invoice' ? run.ctx.wave().listInvoices(options) : run.ctx.wave().listCustomers(options);
}

const describeRecord = (kind: WaveLinkKind, record: AnyRecord): string =>
  'invoiceNumber' in record ? `Invoice ${record.invoiceNumber}` : `Customer ${(record as WaveCustomer).name}`;

async function applyRecord(run: Run, business: string, poll: BusinessPoll, kind: WaveLinkKind, record: AnyRecord) {
  const { budget, ctx } = run;
  const stuck = poll.stuck?.kind === kind && poll.stuck.id === record.id ? poll.stuck : undefined;
  const base = {
    receivedAt: budget.now(),
    source: 'poll' as const,
    businessId: business,
    eventType: `${kind}.changed`,
  };
  if (stuck && stuck.failures >= SKIP_AFTER_FAILURES) {
    delete poll.stuck;
    await recordDelivery({
      ...base,
      outcome: 'failed',
      reason: `The poll skipped ${describeRecord(kind, record)} after ${stuck.failures} failed attempts; it syncs again when it next changes in Wave.`,
    });
    return;
  }
  // What the poll brought is logged with the record it changed (one write); what it found already applied is not.
  const activityOf = (result: SyncResult): DeliveryRecord | undefined =>
    result.outcome !== 'processed'
      ? undefined
      : {
          ...base,
          outcome: 'processed',
          ...(result.invoiceNumber ? { invoiceNumber: result.invoiceNumber } : {}),
          ...(result.issueKey ? { issueKey: result.issueKey } : {}),
          reason:
            `Brought by the five-minute poll: ${describeRecord(kind, record)} changed in Wave at ${record.modifiedAt}. ${result.notes.join(' ')}`.trim(),
        };
  const recordCtx: SyncContext = { ...ctx, activityOf };
  let applied: AppliedRecord;
  try {
    applied =
      kind === 'invoice'
        ? await applyWaveInvoice(recordCtx, record as WaveInvoice, 'poll', business)
        : await applyWaveCustomer(recordCtx, record as WaveCustomer, 'poll', business);
  } catch (error) {
    if (!isRunWideFailure(error) && budget.canWait(run.pacing.recordReserveMs)) {
      poll.stuck = { kind, id: record.id, failures: (stuck?.failures ?? 0) + 1, modifiedAt: record.modifiedAt };
      await recordDelivery({
        ...base,
        outcome: 'failed',
        reason: `The poll could not apply ${describeRecord(kind, record)}: ${describeFailure(error)}`,
      });
    }
    throw error;
  }
  if (stuck) delete poll.stuck;
  if (applied.outcome === 'processed') run.changes += 1;
}
