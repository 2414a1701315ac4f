import type { StoredIssue } from '../state/records';
import type { ProjectPermission } from '../users';
import { param, type HandlerContext } from './handler-types';

/**
 * The issue the path names (Jira's 404 when it does not exist or the caller cannot browse it), once the caller
 * is found to hold `permission` in its project (else Jira's 403 with `refusal`).
 */
export function requirePermittedIssue(
  ctx: HandlerContext,
  permission: ProjectPermission,
  refusal: string,
): StoredIssue {
  const issue = ctx.site.requireIssue(param(ctx, 'issueIdOrKey'), ctx.principal);
  ctx.site.requireIssuePermission(issue, ctx.principal, permission, refusal);
  return issue;
}
