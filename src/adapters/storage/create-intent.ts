/** A lost answer to a create is retried within hours at most; a day covers it. */
export const INTENT_TTL = { value: 1, unit: 'DAYS' } as const;

/**
 * Left by a delivery that failed after asking Jira to create an issue for a Wave record (`releaseRecordAfterFailure`),
 * so the next one finds the issue by id (reads by id are always current) or, when the answer was lost, by its
 * `wave-link` property through search (which lags). A holder that died leaves its lock instead (`record-lock.ts`).
 */
export interface CreateIntent {
  /** Epoch ms of the create request. */
  at: number;
  /** The created issue, once Jira answered. */
  issue?: { id: string; key: string };
}
