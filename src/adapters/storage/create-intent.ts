import { kvs } from './kvs';
import { storageKeys, type WaveLinkKind } from './keys';

/** A lost answer to a create is retried within hours at most; a day covers it. */
const INTENT_TTL = { value: 1, unit: 'DAYS' } as const;

/**
 * Written just before the app asks Jira to create an issue for a Wave record, and again with the issue once Jira
 * answered. If the delivery fails after that (or the answer is lost), the next one finds the issue: by id when it
 * was recorded (reads by id are always current), else by its `wave-link` property through search (which lags).
 */
export interface CreateIntent {
  /** Epoch ms of the create request. */
  at: number;
  /** The created issue, once Jira answered. */
  issue?: { id: string; key: string };
}

export async function markCreateIntent(kind: WaveLinkKind, waveId: string, at: number): Promise<void> {
  await kvs.set<CreateIntent>(storageKeys.createIntent(kind, waveId), { at }, { ttl: INTENT_TTL });
}

export async function recordCreatedIssue(
  kind: WaveLinkKind,
  waveId: string,
  intent: CreateIntent,
  issue: { id: string; key: string },
): Promise<void> {
  await kvs.set<CreateIntent>(storageKeys.createIntent(kind, waveId), { ...intent, issue }, { ttl: INTENT_TTL });
}
