import { getAppConfig } from '../../../adapters/storage/config';
import { getWaveOAuthClient, getWaveTokens, type StoredWaveTokens } from '../../../adapters/storage/secrets';
import { getWaveConnection } from '../../../adapters/storage/wave-connection';
import { WAVE_SCOPES } from '../../../adapters/wave/wave-oauth';
import type { TimeBudget } from '../../../shared/time-budget';
import type { ConnectionView, WaveBusinessView } from '../api';
import { WEB_TRIGGER_KEYS, webTriggerUrl } from '../../../adapters/forge/web-triggers';
import { describeWaveFailure, listConnectedBusinesses } from '../../../usecases/connect/wave-businesses';

/** A pasted (development) token has no refresh token and never expires on the app's side. */
export const isPastedToken = (tokens: StoredWaveTokens): boolean => tokens.refreshToken === '';

function tokenView(tokens: StoredWaveTokens): NonNullable<ConnectionView['token']> {
  if (isPastedToken(tokens)) return { kind: 'pasted' };
  // Tokens stored before `obtainedAt` was recorded lack it until their next refresh.
  const { obtainedAt } = tokens;
  return {
    kind: 'oauth',
    expiresAt: tokens.expiresAt,
    ...(typeof obtainedAt === 'number' ? { lastRefreshAt: obtainedAt } : {}),
    ...(tokens.scope ? { scope: tokens.scope } : {}),
  };
}

/** The Wave connection as the admin page shows it: never a token or the client secret. */
export async function connectionView(budget: TimeBudget): Promise<ConnectionView> {
  const [connection, client, tokens, config, redirectUri] = await Promise.all([
    getWaveConnection(),
    getWaveOAuthClient(),
    getWaveTokens(),
    getAppConfig(),
    webTriggerUrl(WEB_TRIGGER_KEYS.waveOAuthCallback),
  ]);
  const state = tokens
    ? connection.state
    : connection.state === 'reconnect-needed'
      ? 'reconnect-needed'
      : 'not-connected';
  let businesses: WaveBusinessView[] = [];
  let businessesError: string | undefined;
  if (tokens && state === 'connected') {
    try {
      businesses = await listConnectedBusinesses(budget);
    } catch (error) {
      businessesError = describeWaveFailure(error);
    }
  }
  const connectedBusinessId = config.connectedBusinessId ?? tokens?.businessId;
  return {
    serverNow: budget.now(),
    state,
    ...(connection.reason && state !== 'connected' ? { reason: connection.reason } : {}),
    ...(connection.updatedAt !== undefined && state === 'connected' ? { connectedAt: connection.updatedAt } : {}),
    clientIdSet: client !== undefined,
    ...(client ? { clientId: client.clientId } : {}),
    redirectUri,
    ...(tokens ? { token: tokenView(tokens) } : {}),
    ...(connectedBusinessId ? { connectedBusinessId } : {}),
    businesses,
    ...(businessesError ? { businessesError } : {}),
    scopes: scopesView(tokens),
  };
}

function scopesView(tokens: StoredWaveTokens | undefined): ConnectionView['scopes'] {
  const granted = tokens?.scope?.split(/\s+/).filter((scope) => scope !== '');
  if (!granted || granted.length === 0) return { requested: [...WAVE_SCOPES] };
  return {
    requested: [...WAVE_SCOPES],
    granted,
    invoiceWebhooks: granted.includes('invoice:read') || granted.includes('invoice:*'),
  };
}
