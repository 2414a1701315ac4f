import { pushWork, type WorkItem } from '../../adapters/queue/work-queue';
import type { TimeBudget } from '../../shared/time-budget';
import { runBackfillStep } from '../backfill/run-backfill';
import { runSweep } from '../reconcile/run-sweep';

/** One event of the work queue: a sweep (queued again while it has more to do) or a share of a backfill. */
export async function handleWorkItem(item: WorkItem, budget: TimeBudget): Promise<void> {
  if (item.kind === 'backfill') {
    await runBackfillStep(item.runId, budget);
    return;
  }
  const result = await runSweep(budget);
  if (result.status === 'continues') await pushWork({ kind: 'sweep' });
}
