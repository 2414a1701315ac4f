import type { SyncOutcome } from '../../domain/sync';

/** What one synced event did, for the webhook's answer and the activity log. */
export interface SyncResult {
  outcome: SyncOutcome;
  issueKey?: string | undefined;
  invoiceNumber?: string | undefined;
  notes: string[];
  /** The delivery's activity-log entry was written with the record (one transaction). */
  logged?: boolean;
}
