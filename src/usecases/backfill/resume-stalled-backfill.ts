import { pushWork } from '../../adapters/queue/work-queue';
import { getBackfill, saveBackfill } from '../../adapters/storage/backfill-state';
import { BACKFILL_STALL_MS } from './backfill-timing';

/** The keeper's part: a running backfill whose invocation died (no progress for a while) is queued again. */
export async function resumeStalledBackfill(now: number): Promise<boolean> {
  const record = await getBackfill();
  if (!record || record.state !== 'running' || now - record.updatedAt < BACKFILL_STALL_MS) return false;
  await saveBackfill({ ...record, updatedAt: now });
  await pushWork({ kind: 'backfill', runId: record.runId });
  return true;
}
