import { NotConfiguredError, UnavailableError } from '../../shared/errors';
import { sleep as realSleep } from '../../shared/retry';
import type { TimeBudget } from '../../shared/time-budget';
import { storageKeys } from '../storage/keys';
import { tryAcquireLock } from '../storage/kvs-lock';
import { getWaveTokens, saveWaveTokens, type StoredWaveTokens } from '../storage/secrets';
import { getWaveConnection, markWaveConnected, markWaveReconnectNeeded } from '../storage/wave-connection';
import { WaveReconnectNeededError } from './wave-errors';
import type { WaveOAuthClient } from './wave-oauth';

/** What the GraphQL client needs from token handling. */
export interface WaveAccessTokens {
  accessToken(): Promise<string>;
  /** Called after Wave rejected `rejectedAccessToken`; returns a token that is newer. */
  refreshAfterRejection(rejectedAccessToken: string): Promise<string>;
}

export interface WaveTokenManagerOptions {
  oauth: Pick<WaveOAuthClient, 'refresh'>;
  budget: TimeBudget;
  /** Refresh this long before the access token expires. */
  refreshSkewMs?: number;
  /** Longer than one token request may take, so a dead refresher cannot block for long. */
  lockTtlSeconds?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Access and refresh tokens in KVS secret storage. Refreshing is single-flight across
 * concurrent invocations: the holder of a KVS lock refreshes and saves the rotated refresh
 * token before anyone uses the new access token; the others wait and re-read.
 */
export class WaveTokenManager implements WaveAccessTokens {
  constructor(private readonly options: WaveTokenManagerOptions) {}

  async accessToken(): Promise<string> {
    const tokens = await this.storedTokens();
    const skew = this.options.refreshSkewMs ?? 60_000;
    if (tokens.expiresAt - skew > this.options.budget.now()) return tokens.accessToken;
    return this.refreshAfterRejection(tokens.accessToken);
  }

  async refreshAfterRejection(rejectedAccessToken: string): Promise<string> {
    const { budget } = this.options;
    const pollMs = this.options.pollMs ?? 200;
    const wait = this.options.sleep ?? realSleep;
    for (;;) {
      const current = await this.storedTokens();
      if (current.accessToken !== rejectedAccessToken) return current.accessToken;
      if ((await getWaveConnection()).state === 'reconnect-needed') throw new WaveReconnectNeededError();

      const lock = await tryAcquireLock(storageKeys.tokenRefreshLock(), this.options.lockTtlSeconds ?? 30);
      if (lock) {
        try {
          return await this.refreshHoldingLock(rejectedAccessToken);
        } finally {
          await lock.release();
        }
      }
      if (!budget.canWait(pollMs))
        throw new UnavailableError('Wave access is being renewed by another request; try again shortly', 5);
      await wait(pollMs);
    }
  }

  private async refreshHoldingLock(rejectedAccessToken: string): Promise<string> {
    // Another invocation may have finished a refresh between our read and taking the lock.
    const latest = await this.storedTokens();
    if (latest.accessToken !== rejectedAccessToken) return latest.accessToken;
    if (!latest.refreshToken) {
      // A pasted development token cannot be renewed: once Wave refuses it, only a reconnect helps.
      const reason = 'Wave refused the pasted access token, which cannot be renewed';
      await markWaveReconnectNeeded(reason, this.options.budget.now());
      throw new WaveReconnectNeededError(`${reason}; connect Wave (or paste a new token) on the admin page`);
    }
    let fresh: StoredWaveTokens;
    try {
      fresh = await this.options.oauth.refresh(latest.refreshToken, latest.redirectUri);
    } catch (error) {
      if (error instanceof WaveReconnectNeededError)
        await markWaveReconnectNeeded("Wave refused to renew the app's access", this.options.budget.now());
      throw error;
    }
    // The old refresh token may already be dead: persist the rotated one before anything else.
    await saveWaveTokens({ ...latest, ...fresh, obtainedAt: fresh.obtainedAt ?? this.options.budget.now() });
    return fresh.accessToken;
  }

  private async storedTokens(): Promise<StoredWaveTokens> {
    const tokens = await getWaveTokens();
    if (!tokens) throw new NotConfiguredError('Wave is not connected; connect it on the admin page');
    return tokens;
  }
}

/** Completes the OAuth connection: exchanges the code, stores the tokens, marks Wave connected. */
export async function connectWave(
  oauth: Pick<WaveOAuthClient, 'exchangeCode'>,
  code: string,
  redirectUri: string,
  now: number = Date.now(),
): Promise<{ businessId?: string; userId?: string; scope?: string }> {
  const tokens = await oauth.exchangeCode(code, redirectUri);
  await saveWaveTokens({ ...tokens, obtainedAt: tokens.obtainedAt ?? now });
  await markWaveConnected(now);
  const { businessId, userId, scope } = tokens;
  return { ...(businessId ? { businessId } : {}), ...(userId ? { userId } : {}), ...(scope ? { scope } : {}) };
}
