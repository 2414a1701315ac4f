import { BadRequestError, NotConfiguredError, UpstreamError } from '../../shared/errors';
import { parseRetryAfterMs, withRetries, type AttemptResult, type RetryPolicy } from '../../shared/retry';
import type { TimeBudget } from '../../shared/time-budget';
import { getWaveOAuthClient, type StoredWaveTokens } from '../storage/secrets';
import { defaultEgressFetch, type EgressFetch } from './egress-fetch';
import { WaveReconnectNeededError } from './wave-errors';

export const WAVE_AUTHORIZE_URL = 'https://api.waveapps.com/oauth2/authorize/';
export const WAVE_TOKEN_URL = 'https://api.waveapps.com/oauth2/token/';
export const WAVE_SCOPES = ['business:read', 'customer:read', 'invoice:read'] as const;
/** Wave's access tokens last about two hours when `expires_in` is missing. */
const DEFAULT_EXPIRES_IN_SECONDS = 7200;

export function buildAuthorizeUrl(params: { clientId: string; redirectUri: string; state: string }): string {
  const query = new URLSearchParams({
    client_id: params.clientId,
    response_type: 'code',
    scope: WAVE_SCOPES.join(' '),
    redirect_uri: params.redirectUri,
    state: params.state,
  });
  return `${WAVE_AUTHORIZE_URL}?${query.toString()}`;
}

export interface WaveOAuthOptions {
  budget: TimeBudget;
  fetch?: EgressFetch;
  tokenUrl?: string;
  policy?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

interface TokenResponse {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
  scope?: unknown;
  businessId?: unknown;
  userId?: unknown;
  error?: unknown;
}

type Grant =
  | { grant_type: 'authorization_code'; code: string; redirect_uri: string }
  | { grant_type: 'refresh_token'; refresh_token: string; redirect_uri?: string };

const asString = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** Wave's OAuth 2 token endpoint: form-encoded, client credentials from secret storage. */
export class WaveOAuthClient {
  private requests = 0;

  constructor(private readonly options: WaveOAuthOptions) {}

  get requestCount(): number {
    return this.requests;
  }

  async exchangeCode(code: string, redirectUri: string): Promise<StoredWaveTokens> {
    const tokens = await this.requestTokens({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
    if (!tokens.refreshToken) throw new UpstreamError("Wave's token endpoint answered without a refresh token");
    return { ...tokens, redirectUri };
  }

  /**
   * Wave may rotate the refresh token: the result carries the one to keep. The original `redirect_uri` goes
   * along: one integrator reports Wave wants it on this grant too, and it is harmless where it is not.
   */
  async refresh(refreshToken: string, redirectUri?: string): Promise<StoredWaveTokens> {
    const tokens = await this.requestTokens({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      ...(redirectUri ? { redirect_uri: redirectUri } : {}),
    });
    return { ...tokens, refreshToken: tokens.refreshToken || refreshToken };
  }

  private async requestTokens(grant: Grant): Promise<StoredWaveTokens> {
    const client = await getWaveOAuthClient();
    if (!client)
      throw new NotConfiguredError('the Wave OAuth client id and secret are not set; add them on the admin page');
    const body = new URLSearchParams({
      ...grant,
      client_id: client.clientId,
      client_secret: client.clientSecret,
    }).toString();
    const { budget } = this.options;
    return withRetries(() => this.attempt(grant, body), {
      budget,
      service: 'Wave sign-in',
      ...(this.options.policy ? { policy: this.options.policy } : {}),
      ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
      ...(this.options.random ? { random: this.options.random } : {}),
    });
  }

  private async attempt(grant: Grant, body: string): Promise<AttemptResult<StoredWaveTokens>> {
    const fetch = this.options.fetch ?? defaultEgressFetch;
    this.requests += 1;
    let response;
    try {
      response = await fetch(this.options.tokenUrl ?? WAVE_TOKEN_URL, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body,
      });
    } catch {
      return { retry: { reason: 'network error' } };
    }
    const parsed = (await response.json().catch(() => ({}))) as TokenResponse;
    if (response.status === 429 || response.status >= 500) {
      const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), this.options.budget.now());
      return { retry: { reason: `HTTP ${response.status}`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) } };
    }
    if (!response.ok) throw this.errorFor(grant, response.status, asString(parsed.error));
    return { done: this.tokensFrom(parsed) };
  }

  private errorFor(grant: Grant, status: number, error: string | undefined): Error {
    if (error === 'invalid_grant') {
      return grant.grant_type === 'refresh_token'
        ? new WaveReconnectNeededError()
        : new BadRequestError('Wave did not accept the authorisation code (it may have expired); connect Wave again');
    }
    if (error === 'invalid_client' || error === 'unauthorized_client') {
      return new NotConfiguredError("Wave rejected the app's OAuth client id or secret; check them on the admin page");
    }
    return new UpstreamError(`Wave's token endpoint answered HTTP ${status}${error ? ` (${error})` : ''}`);
  }

  private tokensFrom(parsed: TokenResponse): StoredWaveTokens {
    const accessToken = asString(parsed.access_token);
    if (!accessToken) throw new UpstreamError("Wave's token endpoint answered without an access token");
    const expiresIn =
      typeof parsed.expires_in === 'number' && parsed.expires_in > 0 ? parsed.expires_in : DEFAULT_EXPIRES_IN_SECONDS;
    const scope = asString(parsed.scope);
    const businessId = asString(parsed.businessId);
    const userId = asString(parsed.userId);
    const obtainedAt = this.options.budget.now();
    return {
      accessToken,
      refreshToken: asString(parsed.refresh_token) ?? '',
      expiresAt: obtainedAt + expiresIn * 1000,
      obtainedAt,
      ...(scope ? { scope } : {}),
      ...(businessId ? { businessId } : {}),
      ...(userId ? { userId } : {}),
    };
  }
}
