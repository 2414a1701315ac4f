import { JiraError } from '../http/errors';
import { parseDuration } from '../model/duration';
import type { StoredIssue } from '../state/records';
import { stringParam, type HandlerContext } from './handler-types';

/*
 * Jira's rules around worklogs that are not about the worklog itself: time tracking must be on,
 * the issue's status must be editable, the remaining estimate moves as `adjustEstimate` says, and
 * watchers hear of it unless `notifyUsers=false`. Jira does not publish the wording of the first two
 * refusals; these are plain sentences with the status codes the spec documents.
 */

export const TIME_TRACKING_OFF = 'Time Tracking is not enabled.';
export const NOT_EDITABLE = 'You cannot log work on this issue: it is in a non-editable workflow state.';
/** Jira Cloud's answer to an override flag from a caller not entitled to it. */
export const OVERRIDE_REFUSED = 'Only Connect app users with admin permissions can use this flag.';
export const EDITABLE_PROPERTY = 'jira.issue.editable';

/** Adding answers 400 (the spec's "no permission to add the worklog"); reading, changing and deleting 404. */
export function requireTimeTracking(ctx: HandlerContext, issue: StoredIssue, status: 400 | 404): void {
  if (!ctx.site.timeTrackingOn(issue.projectId)) throw new JiraError(status, [TIME_TRACKING_OFF]);
}

/**
 * Refuses work on an issue whose status carries `jira.issue.editable=false`, unless the caller sends
 * `overrideEditableFlag=true` and may: per the spec, only Connect and Forge app users with Administer Jira.
 */
export function requireEditable(ctx: HandlerContext, issue: StoredIssue): void {
  const override = ctx.query.overrideEditableFlag === true;
  if (override && !(ctx.principal.kind === 'app' && ctx.site.hasGlobalPermission(ctx.principal, 'ADMINISTER')))
    throw new JiraError(403, [OVERRIDE_REFUSED]);
  if (override || isEditable(ctx, issue)) return;
  throw new JiraError(400, [NOT_EDITABLE]);
}

function isEditable(ctx: HandlerContext, issue: StoredIssue): boolean {
  const workflow = ctx.site.catalog.workflowOf(ctx.site.catalog.projectById(issue.projectId));
  return workflow.statusProperties?.[issue.statusId]?.[EDITABLE_PROPERTY] !== 'false';
}

type EstimateChange = 'add' | 'update' | 'delete';

/**
 * The remaining estimate after logging `loggedSeconds` more work (negative: less), as `adjustEstimate`
 * asks: `auto` (the default) moves it by the work, never below 0; `leave` keeps it; `new` sets
 * `newEstimate`; `manual` reduces it by `reduceBy` (adding) or raises it by `increaseBy` (deleting).
 * An issue without an estimate keeps none, except under `new`.
 */
export function adjustedEstimate(
  ctx: HandlerContext,
  change: EstimateChange,
  remaining: number | null,
  loggedSeconds: number,
): number | null {
  const mode = stringParam(ctx.query, 'adjustEstimate') ?? 'auto';
  const byMode: Record<string, () => number | null> = {
    leave: () => remaining,
    auto: () => (remaining === null ? null : Math.max(0, remaining - loggedSeconds)),
    new: () => duration(ctx, 'newEstimate', 'You must supply a valid new estimate.'),
    manual: () => {
      const [name, message, sign] =
        change === 'delete'
          ? ['increaseBy', 'You must supply a valid amount of time to increase the estimate by.', -1]
          : ['reduceBy', 'You must supply a valid amount of time to reduce the estimate by.', 1];
      const amount = duration(ctx, name as string, message as string) * (sign as number);
      return remaining === null ? null : Math.max(0, remaining - amount);
    },
  };
  const adjust = byMode[mode];
  if (!adjust) throw new JiraError(400, [`The value '${mode}' is not valid for adjustEstimate.`]);
  return adjust();
}

function duration(ctx: HandlerContext, name: string, message: string): number {
  const text = stringParam(ctx.query, name);
  const seconds = text === undefined ? undefined : parseDuration(text);
  if (seconds === undefined) throw new JiraError(400, [], { [name]: message });
  return seconds;
}

/** Emails the watchers about a worklog event unless the caller sent `notifyUsers=false` (any caller may). */
export function notifyWatchers(ctx: HandlerContext, issue: StoredIssue, event: string): void {
  if (ctx.query.notifyUsers === false) return;
  ctx.notifications.notify(issue, event, ctx.principal.user.accountId);
}
