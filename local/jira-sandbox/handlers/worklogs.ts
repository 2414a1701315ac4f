import { JiraError } from '../http/errors';
import { isAdfDocument, NOT_ADF } from '../model/adf';
import { parseJiraDateTime } from '../model/dates';
import { parseDuration } from '../model/duration';
import { worklogView } from '../model/entry-views';
import { JIRA_DATE_TIME_REFUSAL } from '../spec/request-validation';
import type { ChangeItem, StoredIssue, StoredWorklog } from '../state/records';
import {
  noContent,
  numberParam,
  ok,
  page,
  param,
  stringParam,
  type HandlerContext,
  type HandlerTable,
} from './handler-types';
import { changeIssue, changeItem } from './issue-changes';
import { findWorklog } from './properties';
import { propertyList } from './property-rules';
import { requirePermittedIssue } from './permitted-issue';
import { setEstimate } from './issue-input';
import { adjustedEstimate, notifyWatchers, requireEditable, requireTimeTracking } from './worklog-rules';

type WorklogBody = {
  timeSpent?: string;
  timeSpentSeconds?: number;
  started?: string;
  comment?: unknown;
  properties?: { key: string; value: unknown }[];
};

const MINIMUM_SECONDS = 60;

interface WorklogInput {
  timeSpentSeconds?: number;
  started?: number;
  comment?: unknown;
}

/** Jira's checks on a worklog body; `required` is false for updates, which may change any part. */
function readWorklog(body: WorklogBody, required: boolean): WorklogInput {
  const errors: Record<string, string> = {};
  const input: WorklogInput = {};
  if (body.timeSpentSeconds !== undefined) {
    if (body.timeSpentSeconds < MINIMUM_SECONDS) errors.timeLogged = 'You must indicate the time spent working.';
    else input.timeSpentSeconds = body.timeSpentSeconds;
  } else if (body.timeSpent !== undefined) {
    const seconds = parseDuration(body.timeSpent);
    if (seconds === undefined) errors.timeLogged = 'Invalid time duration entered.';
    else if (seconds < MINIMUM_SECONDS) errors.timeLogged = 'You must indicate the time spent working.';
    else input.timeSpentSeconds = seconds;
  } else if (required) {
    errors.timeLogged = 'You must indicate the time spent working.';
  }
  if (body.comment !== undefined && body.comment !== null) {
    if (!isAdfDocument(body.comment)) errors.comment = NOT_ADF;
    else input.comment = body.comment;
  }
  if (Object.keys(errors).length > 0) throw new JiraError(400, [], errors);
  if (body.started !== undefined) {
    const started = parseJiraDateTime(body.started);
    if (started === undefined) throw new JiraError(400, [JIRA_DATE_TIME_REFUSAL]);
    input.started = started;
  }
  return input;
}

function timeSpentItems(before: StoredIssue, after: StoredIssue, worklogId: string, removed = false): ChangeItem[] {
  const total = (issue: StoredIssue) =>
    String(issue.worklogs.reduce((sum, worklog) => sum + worklog.timeSpentSeconds, 0));
  const from = before.worklogs.length === 0 ? null : total(before);
  return [
    changeItem('timespent', 'timespent', 'jira', from, from, total(after), total(after)),
    changeItem(
      'WorklogId',
      'WorklogId',
      'jira',
      removed ? worklogId : null,
      removed ? worklogId : null,
      removed ? null : worklogId,
      removed ? null : worklogId,
    ),
  ];
}

function requireWorklogPermission(
  ctx: HandlerContext,
  issue: StoredIssue,
  worklog: StoredWorklog,
  action: 'EDIT' | 'DELETE',
): void {
  const own = worklog.authorId === ctx.principal.user.accountId;
  ctx.site.requireIssuePermission(
    issue,
    ctx.principal,
    own ? `${action}_OWN_WORKLOGS` : `${action}_ALL_WORKLOGS`,
    `You do not have the permission to ${action.toLowerCase()} this worklog.`,
  );
}

const withProperties = (ctx: HandlerContext) =>
  (stringParam(ctx.query, 'expand') ?? '').split(',').includes('properties');

export const worklogHandlers: HandlerTable = {
  addWorklog: (ctx) => {
    const { site, principal } = ctx;
    const issue = requirePermittedIssue(
      ctx,
      'WORK_ON_ISSUES',
      'You do not have the permission to associate a worklog to this issue.',
    );
    requireTimeTracking(ctx, issue, 400);
    requireEditable(ctx, issue);
    const body = (ctx.body ?? {}) as WorklogBody;
    const input = readWorklog(body, true);
    const properties = propertyList(body.properties);
    const remaining = adjustedEstimate(
      ctx,
      'add',
      issue.remainingEstimateSeconds ?? null,
      input.timeSpentSeconds as number,
    );
    const now = site.now();
    const worklog: StoredWorklog = {
      id: String(site.state.nextId('worklog')),
      authorId: principal.user.accountId,
      updateAuthorId: principal.user.accountId,
      comment: input.comment ?? null,
      started: input.started ?? now,
      timeSpentSeconds: input.timeSpentSeconds as number,
      created: now,
      updated: now,
      properties,
    };
    const updated = changeIssue(
      ctx,
      issue.id,
      (draft) => {
        draft.worklogs.push(worklog);
        return [
          ...timeSpentItems(issue, draft, worklog.id),
          ...setEstimate(draft, 'remainingEstimateSeconds', remaining),
        ];
      },
      { eventTypeName: 'issue_work_logged' },
    );
    notifyWatchers(ctx, updated, 'issue_work_logged');
    return ok(worklogView(site, updated, worklog, withProperties(ctx)), 201);
  },

  getIssueWorklog: (ctx) => {
    const issue = ctx.site.requireIssue(param(ctx, 'issueIdOrKey'), ctx.principal);
    requireTimeTracking(ctx, issue, 404);
    const after = numberParam(ctx.query, 'startedAfter', -Infinity);
    const before = numberParam(ctx.query, 'startedBefore', Infinity);
    const matching = issue.worklogs.filter((worklog) => worklog.started >= after && worklog.started < before);
    const { startAt, maxResults, total, values } = page(ctx, matching, 5000);
    const worklogs = values.map((worklog) => worklogView(ctx.site, issue, worklog, withProperties(ctx)));
    return ok({ startAt, maxResults, total, worklogs });
  },

  getWorklog: (ctx) => {
    const issue = ctx.site.requireIssue(param(ctx, 'issueIdOrKey'), ctx.principal);
    requireTimeTracking(ctx, issue, 404);
    return ok(worklogView(ctx.site, issue, findWorklog(ctx, issue, param(ctx, 'id')), withProperties(ctx)));
  },

  updateWorklog: (ctx) => {
    const { site, principal } = ctx;
    const issue = site.requireIssue(param(ctx, 'issueIdOrKey'), principal);
    requireTimeTracking(ctx, issue, 404);
    const worklog = findWorklog(ctx, issue, param(ctx, 'id'));
    requireWorklogPermission(ctx, issue, worklog, 'EDIT');
    requireEditable(ctx, issue);
    const input = readWorklog((ctx.body ?? {}) as WorklogBody, false);
    const remaining = adjustedEstimate(
      ctx,
      'update',
      issue.remainingEstimateSeconds ?? null,
      (input.timeSpentSeconds ?? worklog.timeSpentSeconds) - worklog.timeSpentSeconds,
    );
    const updated = changeIssue(
      ctx,
      issue.id,
      (draft) => {
        const target = draft.worklogs.find((candidate) => candidate.id === worklog.id) as StoredWorklog;
        Object.assign(target, input, { updated: site.now(), updateAuthorId: principal.user.accountId });
        return [
          ...timeSpentItems(issue, draft, worklog.id),
          ...setEstimate(draft, 'remainingEstimateSeconds', remaining),
        ];
      },
      { eventTypeName: 'issue_worklog_updated' },
    );
    notifyWatchers(ctx, updated, 'issue_worklog_updated');
    return ok(
      worklogView(
        site,
        updated,
        updated.worklogs.find((candidate) => candidate.id === worklog.id) as StoredWorklog,
        withProperties(ctx),
      ),
    );
  },

  deleteWorklog: (ctx) => {
    const issue = ctx.site.requireIssue(param(ctx, 'issueIdOrKey'), ctx.principal);
    requireTimeTracking(ctx, issue, 404);
    const worklog = findWorklog(ctx, issue, param(ctx, 'id'));
    requireWorklogPermission(ctx, issue, worklog, 'DELETE');
    requireEditable(ctx, issue);
    const remaining = adjustedEstimate(
      ctx,
      'delete',
      issue.remainingEstimateSeconds ?? null,
      -worklog.timeSpentSeconds,
    );
    const updated = changeIssue(
      ctx,
      issue.id,
      (draft) => {
        draft.worklogs = draft.worklogs.filter((candidate) => candidate.id !== worklog.id);
        return [
          ...timeSpentItems(issue, draft, worklog.id, true),
          ...setEstimate(draft, 'remainingEstimateSeconds', remaining),
        ];
      },
      { eventTypeName: 'issue_worklog_deleted' },
    );
    notifyWatchers(ctx, updated, 'issue_worklog_deleted');
    return noContent();
  },
};
