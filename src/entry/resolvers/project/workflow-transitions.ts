import { route } from '@forge/api';
import type { JiraClient } from '../../../adapters/jira/jira-client';
import { NotFoundError } from '../../../shared/errors';
import { ownValue } from '../../../shared/own';

/** One transition of a workflow definition (not of an issue): where it may start and where it goes. */
export interface WorkflowTransition {
  id: string;
  name: string;
  /** Empty for a global transition (from any status). */
  from: string[];
  to: string;
  hasScreen: boolean;
  /** False when a condition keeps the app (which the sync runs as) from taking it; undefined means available. */
  isAvailable?: boolean;
}

interface SchemeAssociations {
  values?: Array<{
    projectIds?: string[];
    workflowScheme?: { defaultWorkflow?: string; issueTypeMappings?: Record<string, string> };
  }>;
}

/** A rule of Jira's workflow definition (`WorkflowRuleConfiguration`). */
interface RuleConfiguration {
  ruleKey?: string;
  parameters?: Record<string, string>;
}

/** `ConditionGroupConfiguration`: conditions and nested groups, all (`ALL`) or one (`ANY`) of which must hold. */
interface ConditionGroup {
  operation?: 'ALL' | 'ANY';
  conditions?: RuleConfiguration[];
  conditionGroups?: ConditionGroup[];
}

/** The parts of `JiraWorkflowTransitions` (`POST /rest/api/3/workflows`) the preview reads. */
interface JiraWorkflowTransitionValue {
  id?: string;
  name?: string;
  type?: 'INITIAL' | 'GLOBAL' | 'DIRECTED';
  toStatusReference?: string;
  links?: Array<{ fromStatusReference?: string | null } | null>;
  transitionScreen?: RuleConfiguration | null;
  conditions?: ConditionGroup | null;
}

interface WorkflowReadResponse {
  statuses?: Array<{ id?: string; statusReference?: string }>;
  workflows?: Array<{ id?: string; name?: string; transitions?: JiraWorkflowTransitionValue[] }>;
}

/** Jira's default workflow is used when a scheme names none. */
const JIRA_DEFAULT_WORKFLOW = 'jira';

/** The name of the workflow an issue type uses in a project (through the project's workflow scheme). */
export async function workflowNameFor(jira: JiraClient, projectId: string, issueTypeId: string): Promise<string> {
  const answer = await jira.request<SchemeAssociations>(
    'GET',
    route`/rest/api/3/workflowscheme/project?projectId=${projectId}`,
  );
  // Jira leaves out team-managed projects: no scheme then.
  const scheme = (answer.values ?? []).find((value) => value.projectIds?.includes(projectId))?.workflowScheme;
  if (!scheme) throw new NotFoundError(`Jira did not say which workflow scheme project ${projectId} uses`);
  return scheme.issueTypeMappings?.[issueTypeId] ?? scheme.defaultWorkflow ?? JIRA_DEFAULT_WORKFLOW;
}

/**
 * Whether the app certainly passes (true) or fails (false) one of Jira's built-in transition
 * conditions; undefined when it depends on the issue or the rule is not Jira's.
 * The app belongs to "atlassian-addons-admin", which holds every project permission.
 */
function appPasses(rule: RuleConfiguration): boolean | undefined {
  const parameters = rule.parameters ?? {};
  const listed = (name: string) =>
    (ownValue(parameters, name) ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  switch (rule.ruleKey) {
    case 'system:restrict-from-all-users':
      return parameters.restrictMode !== 'usersAndAPI';
    case 'system:restrict-issue-transition':
      // True when any criterion holds: the app has every permission; the other criteria name people.
      return listed('permissionKeys').length > 0 ? true : undefined;
    default:
      return undefined;
  }
}

/** A condition group the app cannot pass (`false`); unknown conditions are taken to pass, as Jira decides per issue. */
function groupBlocksApp(group: ConditionGroup): boolean {
  const results = [
    ...(group.conditions ?? []).map((rule) => appPasses(rule) !== false),
    ...(group.conditionGroups ?? []).map((nested) => !groupBlocksApp(nested)),
  ];
  if (results.length === 0) return false;
  return group.operation === 'ANY' ? !results.some(Boolean) : !results.every(Boolean);
}

function transitionsOf(
  values: readonly JiraWorkflowTransitionValue[],
  statusIdByReference: ReadonlyMap<string, string>,
): WorkflowTransition[] {
  const statusId = (reference: string) => statusIdByReference.get(reference) ?? reference;
  return values.flatMap((transition) => {
    if (!transition.id || !transition.toStatusReference || transition.type === 'INITIAL') return [];
    const from =
      transition.type === 'GLOBAL'
        ? []
        : (transition.links ?? []).flatMap((link) =>
            link?.fromStatusReference ? [statusId(link.fromStatusReference)] : [],
          );
    return [
      {
        id: transition.id,
        name: transition.name ?? transition.id,
        from,
        to: statusId(transition.toStatusReference),
        hasScreen: Boolean(transition.transitionScreen?.ruleKey),
        isAvailable: !(transition.conditions && groupBlocksApp(transition.conditions)),
      },
    ];
  });
}

/** Jira's bulk get workflows (`POST /rest/api/3/workflows`, a read): transitions with screens and conditions. */
async function readWorkflow(
  jira: JiraClient,
  request: { workflowNames: string[] } | { projectAndIssueTypes: Array<{ projectId: string; issueTypeId: string }> },
  pick: (name: string | undefined) => boolean,
): Promise<WorkflowTransition[]> {
  const answer = await jira.request<WorkflowReadResponse>('POST', route`/rest/api/3/workflows`, {
    body: request,
    idempotent: true,
  });
  const workflow = (answer.workflows ?? []).find((value) => pick(value.name));
  if (!workflow) throw new NotFoundError('Jira did not return the workflow');
  const references = new Map(
    (answer.statuses ?? []).flatMap((status) =>
      status.statusReference && status.id ? [[status.statusReference, status.id] as const] : [],
    ),
  );
  return transitionsOf(workflow.transitions ?? [], references);
}

/** The transitions of a workflow, by name. */
export async function workflowTransitions(jira: JiraClient, workflowName: string): Promise<WorkflowTransition[]> {
  return readWorkflow(jira, { workflowNames: [workflowName] }, (name) => name === workflowName);
}

/** The transitions of the workflow an issue type uses in a project, asked of Jira directly (also for team-managed projects). */
export async function workflowTransitionsForIssueType(
  jira: JiraClient,
  projectId: string,
  issueTypeId: string,
): Promise<WorkflowTransition[]> {
  return readWorkflow(jira, { projectAndIssueTypes: [{ projectId, issueTypeId }] }, () => true);
}
