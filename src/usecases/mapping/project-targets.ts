import type { ProjectTarget } from '../../domain/sync';
import type { SyncContext } from '../sync-context';
import { loadProjectTarget } from '../sync/project-target';

/**
 * The workflow (as the sync sees it, with the saved mapping) per issue type of one project: an issue is moved
 * through its own type's workflow, whatever type the configuration names today.
 */
export function projectTargets(ctx: SyncContext, projectKey: string): (issueTypeId?: string) => Promise<ProjectTarget> {
  const targets = new Map<string, Promise<ProjectTarget>>();
  return (issueTypeId) => {
    const key = issueTypeId ?? '';
    let target = targets.get(key);
    if (!target) {
      target = loadProjectTarget(ctx, projectKey, issueTypeId ? { id: issueTypeId } : ctx.config.invoiceIssueType);
      targets.set(key, target);
    }
    return target;
  };
}
