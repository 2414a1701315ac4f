import { randomUUID } from 'node:crypto';
import { JiraClient } from '../../adapters/jira/jira-client';
import { searchAppIssues } from '../../adapters/jira/app-issues';
import { pushWork } from '../../adapters/queue/work-queue';
import { getMappingApply, saveMappingApply, type MappingApplyRecord } from '../../adapters/storage/mapping-apply-state';
import type { MappingApplyFields } from '../../shared/mapping-apply-progress';
import type { TimeBudget } from '../../shared/time-budget';

/** A running apply whose record has not moved for this long lost its invocation: a new start replaces it. */
export const MAPPING_APPLY_STALL_MS = 20 * 60_000;
const PAGE_SIZE = 100;
/** The total is counted up to here at the start; the run counts on past it. */
const MAX_COUNTED_PAGES = 20;

export const progressOf = ({
  runId: _run,
  nextPageToken: _page,
  ...progress
}: MappingApplyRecord): MappingApplyFields => progress;

export async function getMappingApplyProgress(projectKey: string): Promise<MappingApplyFields | null> {
  const record = await getMappingApply(projectKey);
  return record ? progressOf(record) : null;
}

/** How many invoice issues the project has (as search sees them now), for the progress bar. */
async function countInvoiceIssues(projectKey: string, budget: TimeBudget): Promise<number> {
  const jira = JiraClient.asApp(budget);
  let total = 0;
  let nextPageToken: string | undefined;
  for (let page = 0; page < MAX_COUNTED_PAGES; page += 1) {
    const answer = await searchAppIssues(jira, {
      projectKey,
      kind: 'invoice',
      maxResults: PAGE_SIZE,
      ...(nextPageToken ? { nextPageToken } : {}),
    });
    total += answer.issues.length;
    nextPageToken = answer.nextPageToken;
    if (!nextPageToken) break;
  }
  return total;
}

/**
 * "Apply to existing issues": moves the project's invoice issues to where its saved mapping puts them, in the
 * background (the work queue), with progress the page polls. One run per project at a time: asking again while
 * one runs answers its progress.
 */
export async function startMappingApply(projectKey: string, budget: TimeBudget): Promise<MappingApplyFields> {
  const now = budget.now();
  const current = await getMappingApply(projectKey);
  if (current?.state === 'running' && now - current.updatedAt < MAPPING_APPLY_STALL_MS) return progressOf(current);
  const record: MappingApplyRecord = {
    runId: randomUUID(),
    projectKey,
    state: 'running',
    done: 0,
    total: await countInvoiceIssues(projectKey, budget),
    moved: 0,
    blocked: 0,
    startedAt: now,
    updatedAt: now,
    problems: [],
  };
  await saveMappingApply(record);
  await pushWork({ kind: 'apply-mapping', runId: record.runId, projectKey });
  return progressOf(record);
}
