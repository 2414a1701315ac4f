import { randomBytes } from 'node:crypto';
import { storageKeys } from './keys';
import { kvs } from './kvs';

/** Long enough to read Wave's consent page; short enough that a leaked link soon stops working. */
const STATE_TTL = { value: 15, unit: 'MINUTES' } as const;
const STATE_FORMAT = /^[0-9a-f]{64}$/;

/** What the callback needs to finish a connection it did not start. */
export interface OAuthStateRecord {
  accountId: string;
  redirectUri: string;
  createdAt: number;
}

/** A fresh `state` nonce for Wave's authorize URL, remembered for the callback. */
export async function createOAuthState(
  record: Omit<OAuthStateRecord, 'createdAt'>,
  now: number = Date.now(),
): Promise<string> {
  const state = randomBytes(32).toString('hex');
  await kvs.set<OAuthStateRecord>(storageKeys.oauthState(state), { ...record, createdAt: now }, { ttl: STATE_TTL });
  return state;
}

/** The record of a state the app issued, once: a second use (or an expired or forged state) gets undefined. */
export async function consumeOAuthState(state: string | undefined): Promise<OAuthStateRecord | undefined> {
  if (!state || !STATE_FORMAT.test(state)) return undefined;
  const key = storageKeys.oauthState(state);
  const record = await kvs.get<OAuthStateRecord>(key);
  if (!record) return undefined;
  await kvs.delete(key);
  return record;
}
