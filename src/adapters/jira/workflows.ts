import { route } from '@forge/api';
import { NotFoundError } from '../../shared/errors';
import type { JiraClient } from './jira-client';
import { groupBlocksApp, type ConditionGroup, type RuleConfiguration } from './workflow-conditions';

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
