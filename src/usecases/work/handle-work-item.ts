import type { WorkItem } from '../../adapters/queue/work-queue';
import type { TimeBudget } from '../../shared/time-budget';
import { runBackfillStep } from '../backfill/run-backfill';
import { runMappingApplyStep } from '../mapping/run-mapping-apply';

/** One event of the work queue: a share of a backfill, or of applying a project's status mapping to its issues. */
export async function handleWorkItem(item: WorkItem, budget: TimeBudget): Promise<void> {
  if (item.kind === 'apply-mapping') await runMappingApplyStep(item.projectKey, item.runId, budget);
  else await runBackfillStep(item.runId, budget);
}
