import { searchAppIssues, type AppIssue } from '../../adapters/jira/app-issues';
import type { TimeBudget } from '../../shared/time-budget';
import { createSyncContext } from '../sync-context';
import { projectTargets } from './project-targets';
import { remapTarget, trackedLink } from './remap-issue';

const PAGE_SIZE = 100;
/** Links read at once. */
const CONCURRENCY = 10;
/** Stop counting with this much of the resolver's time left, and say the count is a lower bound. */
const ANSWER_RESERVE_MS = 4_000;

export interface RemapCount {
  toMove: number;
  examined: number;
  complete: boolean;
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

/**
 * How many of the project's invoice issues the saved mapping would move now: each issue's status as Jira's search
 * shows it against where its invoice's last Wave status leads. One search per 100 issues and one link read each.
 */
export async function countIssuesToRemap(projectKey: string, budget: TimeBudget): Promise<RemapCount> {
  const ctx = await createSyncContext(budget);
  const targetFor = projectTargets(ctx, projectKey);
  const needsMove = async (issue: AppIssue): Promise<boolean> => {
    const link = await trackedLink(issue, projectKey);
    return link !== undefined && remapTarget(link, await targetFor(issue.issueTypeId), issue.statusId) !== undefined;
  };
  let count: RemapCount = { toMove: 0, examined: 0, complete: false };
  let nextPageToken: string | undefined;
  do {
    if (!budget.canWait(ANSWER_RESERVE_MS)) return count;
    const page = await searchAppIssues(ctx.jira, {
      projectKey,
      kind: 'invoice',
      maxResults: PAGE_SIZE,
      ...(nextPageToken ? { nextPageToken } : {}),
    });
    let toMove = 0;
    for (const batch of batches(page.issues, CONCURRENCY))
      toMove += (await Promise.all(batch.map(needsMove))).filter(Boolean).length;
    count = { toMove: count.toMove + toMove, examined: count.examined + page.issues.length, complete: false };
    nextPageToken = page.nextPageToken;
  } while (nextPageToken);
  return { ...count, complete: true };
}
