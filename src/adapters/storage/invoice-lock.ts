import { ConflictError } from '../../shared/errors';
import type { TimeBudget } from '../../shared/time-budget';
import { storageKeys } from './keys';
import { acquireLockWithin, type HeldLock } from './kvs-lock';

export interface InvoiceLockOptions {
  /** Long enough to cover one invoice's Jira writes; short enough that a dead holder frees it soon. */
  ttlSeconds?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Serialises work on one Wave invoice across concurrent invocations. Waits briefly within
 * the budget; if another invocation still holds it, throws ConflictError (Wave retries).
 */
export async function acquireInvoiceLock(
  invoiceId: string,
  budget: TimeBudget,
  options: InvoiceLockOptions = {},
): Promise<HeldLock> {
  const lock = await acquireLockWithin(storageKeys.invoiceLock(invoiceId), budget, {
    ttlSeconds: options.ttlSeconds ?? 30,
    pollMs: options.pollMs ?? 250,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  if (!lock) throw new ConflictError('this invoice is being synchronised by another delivery; try again shortly');
  return lock;
}

/** Runs `work` holding the invoice lock and always releases it. */
export async function withInvoiceLock<T>(
  invoiceId: string,
  budget: TimeBudget,
  work: () => Promise<T>,
  options?: InvoiceLockOptions,
): Promise<T> {
  const lock = await acquireInvoiceLock(invoiceId, budget, options);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}
