import { createHash } from 'node:crypto';
import { BadRequestError } from '../../shared/errors';

/**
 * KVS keys allow 1-500 chars of letters, digits, space and `: . _ - #`. Key parts are
 * encoded reversibly: letters, digits, `.`, `_` and `-` stay, every other byte becomes
 * `#XX` (UTF-8, upper-case hex), so `:` stays free as the separator and base64 ids
 * (`+ / =`) fit.
 */
const MAX_KEY_LENGTH = 500;
const PLAIN = /^[A-Za-z0-9._-]$/;

export function encodeKeyPart(value: string): string {
  let encoded = '';
  for (const char of value) {
    if (PLAIN.test(char)) {
      encoded += char;
      continue;
    }
    for (const byte of Buffer.from(char, 'utf8')) encoded += `#${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

function key(...parts: string[]): string {
  const joined = parts.join(':');
  if (joined.length > MAX_KEY_LENGTH) throw new BadRequestError('identifier too long for a storage key');
  return joined;
}

/** Past this an encoded id is replaced by its digest, so no id the app accepts can make a key too long. */
const MAX_ENCODED_ID = 200;

const id = (value: string): string => {
  if (value.length === 0) throw new BadRequestError('empty identifier');
  const encoded = encodeKeyPart(value);
  // `#H` never occurs in an encoding (`#` is always followed by two hex digits): a digest cannot collide with an id.
  return encoded.length <= MAX_ENCODED_ID ? encoded : `#H${createHash('sha256').update(value, 'utf8').digest('hex')}`;
};

export type WaveLinkKind = 'invoice' | 'customer';

export const storageKeys = {
  link: (kind: WaveLinkKind, waveId: string) => key('link', kind, id(waveId)),
  event: (eventId: string) => key('event', id(eventId)),
  recordLock: (kind: WaveLinkKind, waveId: string) => key('lock', kind, id(waveId)),
  /** Claimed by the one delivery that takes over the lock a dead holder (`owner`) left behind. */
  recordLockClaim: (kind: WaveLinkKind, waveId: string, owner: string) =>
    key('lock', kind, id(waveId), 'after', id(owner)),
  tokenRefreshLock: () => key('lock', 'wave-token-refresh'),
  transitions: (projectKey: string, issueTypeId: string, statusId: string) =>
    key('cache', 'transitions', id(projectKey), id(issueTypeId), id(statusId)),
  config: () => key('config', 'app'),
  waveConnection: () => key('state', 'wave-connection'),
  /** `state` is the 64 hex characters the app issued (checked before it is used as a key). */
  oauthState: (state: string) => key('oauth-state', state),
  deliveryLog: (receivedAt: number, unique: string) =>
    key('delivery', String(receivedAt).padStart(15, '0'), id(unique)),
  createIntent: (kind: WaveLinkKind, waveId: string) => key('intent', 'create', kind, id(waveId)),
  failedDelivery: (eventId: string) => key('failed', 'delivery', id(eventId)),
  issueBacklink: (issueId: string) => key('issue', id(issueId)),
  keeperState: (part: 'wave-token' | 'jira-events' | 'poll') => key('state', 'keeper', part),
  keeperLock: (part: 'jira-webhooks' | 'poll' | 'backfill') => key('lock', 'keeper', part),
  backfill: () => key('state', 'backfill'),
  mappingApply: (projectKey: string) => key('state', 'mapping-apply', id(projectKey)),
  mappingApplyLock: (projectKey: string) => key('lock', 'mapping-apply', id(projectKey)),
  refusalDayPrefix: (day: string) => `refusal:${day}:`,
  refusalWindow: (day: string, windowStart: number, instance: string) =>
    key('refusal', day, String(windowStart).padStart(15, '0'), id(instance)),
} as const;

/** Secret storage keys (kvs.getSecret/setSecret), separate from plain keys. */
export const secretKeys = {
  webhookSigning: () => key('secret', 'wave-webhook-signing'),
  waveOAuthClient: () => key('secret', 'wave-oauth-client'),
  waveTokens: () => key('secret', 'wave-tokens'),
  jiraWebhookToken: () => key('secret', 'jira-webhook-token'),
} as const;
