import type { SyncOutcome } from '../../domain/sync';

/**
 * What the intake did with one delivery, in the app's terms. Only the web trigger turns it into HTTP
 * (entry/webtrigger/intake-answer.ts); the admin page's test event and replay read it directly.
 */
export type IntakeOutcome =
  /** Jira reflects what Wave says now (or already did). */
  | { kind: Extract<SyncOutcome, 'processed' | 'duplicate' | 'stale' | 'unchanged'>; issueKey?: string }
  /** An event the app does not sync (estimates, unknown types, a business it is not connected to). */
  | { kind: 'ignored'; reason: string }
  /** Wave no longer knows the invoice: nothing to apply, and nothing Wave should retry. */
  | { kind: 'gone'; reason: string }
  /** The request itself is wrong: retrying it unchanged can never succeed. */
  | { kind: 'refused'; status: RefusalStatus; reason: string; message: string; allow?: string }
  /** Something that can succeed later (Jira or Wave down or busy, a lock, a missing connection): retry. */
  | { kind: 'unavailable'; retryAfterSeconds: number; reason: string; message: string }
  /** A fault of the app itself; the body is kept for a replay. */
  | { kind: 'failed'; message: string };

export type RefusalStatus = 400 | 401 | 405 | 413 | 422;

export type AcknowledgedOutcome = Extract<IntakeOutcome, { kind: SyncOutcome | 'gone' }>;

export function isAcknowledged(outcome: IntakeOutcome): outcome is AcknowledgedOutcome {
  return outcome.kind !== 'refused' && outcome.kind !== 'unavailable' && outcome.kind !== 'failed';
}

/** One line for people: the admin page's test event and replay show it. */
export function describeOutcome(outcome: IntakeOutcome): string {
  switch (outcome.kind) {
    case 'refused':
    case 'unavailable':
    case 'failed':
      return outcome.message;
    case 'ignored':
    case 'gone':
      return `${outcome.kind}: ${outcome.reason}`;
    default:
      return outcome.issueKey ? `${outcome.kind} (${outcome.issueKey})` : outcome.kind;
  }
}
