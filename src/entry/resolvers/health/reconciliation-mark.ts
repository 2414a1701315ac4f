import { kvs } from '@forge/kvs';

/**
 * Where the scheduled reconciliation leaves its last result for the Health section. The keeper
 * writes it with `recordReconciliation`; nothing else depends on it.
 */
const LAST_RECONCILIATION_KEY = 'state:last-reconciliation';

export interface ReconciliationMark {
  at: number;
  ok: boolean;
  /** Safe to show: counts, or why it failed. */
  message?: string;
}

export async function recordReconciliation(mark: ReconciliationMark): Promise<void> {
  await kvs.set(LAST_RECONCILIATION_KEY, mark);
}

export async function lastReconciliation(): Promise<ReconciliationMark | undefined> {
  return kvs.get<ReconciliationMark>(LAST_RECONCILIATION_KEY);
}
