import { finishWaveOAuth } from '../../usecases/connect/finish-oauth';
import { createTimeBudget, WEB_TRIGGER_BUDGET_MS } from '../../shared/time-budget';
import { htmlResponse, type WebTriggerRequest, type WebTriggerResponse } from './http';
import { oauthResultPage } from './oauth-result-page';

const query = (request: WebTriggerRequest, name: string): string | undefined => request.queryParameters?.[name]?.[0];

function failure(statusCode: number, detail: string): WebTriggerResponse {
  return htmlResponse(statusCode, oauthResultPage({ ok: false, title: 'Wave was not connected', detail }));
}

/** Web trigger `wave-oauth-callback`, Wave's OAuth redirect URI: the redirect in, a page for the admin out. */
export async function waveOAuthCallback(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  if (request.method.toUpperCase() !== 'GET')
    return failure(405, "This address only receives Wave's sign-in redirect.");
  const state = query(request, 'state');
  const code = query(request, 'code');
  const error = query(request, 'error');
  const outcome = await finishWaveOAuth(
    { ...(state ? { state } : {}), ...(code ? { code } : {}), ...(error ? { error } : {}) },
    createTimeBudget({ limitMs: WEB_TRIGGER_BUDGET_MS, reserveMs: 1_000 }),
  );
  if (!outcome.ok) return failure(outcome.status, outcome.detail);
  return htmlResponse(
    200,
    oauthResultPage({
      ok: true,
      title: 'Wave is connected',
      detail: 'The app can now read invoices and customers from Wave.',
    }),
  );
}
