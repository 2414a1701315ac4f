import { randomUUID } from 'node:crypto';
import { ConflictError } from '../../shared/errors';
import { sleep as realSleep } from '../../shared/retry';
import type { TimeBudget } from '../../shared/time-budget';
import { kvs } from './kvs';
import { setIfAbsent } from './kvs-create-only';
import { storageKeys, type WaveLinkKind } from './keys';
import type { HeldLock } from './kvs-lock';

/**
 * How long a holder may work on one record. Every invocation that syncs records answers within a budget below it
 * (20 s for a web trigger), so a lock older than this was left by an invocation that died.
 */
export const RECORD_LEASE_MS = 30_000;

/**
 * The lock outlives its lease: a holder that dies leaves it behind, and whoever comes next learns that Jira may hold
 * writes no link records (an issue, a worklog). That is what lets a delivery take the lock and commit in two writes,
 * with nothing written ahead of its Jira calls.
 */
const LOCK_TTL = { value: 1, unit: 'DAYS' } as const;
const CLAIM_TTL = { value: RECORD_LEASE_MS / 1000, unit: 'SECONDS' } as const;

interface StoredRecordLock {
  owner: string;
  /** Epoch ms the holder took the lock. */
  at: number;
}

export interface HeldRecordLock extends HeldLock {
  /**
   * Set when this delivery took the record over from a holder that died: until when that holder may have written to
   * Jira without recording it. Its issue may exist unlinked, its worklogs unrecorded.
   */
  inheritedWritesUntil?: number;
}

export interface RecordLockOptions {
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const KIND_LABEL: Record<WaveLinkKind, string> = { invoice: 'invoice', customer: 'customer' };

const isStoredLock = (value: unknown): value is StoredRecordLock =>
  typeof value === 'object' && value !== null && typeof (value as StoredRecordLock).at === 'number';

const isDead = (lock: unknown, now: number): lock is StoredRecordLock =>
  isStoredLock(lock) && now - lock.at > RECORD_LEASE_MS;

async function releaseRecordLock(key: string, owner: string): Promise<void> {
  const current = await kvs.get<unknown>(key);
  if (isStoredLock(current) && current.owner === owner) await kvs.delete(key);
}

function held(key: string, lock: StoredRecordLock, inheritedWritesUntil?: number): HeldRecordLock {
  return {
    key,
    owner: lock.owner,
    release: () => releaseRecordLock(key, lock.owner),
    ...(inheritedWritesUntil === undefined ? {} : { inheritedWritesUntil }),
  };
}

/**
 * Takes over a dead holder's lock. Only one claimant per dead holder wins (a create-only claim key named for it);
 * the winner then writes its own lock, so that its own death is noticed in turn.
 */
async function takeOver(
  kind: WaveLinkKind,
  waveId: string,
  dead: StoredRecordLock,
  now: number,
): Promise<HeldRecordLock | undefined> {
  const key = storageKeys.recordLock(kind, waveId);
  const mine: StoredRecordLock = { owner: randomUUID(), at: now };
  if (!(await setIfAbsent(storageKeys.recordLockClaim(kind, waveId, dead.owner), mine.owner, CLAIM_TTL)))
    return undefined;
  await kvs.set(key, mine, { ttl: LOCK_TTL });
  return held(key, mine, dead.at + RECORD_LEASE_MS);
}

/**
 * Serialises work on one Wave record (an invoice, a customer) across concurrent invocations. A held lock is watched
 * with reads (a refused create-only write would still cost a write) while the budget allows; if another invocation
 * still holds it then, throws ConflictError (Wave retries).
 */
export async function acquireRecordLock(
  kind: WaveLinkKind,
  waveId: string,
  budget: TimeBudget,
  options: RecordLockOptions = {},
): Promise<HeldRecordLock> {
  const key = storageKeys.recordLock(kind, waveId);
  const pollMs = options.pollMs ?? 250;
  const wait = options.sleep ?? realSleep;
  for (;;) {
    const mine: StoredRecordLock = { owner: randomUUID(), at: budget.now() };
    if (await setIfAbsent(key, mine, LOCK_TTL)) return held(key, mine);
    for (;;) {
      const current = await kvs.get<unknown>(key);
      if (current === undefined) break;
      if (isDead(current, budget.now())) {
        const taken = await takeOver(kind, waveId, current, budget.now());
        if (taken) return taken;
      }
      if (!budget.canWait(pollMs))
        throw new ConflictError(
          `this ${KIND_LABEL[kind]} is being synchronised by another delivery; try again shortly`,
        );
      await wait(pollMs);
    }
  }
}

/** Runs `work` holding the record's lock and always releases it. */
export async function withRecordLock<T>(
  kind: WaveLinkKind,
  waveId: string,
  budget: TimeBudget,
  work: () => Promise<T>,
  options?: RecordLockOptions,
): Promise<T> {
  const lock = await acquireRecordLock(kind, waveId, budget, options);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}
