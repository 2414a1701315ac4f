import { jiraErrors } from '../http/errors';
import type { StoredIssue, StoredWorklog } from '../state/records';
import { noContent, ok, param, type HandlerContext, type HandlerResult, type HandlerTable } from './handler-types';
import { checkProperty, propertyNotFound } from './property-rules';

/** Where a set of entity properties lives: an issue, or one worklog of an issue. */
interface PropertyHolder {
  selfPath: string;
  read(): Record<string, unknown>;
  write(change: (properties: Record<string, unknown>) => void): void;
}

function issueHolder(ctx: HandlerContext, forWrite: boolean): PropertyHolder {
  const issue = ctx.site.requireIssue(param(ctx, 'issueIdOrKey'), ctx.principal);
  if (forWrite)
    ctx.site.requireIssuePermission(
      issue,
      ctx.principal,
      'EDIT_ISSUES',
      'You do not have permission to edit issues in this project.',
    );
  return {
    selfPath: `/rest/api/3/issue/${issue.id}/properties`,
    read: () => issue.properties,
    write: (change) => ctx.site.state.updateIssue(issue.id, (draft) => change(draft.properties)),
  };
}

export function findWorklog(ctx: HandlerContext, issue: StoredIssue, worklogId: string): StoredWorklog {
  const worklog = issue.worklogs.find((candidate) => candidate.id === worklogId);
  if (!worklog) throw jiraErrors.notFound(`Cannot find worklog with id: '${worklogId}'.`);
  return worklog;
}

function worklogHolder(ctx: HandlerContext, forWrite: boolean): PropertyHolder {
  const issue = ctx.site.requireIssue(param(ctx, 'issueIdOrKey'), ctx.principal);
  const worklog = findWorklog(ctx, issue, param(ctx, 'worklogId'));
  if (forWrite && worklog.authorId !== ctx.principal.user.accountId) {
    ctx.site.requireIssuePermission(
      issue,
      ctx.principal,
      'EDIT_ALL_WORKLOGS',
      'You do not have the permission to edit this worklog.',
    );
  }
  return {
    selfPath: `/rest/api/3/issue/${issue.id}/worklog/${worklog.id}/properties`,
    read: () => worklog.properties,
    write: (change) =>
      ctx.site.state.updateIssue(issue.id, (draft) => {
        const target = draft.worklogs.find((candidate) => candidate.id === worklog.id);
        if (target) change(target.properties);
      }),
  };
}

function endpoints(holder: (ctx: HandlerContext, forWrite: boolean) => PropertyHolder) {
  return {
    keys: (ctx: HandlerContext): HandlerResult => {
      const found = holder(ctx, false);
      return ok({
        keys: Object.keys(found.read()).map((key) => ({
          self: ctx.site.url(`${found.selfPath}/${encodeURIComponent(key)}`),
          key,
        })),
      });
    },
    get: (ctx: HandlerContext): HandlerResult => {
      const key = param(ctx, 'propertyKey');
      const properties = holder(ctx, false).read();
      if (!(key in properties)) throw propertyNotFound(key);
      return ok({ key, value: properties[key] });
    },
    set: (ctx: HandlerContext): HandlerResult => {
      const key = param(ctx, 'propertyKey');
      checkProperty(key, ctx.body);
      const found = holder(ctx, true);
      const existed = key in found.read();
      found.write((properties) => {
        properties[key] = ctx.body;
      });
      return { status: existed ? 200 : 201 };
    },
    delete: (ctx: HandlerContext): HandlerResult => {
      const key = param(ctx, 'propertyKey');
      const found = holder(ctx, true);
      if (!(key in found.read())) throw propertyNotFound(key);
      found.write((properties) => {
        delete properties[key];
      });
      return noContent();
    },
  };
}

const issueProperties = endpoints(issueHolder);
const worklogProperties = endpoints(worklogHolder);

export const propertyHandlers: HandlerTable = {
  getIssuePropertyKeys: issueProperties.keys,
  getIssueProperty: issueProperties.get,
  setIssueProperty: issueProperties.set,
  deleteIssueProperty: issueProperties.delete,
  getWorklogPropertyKeys: worklogProperties.keys,
  getWorklogProperty: worklogProperties.get,
  setWorklogProperty: worklogProperties.set,
  deleteWorklogProperty: worklogProperties.delete,
};
