/**
 * What is known of a backfill's progress: stored with the run, and shown on the admin page.
 * Types only, so the Custom UI can import it (through the resolvers' contract) without server code.
 */
export interface BackfillProgressFields {
  /** YYYY-MM-DD: invoices created or changed on or after this day (UTC). */
  fromDate: string;
  /** `cancelled`: an admin stopped it; starting it again from the same day resumes it. */
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** Invoices handled so far, of `total` (total can grow while invoices change during the run). */
  done: number;
  total: number;
  /** Issues the backfill created. */
  created: number;
  /** Invoices that already had their issue in Jira (brought up to date if Wave changed them). Absent before it was counted. */
  alreadyInJira?: number;
  /** Invoices that could not be synced (each one is in the activity log). */
  skipped: number;
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
  /** Why it stopped; safe to show. Starting again from the same day resumes it. */
  lastError?: string;
}
