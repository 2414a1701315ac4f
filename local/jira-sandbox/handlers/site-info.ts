import type { ProjectDef } from '../catalog/catalog-types';
import { customFieldJsonType, extensionAri, SYSTEM_FIELDS } from '../catalog/fields';
import { jiraErrors } from '../http/errors';
import { issueTypeView, projectDetails, STATUS_CATEGORY_ENUM, statusView } from '../model/catalog-views';
import { formatJiraDateTime } from '../model/dates';
import { fullUser } from '../model/user-view';
import type { Site } from '../site';
import { listParam, ok, page, param, stringParam, type HandlerContext, type HandlerTable } from './handler-types';

function projectView(site: Site, project: ProjectDef, expand: string[], full: boolean): Record<string, unknown> {
  const lead = site.user(project.leadAccountId);
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    ...projectDetails(site, project),
    style: 'classic',
    isPrivate: false,
    properties: {},
    uuid: project.uuid,
    ...(full || expand.includes('description') ? { description: project.description } : {}),
    ...((full || expand.includes('lead')) && lead ? { lead: fullUser(site, lead) } : {}),
    ...(full || expand.includes('issueTypes')
      ? { issueTypes: site.catalog.issueTypesOf(project).map((issueType) => issueTypeView(site, issueType)) }
      : {}),
    ...(full ? { components: [], versions: [], assigneeType: 'UNASSIGNED', roles: {} } : {}),
  };
}

function requireProject(ctx: HandlerContext, reference: string): ProjectDef {
  const project = ctx.site.catalog.project(reference);
  if (!project || !ctx.site.hasProjectPermission(ctx.principal, project, 'BROWSE_PROJECTS')) {
    throw jiraErrors.notFound(
      `No project could be found with ${/^\d+$/.test(reference) ? 'id' : 'key'} '${reference}'.`,
    );
  }
  return project;
}

function fieldDetails(site: Site): Record<string, unknown>[] {
  const system = SYSTEM_FIELDS.map((fieldDef) => ({
    id: fieldDef.id,
    key: fieldDef.id,
    name: fieldDef.name,
    custom: false,
    orderable: fieldDef.orderable,
    navigable: true,
    searchable: true,
    clauseNames: fieldDef.clauseNames,
    schema: fieldDef.schema,
  }));
  const custom = site.catalog.customFields().map((fieldDef) => ({
    id: fieldDef.id,
    key: fieldDef.id,
    name: fieldDef.name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${fieldDef.numericId}]`, fieldDef.name],
    schema: {
      type: customFieldJsonType(fieldDef.type),
      custom: extensionAri(site.app.appId, site.app.environmentId, fieldDef.moduleKey),
      customId: fieldDef.numericId,
    },
  }));
  return [...system, ...custom];
}

export const siteInfoHandlers: HandlerTable = {
  getCurrentUser: (ctx) => ok(fullUser(ctx.site, ctx.principal.user)),

  getServerInfo: (ctx) =>
    ok({
      baseUrl: ctx.site.url(''),
      displayUrl: ctx.site.url(''),
      version: '1001.0.0-SNAPSHOT',
      versionNumbers: [1001, 0, 0],
      deploymentType: 'Cloud',
      buildNumber: 100290,
      buildDate: '2025-12-25T00:00:00.000+0000',
      serverTime: formatJiraDateTime(ctx.site.now()),
      scmInfo: 'local-jira-sandbox',
      serverTitle: 'Jira',
    }),

  searchProjects: (ctx) => {
    const { site } = ctx;
    const keys = listParam(ctx.query, 'keys');
    const ids = (ctx.query.id as number[] | undefined)?.map(String);
    const text = stringParam(ctx.query, 'query')?.toLowerCase();
    const expand = listParam(ctx.query, 'expand') ?? [];
    const orderBy = stringParam(ctx.query, 'orderBy') ?? 'key';
    const descending = orderBy.startsWith('-');
    const sortField = orderBy.replace(/^[+-]/, '') === 'name' ? 'name' : 'key';
    const projects = site.catalog
      .projects()
      .filter((project) => site.hasProjectPermission(ctx.principal, project, 'BROWSE_PROJECTS'))
      .filter((project) => !keys || keys.some((key) => key.toLowerCase() === project.key.toLowerCase()))
      .filter((project) => !ids || ids.includes(project.id))
      .filter(
        (project) => !text || project.key.toLowerCase().includes(text) || project.name.toLowerCase().includes(text),
      )
      .sort((a, b) => a[sortField].localeCompare(b[sortField]) * (descending ? -1 : 1));
    const result = page(
      ctx,
      projects.map((project) => projectView(site, project, expand, false)),
      50,
    );
    return ok({
      self: site.url(`/rest/api/3/project/search?startAt=${result.startAt}&maxResults=${result.maxResults}`),
      ...result,
    });
  },

  getProject: (ctx) =>
    ok(
      projectView(
        ctx.site,
        requireProject(ctx, param(ctx, 'projectIdOrKey')),
        listParam(ctx.query, 'expand') ?? [],
        true,
      ),
    ),

  getIssueTypesForProject: (ctx) => {
    const project = requireProject(ctx, String(ctx.query.projectId));
    return ok(
      ctx.site.catalog.issueTypesOf(project).map((issueType) => ({
        ...issueTypeView(ctx.site, issueType),
        scope: { type: 'PROJECT', project: { id: project.id } },
      })),
    );
  },

  getAllStatuses: (ctx) => {
    const { site } = ctx;
    const project = requireProject(ctx, param(ctx, 'projectIdOrKey'));
    const statuses = site.catalog.statusesOf(project).map((status) => statusView(site, status));
    return ok(
      site.catalog.issueTypesOf(project).map((issueType) => ({
        self: site.url(`/rest/api/3/issuetype/${issueType.id}`),
        id: issueType.id,
        name: issueType.name,
        subtask: false,
        statuses,
      })),
    );
  },

  getStatuses: (ctx) => ok(ctx.site.catalog.statuses().map((status) => statusView(ctx.site, status))),

  search: (ctx) => {
    const { site } = ctx;
    const projectId = stringParam(ctx.query, 'projectId');
    const text = stringParam(ctx.query, 'searchString')?.toLowerCase();
    const category = stringParam(ctx.query, 'statusCategory');
    const statuses = site.catalog
      .statuses()
      .filter((status) => !projectId || status.projectId === projectId || status.projectId === undefined)
      .filter((status) => !text || status.name.toLowerCase().includes(text))
      .filter((status) => !category || STATUS_CATEGORY_ENUM[status.category] === category)
      .map((status) => ({
        id: status.id,
        name: status.name,
        statusCategory: STATUS_CATEGORY_ENUM[status.category],
        scope: status.projectId ? { type: 'PROJECT', project: { id: status.projectId } } : { type: 'GLOBAL' },
      }));
    return ok({ self: site.url('/rest/api/3/statuses/search'), ...page(ctx, statuses, 200) });
  },

  getFields: (ctx) => ok(fieldDetails(ctx.site)),
};
