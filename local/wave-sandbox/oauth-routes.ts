import express, { type Request, type Response } from 'express';
import { consentPage, errorPage } from './consent-page';
import type { OAuthStore, TokenResponse, GrantFailure } from './oauth-store';
import type { WaveState } from './state';

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

/**
 * Wave's OAuth 2 endpoints: GET|POST /oauth2/authorize/ (consent; `auto=1` skips the page) and
 * POST /oauth2/token/ (authorization_code, refresh_token). Error bodies follow RFC 6749.
 */
export function oauthRouter(state: WaveState, store: OAuthStore, client: OAuthClient): express.Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '64kb' });

  router.get('/oauth2/authorize', (req, res) => authorize(req, res, stringParams(req.query), state, store, client));
  router.post('/oauth2/authorize', form, (req, res) =>
    authorize(req, res, stringParams(req.body), state, store, client),
  );

  router.post('/oauth2/token', form, (req, res) => {
    res.set('cache-control', 'no-store');
    const params = stringParams(req.body);
    const credentials = clientCredentials(req, params);
    if (credentials.clientId !== client.clientId || credentials.clientSecret !== client.clientSecret) {
      res.status(401).json({ error: 'invalid_client', error_description: 'unknown client_id or wrong client_secret' });
      return;
    }
    const result = grant(params, store, client.clientId);
    if ('access_token' in result) res.json(result);
    else res.status(400).json(result);
  });
  return router;
}

type Params = Record<string, string>;

function authorize(
  req: Request,
  res: Response,
  params: Params,
  state: WaveState,
  store: OAuthStore,
  client: OAuthClient,
): void {
  const { client_id: clientId, redirect_uri: redirectUri, scope = '', state: clientState = '' } = params;
  // Without a known client and a usable redirect_uri there is nowhere safe to send an error: show it (RFC 6749 4.1.2.1).
  if (clientId !== client.clientId) return void res.status(400).type('html').send(errorPage('unknown client_id'));
  if (!redirectUri || !isHttpUrl(redirectUri))
    return void res.status(400).type('html').send(errorPage('redirect_uri must be an http(s) URL'));

  const redirect = (query: Params) => {
    const target = new URL(redirectUri);
    for (const [key, value] of Object.entries({ ...query, ...(clientState && { state: clientState }) }))
      target.searchParams.set(key, value);
    res.redirect(302, target.toString());
  };
  if (params.response_type !== 'code') return redirect({ error: 'unsupported_response_type' });
  if (scope.trim() === '') return redirect({ error: 'invalid_scope', error_description: 'scope is required' });
  const { plan } = state.settings();
  if (plan !== 'pro') {
    const description = `OAuth is available only for businesses on Wave Pro or Wave Advisor (this one is on ${plan}); use a full-access token`;
    return redirect({ error: 'access_denied', error_description: description });
  }

  const decided = req.method === 'POST' ? params.decision : params.auto === '1' ? 'allow' : undefined;
  if (decided === undefined) {
    res
      .type('html')
      .send(consentPage({ businessName: state.business.name, clientId, redirectUri, scope, state: clientState }));
    return;
  }
  if (decided !== 'allow') return redirect({ error: 'access_denied' });
  const { id: businessId, user } = state.business;
  redirect({ code: store.issueCode({ clientId, businessId, userId: user.id, scope: scope.trim() }, redirectUri) });
}

function grant(
  params: Params,
  store: OAuthStore,
  clientId: string,
): TokenResponse | GrantFailure | { error: string; error_description: string } {
  switch (params.grant_type) {
    case 'authorization_code':
      if (!params.code) return { error: 'invalid_request', error_description: 'code is required' };
      return store.exchangeCode(params.code, clientId, params.redirect_uri);
    case 'refresh_token':
      if (!params.refresh_token) return { error: 'invalid_request', error_description: 'refresh_token is required' };
      return store.refresh(params.refresh_token, clientId);
    case undefined:
      return { error: 'invalid_request', error_description: 'grant_type is required' };
    default:
      return {
        error: 'unsupported_grant_type',
        error_description: 'grant_type must be authorization_code or refresh_token',
      };
  }
}

/** client_secret_post or client_secret_basic. */
function clientCredentials(req: Request, params: Params): { clientId?: string; clientSecret?: string } {
  const basic = /^Basic\s+(.+)$/i.exec(req.get('authorization') ?? '');
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0)
      return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
  }
  return { clientId: params.client_id, clientSecret: params.client_secret };
}

/** RFC 6749 2.3.1: Basic credentials are form-encoded first. */
function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

function stringParams(source: unknown): Params {
  const params: Params = {};
  if (typeof source !== 'object' || source === null) return params;
  for (const [key, value] of Object.entries(source)) if (typeof value === 'string') params[key] = value;
  return params;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
