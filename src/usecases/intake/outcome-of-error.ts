import { JiraBadRequestError } from '../../adapters/jira/jira-errors';
import { BadRequestError, ConflictError, isAppError, NotConfiguredError, UnavailableError } from '../../shared/errors';
import type { IntakeOutcome } from './intake-outcome';

/** A lock held by another delivery of the same record is released within seconds. */
const BUSY_RETRY_SECONDS = 5;
/** An admin has to act (connect Wave, fix the configuration, a Jira screen): Wave's retries wait for it. */
const ADMIN_RETRY_SECONDS = 300;
const DEFAULT_RETRY_SECONDS = 30;

/**
 * The one place a failure while syncing becomes an answer. Only what can succeed later answers 503 (Wave
 * retries): a dependency down or rate-limited, a lock, a missing connection or configuration, Jira refusing
 * what an admin can fix. Input that can never become valid answers 422. Anything else is the app's own
 * fault: 500, and the body is kept so an admin can replay it once it is fixed.
 */
export function outcomeOfError(error: unknown): Exclude<IntakeOutcome, { kind: 'processed' }> {
  if (error instanceof UnavailableError) {
    return unavailable(Math.max(1, Math.ceil(error.retryAfterSeconds)), 'unavailable', error.message);
  }
  if (error instanceof ConflictError) return unavailable(BUSY_RETRY_SECONDS, 'busy', error.message);
  if (error instanceof NotConfiguredError) return unavailable(ADMIN_RETRY_SECONDS, 'not_configured', error.message);
  if (error instanceof BadRequestError && !(error instanceof JiraBadRequestError)) {
    return { kind: 'refused', status: 422, reason: 'invalid_data', message: error.message };
  }
  if (isAppError(error)) return unavailable(DEFAULT_RETRY_SECONDS, 'upstream', error.message);
  return {
    kind: 'failed',
    message: `the app failed to process this delivery (${error instanceof Error ? error.name : 'unknown error'}); it is kept for a replay`,
  };
}

function unavailable(retryAfterSeconds: number, reason: string, message: string): IntakeOutcome {
  return { kind: 'unavailable', retryAfterSeconds, reason, message };
}
