import { getAppConfig, saveAppConfig } from '../../adapters/storage/config';
import { saveWaveTokens } from '../../adapters/storage/secrets';
import { markWaveConnected } from '../../adapters/storage/wave-connection';
import type { TimeBudget } from '../../shared/time-budget';
import { listBusinessesWithToken } from './wave-businesses';

/** Full-access tokens do not expire on a schedule; a far date keeps the token manager from refreshing. */
const PASTED_TOKEN_LIFETIME_MS = 10 * 365 * 24 * 60 * 60_000;

/**
 * Development shortcut: a full-access token pasted by an admin. It is checked against Wave
 * first, then stored in secret storage like OAuth tokens (without a refresh token).
 */
export async function connectWithPastedToken(accessToken: string, budget: TimeBudget): Promise<void> {
  const businesses = await listBusinessesWithToken(accessToken, budget);
  const onlyBusiness = businesses.length === 1 ? businesses[0] : undefined;
  await saveWaveTokens({
    accessToken,
    refreshToken: '',
    expiresAt: budget.now() + PASTED_TOKEN_LIFETIME_MS,
    obtainedAt: budget.now(),
    ...(onlyBusiness ? { businessId: onlyBusiness.id } : {}),
  });
  await markWaveConnected(budget.now());
  const config = await getAppConfig();
  if (onlyBusiness && !config.connectedBusinessId)
    await saveAppConfig({ ...config, connectedBusinessId: onlyBusiness.id });
}
