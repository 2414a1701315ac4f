import type { ProjectDef, TransitionDef, WorkflowDef } from '../catalog/catalog-types';
import type { Site } from '../site';
import { STATUS_CATEGORY_ENUM } from './catalog-views';

/**
 * Workflow definitions as Jira's workflow APIs show them: the deprecated classic
 * `GET /workflow/search` (`Workflow`), its replacement `POST /workflows` (`JiraWorkflow`) and
 * the project → workflow scheme associations. A transition with screen fields has a screen
 * (one per transition, ids derived from the transition's).
 */

export function transitionScreen(def: TransitionDef): { id: string; name: string } | undefined {
  if (!def.screen || def.screen.length === 0) return undefined;
  const numeric = Number(def.id);
  return { id: Number.isInteger(numeric) ? String(10_000 + numeric) : `screen-${def.id}`, name: `${def.name} Screen` };
}

/** `Workflow.transitions[].rules` (`expand=transitions.rules`), the classic shape of conditions and post functions. */
function classicRules(def: TransitionDef): Record<string, unknown> {
  const postFunctions: Record<string, unknown>[] = [
    { type: 'UpdateIssueStatusFunction' },
    { type: 'GenerateChangeHistoryFunction' },
    { type: 'FireIssueEventFunction' },
  ];
  if (def.resolution !== undefined)
    postFunctions.unshift({
      type: 'UpdateIssueFieldFunction',
      configuration: { fieldId: 'resolution', fieldValue: def.resolution ?? '' },
    });
  return {
    ...(def.condition === 'project-admin'
      ? {
          conditionsTree: {
            nodeType: 'simple',
            type: 'PermissionCondition',
            configuration: { permissionKey: 'ADMINISTER_PROJECTS' },
          },
        }
      : {}),
    validators: [],
    postFunctions,
  };
}

/** One classic `Workflow` of `GET /rest/api/3/workflow/search`, with what `expand` asks for. */
export function classicWorkflowView(
  site: Site,
  workflow: WorkflowDef,
  expand: readonly string[],
): Record<string, unknown> {
  const withRules = expand.includes('transitions.rules');
  const withProperties = expand.includes('transitions.properties');
  const withTransitions = withRules || withProperties || expand.includes('transitions');
  const withStatuses = expand.includes('statuses') || expand.includes('statuses.properties');
  const transition = (def: TransitionDef, type: 'initial' | 'global' | 'directed') => {
    const screen = transitionScreen(def);
    return {
      id: def.id,
      name: def.name,
      description: def.description,
      from: def.from,
      to: def.to,
      type,
      ...(screen ? { screen } : {}),
      ...(withRules ? { rules: classicRules(def) } : {}),
      ...(withProperties ? { properties: screen ? { 'jira.fieldscreen.id': screen.id } : {} } : {}),
    };
  };
  const initial: TransitionDef = { ...workflow.initialTransition, description: '', from: [] };
  return {
    id: { name: workflow.name, entityId: workflow.id },
    description: workflow.description,
    ...(expand.includes('default') ? { isDefault: false } : {}),
    ...(withStatuses
      ? {
          statuses: workflow.statusIds.map((id) => ({
            id,
            name: site.catalog.status(id).name,
            ...(expand.includes('statuses.properties') ? { properties: workflow.statusProperties?.[id] ?? {} } : {}),
          })),
        }
      : {}),
    ...(withTransitions
      ? {
          transitions: [
            transition(initial, 'initial'),
            ...workflow.transitions.map((def) => transition(def, def.from.length === 0 ? 'global' : 'directed')),
          ],
        }
      : {}),
  };
}

/** `WorkflowTransitions.conditions`: the rule the new workflow editor writes for "only these permissions". */
function conditionGroup(def: TransitionDef): Record<string, unknown> | undefined {
  if (def.condition !== 'project-admin') return undefined;
  return {
    operation: 'ALL',
    conditions: [
      {
        id: `condition-${def.id}`,
        ruleKey: 'system:restrict-issue-transition',
        parameters: { permissionKeys: 'ADMINISTER_PROJECTS' },
      },
    ],
    conditionGroups: [],
  };
}

/** One `JiraWorkflow` of `POST /rest/api/3/workflows`: statuses and transitions by status reference (the status id). */
export function jiraWorkflowView(workflow: WorkflowDef): Record<string, unknown> {
  const transition = (def: TransitionDef, type: 'INITIAL' | 'GLOBAL' | 'DIRECTED') => {
    const screen = transitionScreen(def);
    const conditions = conditionGroup(def);
    return {
      id: def.id,
      name: def.name,
      description: def.description,
      type,
      toStatusReference: def.to,
      links: def.from.map((statusId) => ({ fromStatusReference: statusId, fromPort: 0, toPort: 1 })),
      actions:
        def.resolution !== undefined
          ? [
              {
                id: `action-${def.id}`,
                ruleKey: 'system:update-field',
                parameters: { field: 'resolution', mode: 'replace', value: def.resolution ?? '' },
              },
            ]
          : [],
      validators: [],
      triggers: [],
      properties: {},
      ...(conditions ? { conditions } : {}),
      ...(screen
        ? {
            transitionScreen: {
              id: `screen-rule-${def.id}`,
              ruleKey: 'system:transition-screen',
              parameters: { screenId: screen.id },
            },
          }
        : {}),
    };
  };
  const initial: TransitionDef = { ...workflow.initialTransition, description: '', from: [] };
  return {
    id: workflow.id,
    name: workflow.name,
    description: workflow.description,
    scope: { type: 'GLOBAL' },
    isEditable: true,
    statuses: workflow.statusIds.map((statusReference) => ({
      statusReference,
      deprecated: false,
      properties: workflow.statusProperties?.[statusReference] ?? {},
    })),
    transitions: [
      transition(initial, 'INITIAL'),
      ...workflow.transitions.map((def) => transition(def, def.from.length === 0 ? 'GLOBAL' : 'DIRECTED')),
    ],
    version: { id: workflow.id, versionNumber: 1 },
  };
}

/** `JiraWorkflowStatus`: the statuses the returned workflows reference. */
export function jiraWorkflowStatusView(site: Site, statusId: string): Record<string, unknown> {
  const status = site.catalog.status(statusId);
  return {
    id: status.id,
    name: status.name,
    description: status.description,
    statusCategory: STATUS_CATEGORY_ENUM[status.category],
    statusReference: status.id,
    scope: status.projectId ? { type: 'PROJECT', project: { id: status.projectId } } : { type: 'GLOBAL' },
  };
}

/** Every project here has its own workflow scheme: all its issue types use the project's workflow. */
export function workflowSchemeView(site: Site, project: ProjectDef): Record<string, unknown> {
  const id = 10_000 + site.catalog.projects().indexOf(project) + 100;
  return {
    id,
    name: `${project.key}: ${site.catalog.workflowOf(project).name} Scheme`,
    description: `The workflow scheme of project ${project.name}.`,
    defaultWorkflow: site.catalog.workflowOf(project).name,
    issueTypeMappings: {},
    self: site.url(`/rest/api/3/workflowscheme/${id}`),
  };
}
