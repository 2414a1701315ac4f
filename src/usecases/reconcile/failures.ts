import { isAppError, NotConfiguredError, PermissionError, UnavailableError } from '../../shared/errors';

/**
 * A failure of the whole run (Jira or Wave down or rate-limited, the app not configured or not
 * allowed) rather than of one record: the run stops and the next one starts over from there.
 */
export function isRunWideFailure(error: unknown): boolean {
  return error instanceof UnavailableError || error instanceof NotConfiguredError || error instanceof PermissionError;
}

/** What an admin may read about a failure: the app's own messages, never raw upstream text or secrets. */
export function describeFailure(error: unknown): string {
  return isAppError(error) ? error.message : 'an unexpected error; the app logs have the details';
}
