import { randomUUID } from 'node:crypto';
import { kvs } from './kvs';
import { sleep as realSleep } from '../../shared/retry';
import type { TimeBudget } from '../../shared/time-budget';
import { setIfAbsent } from './kvs-create-only';

/** A lock held by this invocation; the TTL frees it if the invocation dies. */
export interface HeldLock {
  readonly key: string;
  readonly owner: string;
  release(): Promise<void>;
}

export async function tryAcquireLock(key: string, ttlSeconds: number): Promise<HeldLock | undefined> {
  const owner = randomUUID();
  const acquired = await setIfAbsent(key, owner, { value: ttlSeconds, unit: 'SECONDS' });
  return acquired ? { key, owner, release: () => releaseLock(key, owner) } : undefined;
}

/**
 * Deletes the lock only while it still names this owner. KVS has no compare-and-delete for
 * plain keys, so a lock that expired and was re-taken between the read and the delete could
 * be removed; the TTL is chosen well above the work it guards to make that window unlikely.
 */
export async function releaseLock(key: string, owner: string): Promise<void> {
  const current = await kvs.get<string>(key);
  if (current === owner) await kvs.delete(key);
}

export interface WaitForLockOptions {
  ttlSeconds: number;
  pollMs: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Polls for the lock while the budget allows; undefined when the budget runs out first. */
export async function acquireLockWithin(
  key: string,
  budget: TimeBudget,
  options: WaitForLockOptions,
): Promise<HeldLock | undefined> {
  const wait = options.sleep ?? realSleep;
  for (;;) {
    const lock = await tryAcquireLock(key, options.ttlSeconds);
    if (lock) return lock;
    if (!budget.canWait(options.pollMs)) return undefined;
    await wait(options.pollMs);
  }
}
