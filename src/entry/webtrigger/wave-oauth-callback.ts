import { getAppConfig, saveAppConfig } from '../../adapters/storage/config';
import { WaveOAuthClient } from '../../adapters/wave/wave-oauth';
import { connectWave } from '../../adapters/wave/wave-tokens';
import { isAppError } from '../../shared/errors';
import { createTimeBudget, WEB_TRIGGER_BUDGET_MS } from '../../shared/time-budget';
import { consumeOAuthState } from '../resolvers/wave/oauth-state';
import { htmlResponse, type WebTriggerRequest, type WebTriggerResponse } from './http';
import { oauthResultPage } from './oauth-result-page';
import { ownValue } from '../../shared/own';

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

const query = (request: WebTriggerRequest, name: string): string | undefined => request.queryParameters?.[name]?.[0];

function failure(statusCode: number, detail: string): WebTriggerResponse {
  return htmlResponse(statusCode, oauthResultPage({ ok: false, title: 'Wave was not connected', detail }));
}

/**
 * Web trigger `wave-oauth-callback`, Wave's OAuth redirect URI: checks the `state` the admin page
 * issued (once, within 15 minutes), exchanges the code, keeps the tokens in secret storage.
 */
export async function waveOAuthCallback(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  if (request.method.toUpperCase() !== 'GET')
    return failure(405, "This address only receives Wave's sign-in redirect.");
  // Checked first, so a forged redirect (with or without an error) cannot use up someone's state.
  const stateRecord = await consumeOAuthState(query(request, 'state'));
  if (!stateRecord)
    return failure(
      400,
      `This sign-in link has expired, was already used, or did not start from the app. ${START_AGAIN}`,
    );

  const waveError = query(request, 'error');
  if (waveError) return failure(400, `${ownValue(WAVE_ERRORS, waveError) ?? 'Wave reported an error.'} ${START_AGAIN}`);
  const code = query(request, 'code');
  if (!code) return failure(400, `Wave sent no authorisation code. ${START_AGAIN}`);

  try {
    const budget = createTimeBudget({ limitMs: WEB_TRIGGER_BUDGET_MS, reserveMs: 1_000 });
    const connected = await connectWave(new WaveOAuthClient({ budget }), code, stateRecord.redirectUri, budget.now());
    const config = await getAppConfig();
    if (connected.businessId && config.connectedBusinessId !== connected.businessId) {
      await saveAppConfig({ ...config, connectedBusinessId: connected.businessId });
    }
    return htmlResponse(
      200,
      oauthResultPage({
        ok: true,
        title: 'Wave is connected',
        detail: 'The app can now read invoices and customers from Wave.',
      }),
    );
  } catch (error) {
    if (isAppError(error))
      return failure(
        error.httpStatus === 400 ? 400 : 502,
        `${error.message[0]?.toUpperCase()}${error.message.slice(1)}. ${START_AGAIN}`,
      );
    console.error('wave-oauth-callback failed', error instanceof Error ? error.name : 'unknown error');
    return failure(500, `Something went wrong while finishing the connection. ${START_AGAIN}`);
  }
}
