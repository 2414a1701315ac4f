import type { WorkItem } from '../../adapters/queue/work-queue';
import type { TimeBudget } from '../../shared/time-budget';
import { runBackfillStep } from '../backfill/run-backfill';

/** One event of the work queue: a share of a backfill (the import of older invoices). */
export async function handleWorkItem(item: WorkItem, budget: TimeBudget): Promise<void> {
  await runBackfillStep(item.runId, budget);
}
