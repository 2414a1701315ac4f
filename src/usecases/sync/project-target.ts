import { getProjectStatuses, initialStatus, type IssueTypeStatuses } from '../../adapters/jira/project-statuses';
import type { IssueTypeRef } from '../../adapters/storage/config';
import type { ProjectStatus, ProjectTarget, StatusCategoryKey } from '../../domain/sync';
import { describeIssueTypeChoice, issueTypeFor } from '../../domain/sync/issue-type-choice';
import { NotConfiguredError } from '../../shared/errors';
import type { SyncContext } from '../sync-context';
import { ownValue } from '../../shared/own';

/** Workflows change rarely; a warm function instance reuses what it read for a few minutes. */
const CACHE_MS = 5 * 60_000;
const cache = new Map<string, { at: number; statuses: IssueTypeStatuses[] }>();

export function clearProjectTargetCache(): void {
  cache.clear();
}

async function projectStatuses(ctx: SyncContext, projectKey: string): Promise<IssueTypeStatuses[]> {
  const now = ctx.budget.now();
  const hit = cache.get(projectKey);
  if (hit && now - hit.at < CACHE_MS) return hit.statuses;
  const statuses = await getProjectStatuses(ctx.jira, projectKey);
  cache.set(projectKey, { at: now, statuses });
  return statuses;
}

const categoryOf = (key: string | undefined): StatusCategoryKey =>
  key === 'done' ? 'done' : key === 'indeterminate' ? 'indeterminate' : 'new';

/** The project's workflow for the configured issue type, as the planners need it. */
export async function loadProjectTarget(
  ctx: SyncContext,
  projectKey: string,
  issueType: IssueTypeRef,
): Promise<ProjectTarget> {
  const types = await projectStatuses(ctx, projectKey);
  const type = issueTypeFor(
    issueType,
    types.map((candidate) => ({ ...candidate, id: candidate.issueTypeId, name: candidate.issueTypeName })),
  );
  if (!type) {
    throw new NotConfiguredError(
      `project ${projectKey} has no issue type ${describeIssueTypeChoice(issueType)}; choose another issue type on the admin page`,
    );
  }
  const statuses: ProjectStatus[] = type.statuses.map((status) => ({
    id: status.id,
    name: status.name,
    categoryKey: categoryOf(status.categoryKey),
  }));
  const initial = initialStatus(type.statuses);
  if (!initial) throw new NotConfiguredError(`the workflow of ${type.issueTypeName} in ${projectKey} has no statuses`);
  return {
    projectKey,
    issueTypeId: type.issueTypeId,
    statusMapping: ownValue(ctx.config.statusMappings, projectKey) ?? {},
    statuses,
    initialStatusId: initial.id,
  };
}
