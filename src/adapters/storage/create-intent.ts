import { kvs } from './kvs';
import { storageKeys, type WaveLinkKind } from './keys';

/** A lost answer to a create is retried within hours at most; a day covers it. */
export const INTENT_TTL = { value: 1, unit: 'DAYS' } as const;

/**
 * Written just before the app asks Jira to create an issue for a Wave record. A delivery that fails after Jira
 * answered records the issue in it as it lets go of the record (`releaseRecordAfterFailure`), so the next one finds
 * the issue by id (reads by id are always current); when the answer was lost, by its `wave-link` property through
 * search (which lags).
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
