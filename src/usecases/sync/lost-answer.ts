import { UnavailableError } from '../../shared/errors';

/** What a look at Jira says about a write whose answer was lost. */
export type WriteState = 'applied' | 'not-applied' | 'unknown';

const ATTEMPTS = 3;

/**
 * Runs a non-repeatable write (a POST Jira may have applied although its answer was a 5xx or never came).
 * When the outcome is unknown it looks (`check`): applied → done; not applied → writes again, at most
 * three times in all; anything else → the original error, and Wave's retry of the delivery takes over.
 * Recovering here saves the whole delivery being run again after Wave's backoff.
 */
export async function writeOnceDespiteLostAnswers(
  write: () => Promise<void>,
  check: () => Promise<WriteState>,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await write();
      return;
    } catch (error) {
      if (!(error instanceof UnavailableError) || !error.outcomeUnknown || attempt >= ATTEMPTS) throw error;
      const state = await check();
      if (state === 'applied') return;
      if (state === 'unknown') throw error;
    }
  }
}
