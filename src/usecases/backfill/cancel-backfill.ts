import { recordDelivery } from '../../adapters/storage/activity-log';
import { getBackfill, saveBackfill } from '../../adapters/storage/backfill-state';
import { NotFoundError } from '../../shared/errors';
import { progressOf, type BackfillProgress } from './backfill-progress';

/**
 * Stops a running backfill: its record says "cancelled", and the queue event importing it stops before its next
 * invoice (it reads the record before each one). Issues created so far stay; starting the backfill again from the
 * same day resumes where it stopped. A backfill that is not running is answered as it is.
 */
export async function cancelBackfill(now: number): Promise<BackfillProgress> {
  const record = await getBackfill();
  if (!record) throw new NotFoundError('no backfill has been started, so there is nothing to cancel');
  if (record.state !== 'running') return progressOf(record);
  const cancelled = { ...record, state: 'cancelled' as const, updatedAt: now, finishedAt: now };
  await saveBackfill(cancelled);
  await recordDelivery({
    receivedAt: now,
    outcome: 'ignored',
    eventType: 'backfill',
    reason: `The backfill from ${record.fromDate} was cancelled at ${record.done} of ${record.total} invoices (${record.created} new issues so far). Start it again from the same day to resume.`,
  });
  return progressOf(cancelled);
}
