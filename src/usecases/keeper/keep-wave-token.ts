import { recordDelivery } from '../../adapters/storage/activity-log';
import { getKeeperState, updateKeeperState } from '../../adapters/storage/keeper-state';
import { getWaveTokens } from '../../adapters/storage/secrets';
import { getWaveConnection } from '../../adapters/storage/wave-connection';
import { WaveReconnectNeededError } from '../../adapters/wave/wave-errors';
import { WaveOAuthClient } from '../../adapters/wave/wave-oauth';
import { WaveTokenManager } from '../../adapters/wave/wave-tokens';
import type { TimeBudget } from '../../shared/time-budget';
import { describeFailure } from '../reconcile/failures';

/** The keeper runs hourly: renew a token that would expire before the run after next could. */
export const REFRESH_AHEAD_MS = 70 * 60_000;

export type TokenKeepingResult = 'fresh' | 'refreshed' | 'not-connected' | 'reconnect-needed' | 'failed';

/**
 * Renews Wave's access token ahead of its expiry (single flight across invocations, the rotated
 * refresh token saved first: WaveTokenManager). A refusal for good (`invalid_grant`) marks the
 * connection "reconnect needed" and says so in the activity log, once.
 */
export async function keepWaveTokenFresh(budget: TimeBudget): Promise<TokenKeepingResult> {
  const now = budget.now();
  const [tokens, connection] = await Promise.all([getWaveTokens(), getWaveConnection()]);
  // A pasted development token has no refresh token and does not expire on a schedule.
  if (!tokens || tokens.refreshToken === '') return note(now, 'not-connected');
  // A delivery or the poll may have found out first (Wave refused a renewal): the keeper says so, once.
  if (connection.state === 'reconnect-needed') {
    if ((await getKeeperState('wave-token')).lastProblem) return note(now, 'reconnect-needed');
    return reconnectNeeded(now);
  }
  if (tokens.expiresAt - now > REFRESH_AHEAD_MS) return note(now, 'fresh');
  const manager = new WaveTokenManager({
    oauth: new WaveOAuthClient({ budget }),
    budget,
    refreshSkewMs: REFRESH_AHEAD_MS,
  });
  try {
    await manager.accessToken();
  } catch (error) {
    if (error instanceof WaveReconnectNeededError) return reconnectNeeded(now);
    return note(now, 'failed', describeFailure(error));
  }
  return note(now, 'refreshed');
}

async function reconnectNeeded(now: number): Promise<TokenKeepingResult> {
  await recordDelivery({
    receivedAt: now,
    source: 'keeper',
    outcome: 'failed',
    eventType: 'wave.token',
    reason:
      "Reconnect needed: Wave refused to renew the app's access (revoked or expired). Connect Wave again on the admin page; until then Wave's deliveries and the poll wait (Wave retries).",
  });
  return note(now, 'reconnect-needed', "Wave refused to renew the app's access; reconnect Wave on the admin page.");
}

/** Records the check; a problem stays shown until a check without one (a reconnect-needed state keeps its own). */
async function note(now: number, result: TokenKeepingResult, problem?: string): Promise<TokenKeepingResult> {
  await updateKeeperState('wave-token', (state) => {
    const { lastProblem, ...rest } = state;
    const keptProblem = problem
      ? { at: now, message: problem }
      : result === 'reconnect-needed'
        ? lastProblem
        : undefined;
    return {
      ...rest,
      lastCheckAt: now,
      ...(result === 'refreshed' ? { lastRefreshAt: now } : {}),
      ...(keptProblem ? { lastProblem: keptProblem } : {}),
    };
  });
  return result;
}
