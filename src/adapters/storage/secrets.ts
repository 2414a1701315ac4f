import { kvs } from './kvs';
import { BadRequestError } from '../../shared/errors';
import { perInstallation } from '../forge/installation';
import { secretKeys } from './keys';

/**
 * Secrets live in KVS secret storage (encrypted, not queryable). Getters here are for the
 * code that uses a secret (signature checks, token requests); UIs get `secretsStatus()`.
 */

const DEFAULT_SIGNING_GRACE_MS = 24 * 60 * 60_000;
/**
 * Every delivery, signed or not, needs the signing secrets: a warm instance reuses them for a few seconds, so a
 * flood of unsigned requests cannot spend the installation's KVS read quota. A rotation here updates it at once.
 */
const SIGNING_CACHE_MS = 5_000;
const signingCache = perInstallation<{ readAt: number; stored: WebhookSigningSecrets | undefined }>(() => ({
  readAt: Number.NEGATIVE_INFINITY,
  stored: undefined,
}));

interface WebhookSigningSecrets {
  current: string;
  previous?: string;
  rotatedAt?: number;
  /** Deliveries signed with `previous` are accepted until then (Wave may still send them). */
  previousValidUntil?: number;
}

export interface WaveOAuthClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface StoredWaveTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token stops working. */
  expiresAt: number;
  /** Epoch ms when Wave issued these tokens (connect or last refresh). Records stored before it was kept lack it. */
  obtainedAt?: number;
  scope?: string;
  businessId?: string;
  userId?: string;
  /** The `redirect_uri` of the authorisation: the refresh grant sends it again. */
  redirectUri?: string;
}

export interface SecretsStatus {
  webhookSigningSecretSet: boolean;
  webhookSigningRotatedAt?: number;
  previousSigningSecretValidUntil?: number;
  waveOAuthClientSet: boolean;
  waveTokensSet: boolean;
  waveAccessTokenExpiresAt?: number;
}

const MIN_SIGNING_SECRET_LENGTH = 16;

/** Sets a new signing secret; the one it replaces stays valid for the grace period. */
export async function rotateWebhookSigningSecret(
  secret: string,
  options: { now?: number; graceMs?: number } = {},
): Promise<void> {
  if (secret.length < MIN_SIGNING_SECRET_LENGTH)
    throw new BadRequestError(`the signing secret must have at least ${MIN_SIGNING_SECRET_LENGTH} characters`);
  const now = options.now ?? Date.now();
  const existing = await kvs.getSecret<WebhookSigningSecrets>(secretKeys.webhookSigning());
  if (existing?.current === secret) return;
  const next: WebhookSigningSecrets = existing
    ? {
        current: secret,
        previous: existing.current,
        rotatedAt: now,
        previousValidUntil: now + (options.graceMs ?? DEFAULT_SIGNING_GRACE_MS),
      }
    : { current: secret, rotatedAt: now };
  await kvs.setSecret(secretKeys.webhookSigning(), next);
  Object.assign(signingCache(), { readAt: Date.now(), stored: next });
}

/** The secrets a delivery's signature may be checked against, current first. */
export async function getWebhookVerificationSecrets(now: number = Date.now()): Promise<string[]> {
  const cache = signingCache();
  const fresh = Date.now() - cache.readAt < SIGNING_CACHE_MS;
  const stored = fresh ? cache.stored : await kvs.getSecret<WebhookSigningSecrets>(secretKeys.webhookSigning());
  if (!fresh) Object.assign(cache, { readAt: Date.now(), stored });
  if (!stored) return [];
  const previousValid = stored.previous !== undefined && (stored.previousValidUntil ?? 0) > now;
  return previousValid ? [stored.current, stored.previous as string] : [stored.current];
}

export async function saveWaveOAuthClient(credentials: WaveOAuthClientCredentials): Promise<void> {
  if (!credentials.clientId.trim() || !credentials.clientSecret.trim())
    throw new BadRequestError('the Wave client id and secret are both required');
  await kvs.setSecret(secretKeys.waveOAuthClient(), {
    clientId: credentials.clientId.trim(),
    clientSecret: credentials.clientSecret.trim(),
  });
}

export async function getWaveOAuthClient(): Promise<WaveOAuthClientCredentials | undefined> {
  return kvs.getSecret<WaveOAuthClientCredentials>(secretKeys.waveOAuthClient());
}

export async function getWaveTokens(): Promise<StoredWaveTokens | undefined> {
  return kvs.getSecret<StoredWaveTokens>(secretKeys.waveTokens());
}

export async function saveWaveTokens(tokens: StoredWaveTokens): Promise<void> {
  await kvs.setSecret(secretKeys.waveTokens(), tokens);
}

export async function deleteWaveTokens(): Promise<void> {
  await kvs.deleteSecret(secretKeys.waveTokens());
}

/** What an admin page may show: whether secrets exist and when they change, never their values. */
export async function secretsStatus(): Promise<SecretsStatus> {
  const [signing, client, tokens] = await Promise.all([
    kvs.getSecret<WebhookSigningSecrets>(secretKeys.webhookSigning()),
    getWaveOAuthClient(),
    getWaveTokens(),
  ]);
  return {
    webhookSigningSecretSet: signing !== undefined,
    ...(signing?.rotatedAt !== undefined ? { webhookSigningRotatedAt: signing.rotatedAt } : {}),
    ...(signing?.previousValidUntil !== undefined
      ? { previousSigningSecretValidUntil: signing.previousValidUntil }
      : {}),
    waveOAuthClientSet: client !== undefined,
    waveTokensSet: tokens !== undefined,
    ...(tokens ? { waveAccessTokenExpiresAt: tokens.expiresAt } : {}),
  };
}
