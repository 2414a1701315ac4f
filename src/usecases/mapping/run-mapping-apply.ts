import { searchAppIssues, type AppIssue } from '../../adapters/jira/app-issues';
import { pushWork } from '../../adapters/queue/work-queue';
import { recordDelivery } from '../../adapters/storage/activity-log';
import { storageKeys } from '../../adapters/storage/keys';
import { tryAcquireLock } from '../../adapters/storage/kvs-lock';
import { getMappingApply, saveMappingApply, type MappingApplyRecord } from '../../adapters/storage/mapping-apply-state';
import type { ProjectTarget } from '../../domain/sync';
import type { TimeBudget } from '../../shared/time-budget';
import { describeFailure, isRunWideFailure } from '../reconcile/failures';
import { createSyncContext, type SyncContext } from '../sync-context';
import { projectTargets } from './project-targets';
import { remapIssue, remapTarget, trackedLink, type RemapOutcome } from './remap-issue';

const PAGE_SIZE = 50;
/** Longer than one consumer invocation (900 s). */
const LOCK_TTL_SECONDS = 16 * 60;
/** Stop starting pages with less than this left, and queue the rest. */
const PAGE_RESERVE_MS = 90_000;
const MAX_PROBLEMS = 5;

/**
 * One queue event's share of "Apply to existing issues": pages of the project's invoice issues, each moved (if
 * the mapping puts it elsewhere) under its invoice's lock, progress saved after each page, the rest queued. An
 * issue that cannot be moved is counted with its reason; a run-wide failure stops the run with its reason.
 */
export async function runMappingApplyStep(projectKey: string, runId: string, budget: TimeBudget): Promise<void> {
  const lock = await tryAcquireLock(storageKeys.mappingApplyLock(projectKey), LOCK_TTL_SECONDS);
  if (!lock) return;
  try {
    const record = await getMappingApply(projectKey);
    if (!record || record.runId !== runId || record.state !== 'running') return;
    await applyPages(record, budget);
  } finally {
    await lock.release();
  }
}

async function applyPages(start: MappingApplyRecord, budget: TimeBudget): Promise<void> {
  let record = start;
  try {
    const ctx = await createSyncContext(budget);
    const targetFor = projectTargets(ctx, record.projectKey);
    for (;;) {
      if (!budget.canWait(PAGE_RESERVE_MS)) {
        await saveMappingApply({ ...record, updatedAt: budget.now() });
        await pushWork({ kind: 'apply-mapping', runId: record.runId, projectKey: record.projectKey });
        return;
      }
      const page = await searchAppIssues(ctx.jira, {
        projectKey: record.projectKey,
        kind: 'invoice',
        maxResults: PAGE_SIZE,
        ...(record.nextPageToken ? { nextPageToken: record.nextPageToken } : {}),
      });
      const outcomes: Array<{ issue: AppIssue; outcome: RemapOutcome }> = [];
      for (const issue of page.issues) {
        outcomes.push({ issue, outcome: await remapOne(ctx, issue, await targetFor(issue.issueTypeId)) });
      }
      const { nextPageToken: _done, ...rest } = record;
      const done = record.done + page.issues.length;
      record = {
        ...rest,
        done,
        total: Math.max(record.total, done),
        moved: record.moved + outcomes.filter(({ outcome }) => outcome.kind === 'moved').length,
        blocked: record.blocked + outcomes.filter(({ outcome }) => outcome.kind === 'blocked').length,
        problems: [
          ...record.problems,
          ...outcomes.flatMap(({ issue, outcome }) =>
            outcome.kind === 'blocked' ? [{ issueKey: issue.key, reason: outcome.reason }] : [],
          ),
        ].slice(0, MAX_PROBLEMS),
        updatedAt: budget.now(),
        ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
      };
      if (!page.nextPageToken) {
        await finish(record, budget.now());
        return;
      }
      await saveMappingApply(record);
    }
  } catch (error) {
    await saveMappingApply({ ...record, state: 'failed', lastError: describeFailure(error), updatedAt: budget.now() });
  }
}

/** Looks before taking the lock: an issue already where the mapping puts it (as search sees it) costs no more. */
async function remapOne(ctx: SyncContext, issue: AppIssue, project: ProjectTarget): Promise<RemapOutcome> {
  const link = await trackedLink(issue, project.projectKey);
  if (!link || !remapTarget(link, project, issue.statusId)) return { kind: 'stays' };
  try {
    return await remapIssue(ctx, issue, project);
  } catch (error) {
    if (isRunWideFailure(error)) throw error;
    return { kind: 'blocked', reason: describeFailure(error) };
  }
}

async function finish(record: MappingApplyRecord, now: number): Promise<void> {
  const { nextPageToken: _none, ...rest } = record;
  await saveMappingApply({ ...rest, state: 'done', total: record.done, finishedAt: now });
  const blocked = record.blocked > 0 ? `; ${record.blocked} could not be moved (see the project's settings page)` : '';
  await recordDelivery({
    receivedAt: now,
    outcome: 'processed',
    eventType: 'mapping.apply',
    reason: `The status mapping of ${record.projectKey} was applied to its existing issues: ${record.done} looked at, ${record.moved} moved${blocked}.`,
  });
}
