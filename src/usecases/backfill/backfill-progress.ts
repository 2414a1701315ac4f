import { getBackfill, type BackfillRecord } from '../../adapters/storage/backfill-state';

/** What the admin page shows of the backfill. */
export interface BackfillProgress {
  runId: string;
  fromDate: string;
  state: BackfillRecord['state'];
  /** Invoices handled so far, of `total` (total can grow while invoices change during the run). */
  done: number;
  total: number;
  /** New issues; the rest were already in Jira. */
  created: number;
  skipped: number;
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
  /** Why it stopped; `startBackfill` with the same date resumes it. */
  lastError?: string;
}

export function progressOf(record: BackfillRecord): BackfillProgress {
  const { position: _position, ...progress } = record;
  return progress;
}

/** The current or last backfill, or null when none has run. */
export async function getBackfillProgress(): Promise<BackfillProgress | null> {
  const record = await getBackfill();
  return record ? progressOf(record) : null;
}
