import { pushWork } from '../../adapters/queue/work-queue';
import { recordDelivery } from '../../adapters/storage/activity-log';
import { getBackfill, saveBackfill, type BackfillRecord } from '../../adapters/storage/backfill-state';
import { storageKeys } from '../../adapters/storage/keys';
import { tryAcquireLock } from '../../adapters/storage/kvs-lock';
import type { WaveInvoice } from '../../domain/wave-webhook/types';
import type { TimeBudget } from '../../shared/time-budget';
import { UnavailableError } from '../../shared/errors';
import { applyWaveInvoice } from '../reconcile/apply-wave-record';
import { describeFailure, isRunWideFailure } from '../reconcile/failures';
import { invoiceLister, readChanges } from '../reconcile/wave-change-feed';
import { createSyncContext, type SyncContext } from '../sync-context';

const PAGE_SIZE = 50;
/** Longer than one consumer invocation (900 s). */
const LOCK_TTL_SECONDS = 16 * 60;
/** Stop starting pages with less than this left, and queue the rest. */
const PAGE_RESERVE_MS = 120_000;
/** Forge's async events wait at most 15 minutes before delivery. */
const MAX_QUEUE_DELAY_SECONDS = 900;

/**
 * One queue event's share of a backfill: pages of invoices until the time is nearly up, progress
 * saved after each page, the rest queued. Invoices already in Jira cost a KVS read and nothing
 * else. An invoice Jira refuses is skipped and logged; Jira, Wave or the app's storage busy or down pauses the run,
 * which goes on by itself when they are back; a failure an admin must fix (Wave access revoked, not configured)
 * stops it as "failed" with its reason, to be resumed from the admin page.
 */
export async function runBackfillStep(runId: string, budget: TimeBudget): Promise<void> {
  const lock = await tryAcquireLock(storageKeys.keeperLock('backfill'), LOCK_TTL_SECONDS);
  if (!lock) {
    // Another step holds the run, or a step that could not let go (its release met a spent quota) until the lock
    // expires: look again in a minute rather than leave a running backfill without a next step.
    const record = await getBackfill();
    if (record?.runId === runId && record.state === 'running')
      await pushWork({ kind: 'backfill', runId }, { delayInSeconds: 60 });
    return;
  }
  try {
    const record = await getBackfill();
    if (!record || record.runId !== runId || record.state !== 'running') return;
    await importPages(record, budget);
  } finally {
    await lock.release();
  }
}

async function importPages(start: BackfillRecord, budget: TimeBudget): Promise<void> {
  let record = start;
  try {
    const ctx = await createSyncContext(budget);
    const businessId = await ctx.connectedBusinessId();
    const list = invoiceLister(ctx.wave(), businessId);
    for (;;) {
      if (!budget.canWait(PAGE_RESERVE_MS)) {
        await saveBackfill({ ...record, updatedAt: budget.now() });
        await pushWork({ kind: 'backfill', runId: record.runId });
        return;
      }
      const page = await readChanges(list, record.position, PAGE_SIZE);
      const counts = await importInvoices(ctx, page.fresh, businessId, () => stillRunning(start.runId));
      // Cancelled by an admin: the record says so, and wins. The page is left unsaved; a resumed run reads it again
      // and finds what was imported already in Jira.
      if (counts === 'cancelled') return;
      const done = record.done + page.fresh.length;
      record = {
        ...record,
        position: page.position,
        done,
        total: done + page.remaining,
        created: record.created + counts.created,
        alreadyInJira: (record.alreadyInJira ?? 0) + counts.alreadyInJira,
        skipped: record.skipped + counts.skipped,
        updatedAt: budget.now(),
      };
      if (page.finished) {
        await finish(record, budget.now());
        return;
      }
      await saveBackfill(record);
    }
  } catch (error) {
    const reason = describeFailure(error);
    if (error instanceof UnavailableError) {
      // Busy or down for a while (a quota spent for the minute or the hour, an outage): the run waits and goes on.
      await saveBackfill({ ...record, lastError: reason, updatedAt: budget.now() });
      const delayInSeconds = Math.min(MAX_QUEUE_DELAY_SECONDS, Math.max(60, error.retryAfterSeconds));
      await pushWork({ kind: 'backfill', runId: record.runId }, { delayInSeconds });
      return;
    }
    await saveBackfill({ ...record, state: 'failed', lastError: reason, updatedAt: budget.now() });
    await recordDelivery({
      receivedAt: budget.now(),
      outcome: 'failed',
      eventType: 'backfill',
      reason: `The backfill from ${record.fromDate} stopped at ${record.done} of ${record.total}: ${reason} Start it again to resume.`,
    });
  }
}

/** Imports a page of invoices, looking before each one whether the run was cancelled meanwhile. */
async function importInvoices(
  ctx: SyncContext,
  invoices: WaveInvoice[],
  businessId: string,
  running: () => Promise<boolean>,
): Promise<{ created: number; alreadyInJira: number; skipped: number } | 'cancelled'> {
  let created = 0;
  let alreadyInJira = 0;
  let skipped = 0;
  for (const invoice of invoices) {
    if (!(await running())) return 'cancelled';
    try {
      if ((await applyWaveInvoice(ctx, invoice, 'backfill', businessId)).created) created += 1;
      else alreadyInJira += 1;
    } catch (error) {
      if (isRunWideFailure(error)) throw error;
      skipped += 1;
      await recordDelivery({
        receivedAt: ctx.budget.now(),
        outcome: 'failed',
        eventType: 'backfill',
        invoiceNumber: invoice.invoiceNumber,
        reason: `The backfill skipped invoice ${invoice.invoiceNumber}: ${describeFailure(error)}`,
      });
    }
  }
  return { created, alreadyInJira, skipped };
}

/** Whether the run is still the current one and running (an admin may cancel it at any time). */
async function stillRunning(runId: string): Promise<boolean> {
  const latest = await getBackfill();
  return latest?.runId === runId && latest.state === 'running';
}

async function finish(record: BackfillRecord, now: number): Promise<void> {
  await saveBackfill({ ...record, state: 'done', total: record.done, finishedAt: now });
  const skipped = record.skipped > 0 ? `, ${record.skipped} skipped (listed in the activity log)` : '';
  await recordDelivery({
    receivedAt: now,
    outcome: 'processed',
    eventType: 'backfill',
    reason: `Backfill from ${record.fromDate} finished: ${record.done} invoices checked, ${record.created} new issues, ${record.alreadyInJira ?? 0} already in Jira${skipped}.`,
  });
}
