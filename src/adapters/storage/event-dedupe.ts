import { kvs } from '@forge/kvs';
import { storageKeys } from './keys';
import { setIfAbsent } from './kvs-create-only';

/** Wave retries a delivery for days at most; a week of memory covers every retry. */
const EVENT_TTL = { value: 7, unit: 'DAYS' } as const;
/** Longer than any Forge invocation (900 s): a claim still "processing" after this belongs to a dead invocation. */
const DEFAULT_STALE_CLAIM_MS = 15 * 60_000;

interface EventRecord {
  state: 'processing' | 'done';
  claimedAt: number;
}

export type ClaimResult = { claimed: true } | { claimed: false; state: 'processing' | 'done' };

export interface ClaimOptions {
  now?: () => number;
  staleClaimMs?: number;
}

/**
 * Claims a Wave event id so exactly one delivery processes it. A claim left "processing"
 * by an invocation that died is taken over once it is older than `staleClaimMs`.
 */
export async function claimEvent(eventId: string, options: ClaimOptions = {}): Promise<ClaimResult> {
  const now = options.now ?? Date.now;
  const key = storageKeys.event(eventId);
  const record: EventRecord = { state: 'processing', claimedAt: now() };
  if (await setIfAbsent(key, record, EVENT_TTL)) return { claimed: true };

  const existing = await kvs.get<EventRecord>(key);
  if (!existing)
    return (await setIfAbsent(key, record, EVENT_TTL)) ? { claimed: true } : { claimed: false, state: 'processing' };
  const stale =
    existing.state === 'processing' && now() - existing.claimedAt > (options.staleClaimMs ?? DEFAULT_STALE_CLAIM_MS);
  if (!stale) return { claimed: false, state: existing.state };
  await kvs.set(key, record, { ttl: EVENT_TTL });
  return { claimed: true };
}

/** Frees the claim after a failure, so Wave's retry of the same event is processed. */
export async function releaseEvent(eventId: string): Promise<void> {
  await kvs.delete(storageKeys.event(eventId));
}

export async function markEventDone(eventId: string, options: { now?: () => number } = {}): Promise<void> {
  const record: EventRecord = { state: 'done', claimedAt: (options.now ?? Date.now)() };
  await kvs.set(storageKeys.event(eventId), record, { ttl: EVENT_TTL });
}

/** True once a delivery of this event has been fully applied (checked under the record's lock). */
export async function isEventDone(eventId: string): Promise<boolean> {
  return (await kvs.get<EventRecord>(storageKeys.event(eventId)))?.state === 'done';
}
