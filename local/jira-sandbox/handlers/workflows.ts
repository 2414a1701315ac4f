import type { ProjectDef, WorkflowDef } from '../catalog/catalog-types';
import { jiraErrors } from '../http/errors';
import {
  classicWorkflowView,
  jiraWorkflowStatusView,
  jiraWorkflowView,
  workflowSchemeView,
} from '../model/workflow-views';
import { listParam, ok, page, stringParam, type HandlerContext, type HandlerTable } from './handler-types';

/** Every workflow API needs *Administer Jira* (the app has it through "atlassian-addons-admin"). */
function requireJiraAdmin(ctx: HandlerContext, message: string): void {
  if (!ctx.site.hasGlobalPermission(ctx.principal, 'ADMINISTER')) throw jiraErrors.forbidden(message);
}

type ReadWorkflowsBody = {
  workflowIds?: string[];
  workflowNames?: string[];
  projectAndIssueTypes?: Array<{ projectId: string; issueTypeId: string }>;
};

export const workflowHandlers: HandlerTable = {
  /** The classic API (deprecated by Jira): transitions, their screens and rules only when `expand` asks. */
  getWorkflowsPaginated: (ctx) => {
    const { site } = ctx;
    requireJiraAdmin(ctx, 'Only Jira administrators can access workflows.');
    const names = listParam(ctx.query, 'workflowName');
    const text = stringParam(ctx.query, 'queryString')?.toLowerCase();
    const expand = listParam(ctx.query, 'expand') ?? [];
    const workflows = site.state.catalog.workflows
      .filter((workflow) => !names || names.includes(workflow.name))
      .filter((workflow) => !text || workflow.name.toLowerCase().includes(text))
      .map((workflow) => classicWorkflowView(site, workflow, expand));
    return ok({
      self: site.url('/rest/api/3/workflow/search'),
      ...page(ctx, workflows, 50),
    });
  },

  /** Bulk get workflows: by id, name, or the project and issue type that use them; unknown ones are left out. */
  readWorkflows: (ctx) => {
    const { site } = ctx;
    if (!site.hasGlobalPermission(ctx.principal, 'ADMINISTER')) throw jiraErrors.unauthorized();
    const body = (ctx.body ?? {}) as ReadWorkflowsBody;
    const all = site.state.catalog.workflows;
    const wanted = new Map<string, WorkflowDef>();
    for (const workflow of all) {
      if (body.workflowIds?.includes(workflow.id) || body.workflowNames?.includes(workflow.name))
        wanted.set(workflow.id, workflow);
    }
    for (const pair of body.projectAndIssueTypes ?? []) {
      const project = site.catalog.projects().find((candidate) => candidate.id === pair.projectId);
      if (!project || !project.issueTypeIds.includes(pair.issueTypeId)) continue;
      const workflow = site.catalog.workflowOf(project);
      wanted.set(workflow.id, workflow);
    }
    const workflows = [...wanted.values()];
    const statusIds = [...new Set(workflows.flatMap((workflow) => workflow.statusIds))];
    return ok({
      statuses: statusIds.map((id) => jiraWorkflowStatusView(site, id)),
      workflows: workflows.map((workflow) => jiraWorkflowView(workflow)),
    });
  },

  /** The workflow scheme of each requested project; unknown projects are ignored, as Jira does. */
  getWorkflowSchemeProjectAssociations: (ctx) => {
    const { site } = ctx;
    requireJiraAdmin(ctx, 'Only Jira administrators can access workflow scheme associations.');
    const ids = ((ctx.query.projectId as number[] | undefined) ?? []).map(String);
    if (ids.length === 0) throw jiraErrors.fieldErrors({ projectId: 'The ID of a project has to be provided.' });
    const projects = ids
      .flatMap((id) => site.catalog.projects().filter((project) => project.id === id))
      .filter((project, index, list) => list.indexOf(project) === index);
    const values = projects.map((project: ProjectDef) => ({
      projectIds: [project.id],
      workflowScheme: workflowSchemeView(site, project),
    }));
    return ok({ values });
  },
};
