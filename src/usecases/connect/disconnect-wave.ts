import { deleteWaveTokens } from '../../adapters/storage/secrets';
import { forgetWaveConnection } from '../../adapters/storage/wave-connection';
import { UnavailableError } from '../../shared/errors';
import type { TimeBudget } from '../../shared/time-budget';
import { removeJiraWebhooks } from '../keeper';
import { describeFailure } from '../reconcile/failures';

/**
 * Removes the connection: forgets Wave's tokens and the connection state (the OAuth client stays
 * for reconnecting), then deletes the dynamic webhooks the app registered in Jira. Tokens go
 * first, so the keeper, which keeps webhooks only while Wave is connected, registers none meanwhile.
 */
export async function disconnectWave(budget: TimeBudget): Promise<void> {
  await deleteWaveTokens();
  await forgetWaveConnection();
  try {
    await removeJiraWebhooks(budget);
  } catch (error) {
    throw new UnavailableError(
      `Wave is disconnected, but the app's webhooks in Jira could not be deleted yet (${describeFailure(error)}). Disconnect again to retry; the hourly keeper also deletes them.`,
      60,
    );
  }
}
