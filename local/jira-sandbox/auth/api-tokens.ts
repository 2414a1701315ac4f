import { createHash, randomBytes } from 'node:crypto';
import type { StoredApiToken } from '../state/records';
import { LOCAL_ADMIN_ACCOUNT_ID } from '../users';

/**
 * The local admin's API token, documented so curl and Jira clients work against `/jira` out of the
 * box (`admin@jira-sandbox.local` + this token). A local credential for a local sandbox only.
 */
export const LOCAL_ADMIN_API_TOKEN = 'local-admin-api-token';

export const hashApiToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A new token in the shape of Atlassian's (`ATATT…`): shown once to its creator, stored only as a hash. */
export function newApiToken(accountId: string, label: string, now: number): { token: string; record: StoredApiToken } {
  const token = `ATATT${randomBytes(32).toString('base64url')}`;
  return { token, record: { hash: hashApiToken(token), accountId, label, createdAt: now } };
}

export const SEEDED_API_TOKENS: StoredApiToken[] = [
  { hash: hashApiToken(LOCAL_ADMIN_API_TOKEN), accountId: LOCAL_ADMIN_ACCOUNT_ID, label: 'local admin', createdAt: 0 },
];
