import { getAppConfig, saveAppConfig } from '../../adapters/storage/config';
import { consumeOAuthState } from '../../adapters/storage/oauth-state';
import { WaveOAuthClient } from '../../adapters/wave/wave-oauth';
import { connectWave } from '../../adapters/wave/wave-tokens';
import { isAppError } from '../../shared/errors';
import { ownValue } from '../../shared/own';
import type { TimeBudget } from '../../shared/time-budget';

const START_AGAIN = 'Start again with "Connect to Wave" on the app\'s admin page.';

/** RFC 6749 error codes Wave may send back, in words. */
const WAVE_ERRORS: Record<string, string> = {
  access_denied: "Access was denied on Wave's consent page.",
  invalid_scope: 'Wave refused the permissions the app asks for.',
  unauthorized_client: 'Wave does not allow this OAuth client to connect.',
  unsupported_response_type: 'Wave refused the kind of sign-in the app asked for.',
  server_error: 'Wave had an internal error.',
  temporarily_unavailable: 'Wave is temporarily unavailable.',
};

/** What Wave's redirect brought back (query parameters of the redirect URI). */
export interface OAuthRedirect {
  state?: string;
  code?: string;
  error?: string;
}

/** Connected, or why not (for a person) with the HTTP status the redirect is answered with. */
export type FinishOAuthOutcome = { ok: true } | { ok: false; status: 400 | 500 | 502; detail: string };

const refused = (status: 400 | 500 | 502, detail: string): FinishOAuthOutcome => ({ ok: false, status, detail });

/**
 * Finishes "Connect to Wave": checks the `state` the admin page issued (once, within 15 minutes), exchanges the
 * code for tokens (kept in secret storage), and remembers the business Wave named as the connected one.
 */
export async function finishWaveOAuth(redirect: OAuthRedirect, budget: TimeBudget): Promise<FinishOAuthOutcome> {
  // Checked first, so a forged redirect (with or without an error) cannot use up someone's state.
  const stateRecord = await consumeOAuthState(redirect.state);
  if (!stateRecord)
    return refused(
      400,
      `This sign-in link has expired, was already used, or did not start from the app. ${START_AGAIN}`,
    );
  if (redirect.error)
    return refused(400, `${ownValue(WAVE_ERRORS, redirect.error) ?? 'Wave reported an error.'} ${START_AGAIN}`);
  if (!redirect.code) return refused(400, `Wave sent no authorisation code. ${START_AGAIN}`);

  try {
    const connected = await connectWave(
      new WaveOAuthClient({ budget }),
      redirect.code,
      stateRecord.redirectUri,
      budget.now(),
    );
    const config = await getAppConfig();
    if (connected.businessId && config.connectedBusinessId !== connected.businessId) {
      await saveAppConfig({ ...config, connectedBusinessId: connected.businessId });
    }
    return { ok: true };
  } catch (error) {
    if (isAppError(error))
      return refused(
        error.httpStatus === 400 ? 400 : 502,
        `${error.message[0]?.toUpperCase()}${error.message.slice(1)}. ${START_AGAIN}`,
      );
    console.error('wave-oauth-callback failed', error instanceof Error ? error.name : 'unknown error');
    return refused(500, `Something went wrong while finishing the connection. ${START_AGAIN}`);
  }
}
