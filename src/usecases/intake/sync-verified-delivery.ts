import { recordDelivery, type DeliveryRecord, type DeliverySource } from '../../adapters/storage/activity-log';
import { readDeliveryStart } from '../../adapters/storage/delivery-start';
import { canKeepDelivery, saveFailedDelivery } from '../../adapters/storage/failed-deliveries';
import type { FailureLog } from '../../adapters/storage/record-store';
import { parseDelivery, WaveEnvelopeError, type ParsedDelivery } from '../../domain/wave-webhook';
import { createTimeBudget, WEB_TRIGGER_BUDGET_MS } from '../../shared/time-budget';
import { createSyncContext } from '../sync-context';
import { syncWaveEvent } from '../sync/sync-event';
import type { SyncResult } from '../sync/sync-result';
import type { IntakeOutcome } from './intake-outcome';
import { outcomeOfError } from './outcome-of-error';

/**
 * Parses and syncs a delivery whose signature was verified (now, or when it first arrived, for a replay).
 * Every outcome lands in the activity log; a failure keeps the body so an admin can replay it.
 */
export async function syncVerifiedDelivery(
  rawBody: string,
  receivedAt: number,
  source: DeliverySource = 'webhook',
): Promise<IntakeOutcome> {
  let parsed: ParsedDelivery;
  try {
    parsed = parseDelivery(rawBody, new Date(receivedAt).toISOString());
  } catch (error) {
    if (!(error instanceof WaveEnvelopeError)) throw error;
    await recordDelivery({ receivedAt, source, outcome: 'rejected', reason: error.message });
    return { kind: 'refused', status: error.httpStatus, reason: error.kind, message: error.message };
  }
  const { event, format } = parsed;
  const facts: Omit<DeliveryRecord, 'outcome'> = {
    receivedAt,
    source,
    format,
    eventId: event.id,
    eventType: event.type,
    ...(event.businessId ? { businessId: event.businessId } : {}),
    ...('invoice' in event && !('thin' in event.invoice) ? { invoiceNumber: event.invoice.invoiceNumber } : {}),
  };
  const entryOf = (result: SyncResult): DeliveryRecord => ({
    ...facts,
    outcome: result.outcome,
    ...(result.invoiceNumber ? { invoiceNumber: result.invoiceNumber } : {}),
    ...(result.issueKey ? { issueKey: result.issueKey } : {}),
    reason: result.notes.join(' '),
  });
  const kept = canKeepDelivery(rawBody) ? { eventId: event.id, rawBody } : undefined;
  const failureOf = (error: unknown): FailureLog => {
    const outcome = outcomeOfError(error);
    const reason = 'message' in outcome ? outcome.message : outcome.kind;
    const activity: DeliveryRecord = { ...facts, outcome: outcome.kind === 'refused' ? 'rejected' : 'failed', reason };
    return kept ? { activity, kept } : { activity: withoutReplay(activity) };
  };
  let loggedWithRecord: unknown;
  let result: SyncResult;
  try {
    const start = await readDeliveryStart(event.id);
    // Already applied: Wave is told so, and nothing is locked, written or logged again.
    if (start.applied) return { kind: 'duplicate', ...start.applied };
    const budget = createTimeBudget({ limitMs: WEB_TRIGGER_BUDGET_MS, reserveMs: 1_000 });
    const ctx = await createSyncContext(budget, start.config);
    const failureLog = { of: failureOf, logged: (error: unknown) => (loggedWithRecord = error) };
    result = await syncWaveEvent({ ...ctx, activityOf: entryOf, failureLog }, event);
  } catch (error) {
    // Logged with the record it failed on (one write), or here, before any record was touched.
    if (loggedWithRecord !== error) await logFailure(failureOf(error));
    return outcomeOfError(error);
  }
  // The sync writes the entry with the record it changed (one KVS write); only what touched no record is left.
  if (!result.logged) await recordDelivery(entryOf(result));
  return outcomeOfSync(result);
}

function outcomeOfSync(result: SyncResult): IntakeOutcome {
  const reason = result.notes.join(' ');
  if (result.outcome === 'ignored' || result.outcome === 'gone') return { kind: result.outcome, reason };
  return { kind: result.outcome, ...(result.issueKey ? { issueKey: result.issueKey } : {}) };
}

const withoutReplay = (activity: DeliveryRecord): DeliveryRecord => ({
  ...activity,
  reason: `${activity.reason ?? ''} (the body could not be kept for a replay)`,
});

/** Storage may be what failed (its quota): the answer to Wave must not depend on logging the failure. */
async function logFailure(failure: FailureLog): Promise<void> {
  const kept = failure.kept ? await saveFailedDelivery(failure.kept).catch(() => false) : true;
  await recordDelivery(kept ? failure.activity : withoutReplay(failure.activity)).catch((logError: unknown) =>
    console.warn('wave-webhook: the failure could not be logged', nameOf(logError)),
  );
}

const nameOf = (error: unknown): string => (error instanceof Error ? error.name : 'unknown error');
