import { ConflictError } from '../../shared/errors';
import type { TimeBudget } from '../../shared/time-budget';
import { storageKeys, type WaveLinkKind } from './keys';
import { acquireLockWithin, type HeldLock } from './kvs-lock';

export interface RecordLockOptions {
  /** Long enough to cover one record's Jira writes; short enough that a dead holder frees it soon. */
  ttlSeconds?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const KIND_LABEL: Record<WaveLinkKind, string> = { invoice: 'invoice', customer: 'customer' };

/**
 * Serialises work on one Wave record (an invoice, a customer) across concurrent invocations. Waits briefly
 * within the budget; if another invocation still holds it, throws ConflictError (Wave retries).
 */
export async function acquireRecordLock(
  kind: WaveLinkKind,
  waveId: string,
  budget: TimeBudget,
  options: RecordLockOptions = {},
): Promise<HeldLock> {
  const lock = await acquireLockWithin(storageKeys.recordLock(kind, waveId), budget, {
    ttlSeconds: options.ttlSeconds ?? 30,
    pollMs: options.pollMs ?? 250,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  if (!lock)
    throw new ConflictError(`this ${KIND_LABEL[kind]} is being synchronised by another delivery; try again shortly`);
  return lock;
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
