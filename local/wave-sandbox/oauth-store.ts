import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import { DocStore } from '../persistence/doc-store';
import type { SqliteDatabase } from '../persistence/sqlite';

export const ACCESS_TOKEN_TTL_SECONDS = 7200;
export const AUTHORIZATION_CODE_TTL_MS = 10 * 60_000;

export interface Grant {
  clientId: string;
  businessId: string;
  userId: string;
  scope: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  scope: string;
  businessId: string;
  userId: string;
}

interface TokenRecord extends Grant {
  token: string;
  kind: 'access' | 'refresh';
  issuedAt: number;
  expiresAt: number | null;
  usedAt: number | null;
  revoked: boolean;
}

interface CodeRecord extends Grant {
  redirectUri: string;
  expiresAt: number;
  usedAt: number | null;
}

export type GrantFailure = { error: 'invalid_grant'; error_description: string };

/** Authorization codes and tokens, durable, with expiry on the runtime clock. Refresh tokens rotate. */
export class OAuthStore {
  private readonly tokens: DocStore<TokenRecord>;
  private readonly codes: DocStore<CodeRecord>;
  private refreshGrants = 0;

  constructor(
    db: SqliteDatabase,
    private readonly clock: Clock,
  ) {
    this.tokens = new DocStore(db, 'oauth-tokens');
    this.codes = new DocStore(db, 'oauth-codes');
  }

  issueCode(grant: Grant, redirectUri: string): string {
    const code = newSecret();
    this.codes.put(code, {
      ...grant,
      redirectUri,
      expiresAt: this.clock.now() + AUTHORIZATION_CODE_TTL_MS,
      usedAt: null,
    });
    return code;
  }

  /** Single use: a second exchange of the same code fails, as does another client's or another redirect_uri. */
  exchangeCode(code: string, clientId: string, redirectUri: string | undefined): TokenResponse | GrantFailure {
    return this.codes.transaction(() => {
      const record = this.codes.get(code);
      if (!record || record.clientId !== clientId) return invalidGrant('the authorization code is unknown');
      if (record.usedAt !== null) return invalidGrant('the authorization code was already used');
      if (this.clock.now() >= record.expiresAt) return invalidGrant('the authorization code has expired');
      if (redirectUri !== record.redirectUri)
        return invalidGrant('redirect_uri does not match the one used to authorize');
      this.codes.put(code, { ...record, usedAt: this.clock.now() });
      return this.issueTokens(record);
    });
  }

  /** Rotation: the refresh token is spent, a new pair comes back. */
  refresh(refreshToken: string, clientId: string): TokenResponse | GrantFailure {
    return this.tokens.transaction(() => {
      const record = this.tokens.get(refreshToken);
      if (!record || record.kind !== 'refresh' || record.clientId !== clientId)
        return invalidGrant('the refresh token is unknown');
      if (record.revoked) return invalidGrant('the refresh token was revoked');
      if (record.usedAt !== null) return invalidGrant('the refresh token was already used');
      this.tokens.put(refreshToken, { ...record, usedAt: this.clock.now() });
      this.refreshGrants += 1;
      return this.issueTokens(record);
    });
  }

  issueTokens(grant: Grant): TokenResponse {
    const now = this.clock.now();
    const { clientId, businessId, userId, scope } = grant;
    const base = { clientId, businessId, userId, scope, issuedAt: now, usedAt: null, revoked: false };
    const accessToken = newSecret();
    const refreshToken = newSecret();
    this.tokens.put(accessToken, {
      ...base,
      token: accessToken,
      kind: 'access',
      expiresAt: now + ACCESS_TOKEN_TTL_SECONDS * 1000,
    });
    this.tokens.put(refreshToken, { ...base, token: refreshToken, kind: 'refresh', expiresAt: null });
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_TTL_SECONDS,
      refresh_token: refreshToken,
      scope,
      businessId,
      userId,
    };
  }

  /** The grant behind a live access token, or undefined when it is unknown, expired or revoked. */
  authenticate(accessToken: string): Grant | undefined {
    const record = this.tokens.get(accessToken);
    if (!record || record.kind !== 'access' || record.revoked) return undefined;
    if (record.expiresAt !== null && this.clock.now() >= record.expiresAt) return undefined;
    return record;
  }

  /** The scope of the grant issued last (by consent, refresh, or `issueTokens`), revoked or not. */
  latestGrantScope(): string | undefined {
    return this.tokens
      .list()
      .filter((record) => record.kind === 'access')
      .at(-1)?.scope;
  }

  revokeAll(): void {
    this.tokens.transaction(() => {
      for (const record of this.tokens.list()) this.tokens.put(record.token, { ...record, revoked: true });
    });
  }

  expireAccessTokens(): void {
    const now = this.clock.now();
    this.tokens.transaction(() => {
      for (const record of this.tokens.list()) {
        if (record.kind === 'access')
          this.tokens.put(record.token, { ...record, expiresAt: Math.min(record.expiresAt ?? now, now) });
      }
    });
  }

  /** Refresh grants served since this sandbox started. */
  get refreshGrantCount(): number {
    return this.refreshGrants;
  }
}

function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

function invalidGrant(description: string): GrantFailure {
  return { error: 'invalid_grant', error_description: description };
}
