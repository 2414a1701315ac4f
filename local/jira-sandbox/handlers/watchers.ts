import { JiraError } from '../http/errors';
import { userDetails } from '../model/user-view';
import type { StoredIssue } from '../state/records';
import { noContent, ok, param, stringParam, type HandlerContext, type HandlerTable } from './handler-types';

/** Adding or removing someone else needs *Manage watchers*; anyone who can browse the issue may (un)watch it. */
function requireManageWatchers(ctx: HandlerContext, issue: StoredIssue, accountId: string): void {
  if (accountId !== ctx.principal.user.accountId)
    ctx.site.requireIssuePermission(
      issue,
      ctx.principal,
      'MANAGE_WATCHERS',
      'You do not have permission to manage the watcher list.',
    );
}

function requireUser(ctx: HandlerContext, accountId: string): void {
  if (ctx.site.user(accountId)?.accountType !== 'atlassian')
    throw new JiraError(400, [`The user with account ID '${accountId}' does not exist.`]);
}

function setWatchers(ctx: HandlerContext, issue: StoredIssue, change: (watchers: string[]) => string[]): void {
  ctx.site.state.updateIssue(issue.id, (draft) => {
    draft.watchers = change(draft.watchers ?? []);
  });
}

export const watcherHandlers: HandlerTable = {
  getIssueWatchers: (ctx) => {
    const issue = ctx.site.requireIssue(param(ctx, 'issueIdOrKey'), ctx.principal);
    const watchers = issue.watchers ?? [];
    return ok({
      self: ctx.site.url(`/rest/api/3/issue/${issue.key}/watchers`),
      isWatching: watchers.includes(ctx.principal.user.accountId),
      watchCount: watchers.length,
      watchers: watchers.map((accountId) => userDetails(ctx.site, accountId)),
    });
  },

  addWatcher: (ctx) => {
    const issue = ctx.site.requireIssue(param(ctx, 'issueIdOrKey'), ctx.principal);
    const accountId = typeof ctx.body === 'string' && ctx.body !== '' ? ctx.body : ctx.principal.user.accountId;
    requireUser(ctx, accountId);
    requireManageWatchers(ctx, issue, accountId);
    setWatchers(ctx, issue, (watchers) => (watchers.includes(accountId) ? watchers : [...watchers, accountId]));
    return noContent();
  },

  removeWatcher: (ctx) => {
    const issue = ctx.site.requireIssue(param(ctx, 'issueIdOrKey'), ctx.principal);
    const accountId = stringParam(ctx.query, 'accountId');
    if (!accountId) throw new JiraError(400, ['accountId is required.']);
    requireManageWatchers(ctx, issue, accountId);
    setWatchers(ctx, issue, (watchers) => watchers.filter((watcher) => watcher !== accountId));
    return noContent();
  },
};
