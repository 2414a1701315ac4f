import { kvs } from '@forge/kvs';
import type { WalkPosition } from '../../domain/keeper/walk-position';
import { storageKeys } from './keys';

/** The one backfill of this installation: where it is, and what the admin page shows of it. */
export interface BackfillRecord {
  runId: string;
  /** YYYY-MM-DD: invoices created or changed on or after this day (UTC). */
  fromDate: string;
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  /** Issues the backfill created (the rest were already in Jira). */
  created: number;
  /** Invoices that could not be synced (each one is in the activity log). */
  skipped: number;
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
  /** Why it stopped; safe to show. */
  lastError?: string;
  position: WalkPosition;
}

export async function getBackfill(): Promise<BackfillRecord | undefined> {
  return kvs.get<BackfillRecord>(storageKeys.backfill());
}

export async function saveBackfill(record: BackfillRecord): Promise<void> {
  await kvs.set(storageKeys.backfill(), record);
}
