import { kvs } from '@forge/kvs';
import { storageKeys, type WaveLinkKind } from './keys';

/** A lost answer to a create is retried within hours at most; a day covers it. */
const INTENT_TTL = { value: 1, unit: 'DAYS' } as const;

/**
 * Written just before the app asks Jira to create an issue for a Wave record. If the answer is
 * lost (timeout, crash) the issue may exist without a link: the next delivery sees the intent
 * and looks the issue up by its `wave-link` property instead of creating a second one.
 */
export async function markCreateIntent(kind: WaveLinkKind, waveId: string): Promise<void> {
  await kvs.set(storageKeys.createIntent(kind, waveId), { at: Date.now() }, { ttl: INTENT_TTL });
}

export async function hasCreateIntent(kind: WaveLinkKind, waveId: string): Promise<boolean> {
  return (await kvs.get(storageKeys.createIntent(kind, waveId))) !== undefined;
}

export async function clearCreateIntent(kind: WaveLinkKind, waveId: string): Promise<void> {
  await kvs.delete(storageKeys.createIntent(kind, waveId));
}
