import { byIdOrName } from '../catalog/catalog-lookup';
import type { ProjectDef } from '../catalog/catalog-types';
import { DEFAULT_PRIORITY_ID } from '../catalog/seed-catalog';
import { jiraErrors } from '../http/errors';
import { issueView, selectFields, selectProperties } from '../model/issue-view';
import type { StoredIssue } from '../state/records';
import { listParam, noContent, ok, param, stringParam, type HandlerContext, type HandlerTable } from './handler-types';
import { changeIssue } from './issue-changes';
import { applyPatch, readIssuePatch, screenFields } from './issue-input';
import { propertyList } from './property-rules';
import { requirePermittedIssue } from './permitted-issue';
import { applyTransition, requireTransition } from './transitions';

type IssueBody = {
  fields?: Record<string, unknown>;
  update?: Record<string, Record<string, unknown>[]>;
  properties?: { key: string; value: unknown }[];
  transition?: { id?: string };
};

function findProject(ctx: HandlerContext, reference: unknown): ProjectDef | undefined {
  if (typeof reference !== 'object' || reference === null) return undefined;
  const { id, key } = reference as { id?: unknown; key?: unknown };
  const project =
    typeof id === 'string' || typeof id === 'number'
      ? ctx.site.catalog.project(String(id))
      : typeof key === 'string'
        ? ctx.site.catalog.project(key)
        : undefined;
  return project && ctx.site.hasProjectPermission(ctx.principal, project, 'BROWSE_PROJECTS') ? project : undefined;
}

function findIssueTypeId(ctx: HandlerContext, project: ProjectDef, reference: unknown): string | undefined {
  if (typeof reference !== 'object' || reference === null) return undefined;
  const { id, name } = reference as { id?: unknown; name?: unknown };
  const types = ctx.site.catalog.issueTypesOf(project);
  const found =
    typeof id === 'string'
      ? types.find((type) => type.id === id)
      : typeof name === 'string'
        ? byIdOrName(types, name)
        : undefined;
  return found?.id;
}

function createIssue(ctx: HandlerContext) {
  const { site, principal } = ctx;
  const body = (ctx.body ?? {}) as IssueBody;
  const { project: projectRef, issuetype: issueTypeRef, ...otherFields } = body.fields ?? {};
  const project = findProject(ctx, projectRef);
  if (!project) {
    throw jiraErrors.fieldErrors({
      project: 'Specify a valid project ID or key',
      ...(issueTypeRef === undefined ? { issuetype: 'Specify an issue type' } : {}),
    });
  }
  if (!site.hasProjectPermission(principal, project, 'CREATE_ISSUES')) {
    throw jiraErrors.fieldErrors({ project: 'You do not have permission to create issues in this project.' });
  }
  const issueTypeId = findIssueTypeId(ctx, project, issueTypeRef);
  const { patch, errors } = readIssuePatch(site, otherFields, body.update ?? {}, screenFields(site, project.id));
  if (!issueTypeId)
    errors.issuetype = issueTypeRef === undefined ? 'Specify an issue type' : 'Specify a valid issue type';
  if (patch.summary === undefined && !errors.summary) errors.summary = 'You must specify a summary of the issue.';
  if (Object.keys(errors).length > 0) throw jiraErrors.fieldErrors(errors);
  const properties = propertyList(body.properties);

  const now = site.now();
  const workflow = site.catalog.workflowOf(project);
  const issue = site.state.transaction(() => {
    const draft: StoredIssue = {
      id: String(site.state.nextId('issue')),
      key: site.state.nextIssueKey(project.id, project.key),
      projectId: project.id,
      issueTypeId: issueTypeId as string,
      statusId: workflow.initialTransition.to,
      summary: '',
      description: null,
      labels: [],
      duedate: null,
      priorityId: DEFAULT_PRIORITY_ID,
      resolutionId: null,
      resolutionDate: null,
      creatorId: principal.user.accountId,
      reporterId: principal.user.accountId,
      assigneeId: null,
      customFields: {},
      properties,
      created: now,
      updated: now,
      statusCategoryChangeDate: now,
      worklogs: [],
      comments: [],
      history: [],
      // Autowatch: the person who creates an issue watches it (app accounts have no such preference).
      watchers: principal.user.accountType === 'atlassian' ? [principal.user.accountId] : [],
    };
    applyPatch(site, draft, patch);
    if (body.transition)
      applyTransition(site, draft, requireTransition(site, draft, principal, body.transition.id), {});
    site.state.insertIssue(draft);
    return draft;
  });
  ctx.events.emit({
    kind: 'created',
    issue,
    actorId: principal.user.accountId,
    eventTypeName: 'issue_created',
    toForge: true,
  });
  return ok({ id: issue.id, key: issue.key, self: site.url(`/rest/api/3/issue/${issue.id}`) }, 201);
}

function getIssue(ctx: HandlerContext) {
  const issue = ctx.site.requireIssue(param(ctx, 'issueIdOrKey'), ctx.principal);
  return ok(
    issueView(ctx.site, issue, {
      fields: selectFields(ctx.site, listParam(ctx.query, 'fields'), '*all'),
      properties: selectProperties(issue, listParam(ctx.query, 'properties')),
      expand: stringParam(ctx.query, 'expand'),
      principal: ctx.principal,
    }),
  );
}

function editIssue(ctx: HandlerContext) {
  const { site, principal } = ctx;
  const issue = requirePermittedIssue(ctx, 'EDIT_ISSUES', 'You do not have permission to edit issues in this project.');
  const body = (ctx.body ?? {}) as IssueBody;
  const { patch, errors } = readIssuePatch(
    site,
    body.fields ?? {},
    body.update ?? {},
    screenFields(site, issue.projectId),
  );
  if (Object.keys(errors).length > 0) throw jiraErrors.fieldErrors(errors);
  const properties = propertyList(body.properties);
  const updated = changeIssue(
    ctx,
    issue.id,
    (draft) => {
      Object.assign(draft.properties, properties);
      return applyPatch(site, draft, patch);
    },
    { eventTypeName: 'issue_updated' },
  );
  if (ctx.query.returnIssue === true) {
    return ok(
      issueView(site, updated, {
        fields: selectFields(site, undefined, '*all'),
        expand: stringParam(ctx.query, 'expand'),
        principal,
      }),
    );
  }
  return noContent();
}

function deleteIssue(ctx: HandlerContext) {
  const { site, principal } = ctx;
  const issue = requirePermittedIssue(
    ctx,
    'DELETE_ISSUES',
    'You do not have permission to delete issues in this project.',
  );
  site.state.deleteIssue(issue.id);
  ctx.events.emit({
    kind: 'deleted',
    issue: { ...issue, updated: site.now() },
    actorId: principal.user.accountId,
    eventTypeName: 'issue_deleted',
    toForge: true,
  });
  return noContent();
}

export const issueHandlers: HandlerTable = { createIssue, getIssue, editIssue, deleteIssue };
