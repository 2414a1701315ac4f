import { route } from '@forge/api';
import type { JiraClient } from '../../../adapters/jira/jira-client';
import { NotFoundError } from '../../../shared/errors';

/** One transition of a workflow definition (not of an issue): where it may start and where it goes. */
export interface WorkflowTransition {
  id: string;
  name: string;
  /** Empty for a global transition (from any status). */
  from: string[];
  to: string;
  hasScreen: boolean;
}

interface SchemeAssociations {
  values?: Array<{ projectIds?: string[]; workflowScheme?: { defaultWorkflow?: string; issueTypeMappings?: Record<string, string> } }>;
}

type WorkflowValue = {
  id?: { name?: string };
  statuses?: Array<{ id?: string }>;
  transitions?: Array<{ id?: string; name?: string; from?: string[]; to?: string; type?: string; screen?: { id?: string } | null }>;
};

interface WorkflowPage {
  isLast?: boolean;
  values?: WorkflowValue[];
}

const PAGE_SIZE = 50;
const MAX_PAGES = 10;

/** Jira's default workflow is used when a scheme names none. */
const JIRA_DEFAULT_WORKFLOW = 'jira';

/** The name of the workflow an issue type uses in a project (through the project's workflow scheme). */
export async function workflowNameFor(jira: JiraClient, projectId: string, issueTypeId: string): Promise<string> {
  const answer = await jira.request<SchemeAssociations>('GET', route`/rest/api/3/workflowscheme/project?projectId=${projectId}`);
  const scheme = (answer.values ?? []).find((value) => value.projectIds?.includes(projectId))?.workflowScheme ?? answer.values?.[0]?.workflowScheme;
  if (!scheme) throw new NotFoundError(`Jira did not say which workflow scheme project ${projectId} uses`);
  return scheme.issueTypeMappings?.[issueTypeId] ?? scheme.defaultWorkflow ?? JIRA_DEFAULT_WORKFLOW;
}

function transitionsOf(workflow: WorkflowValue): WorkflowTransition[] {
  return (workflow.transitions ?? []).flatMap((transition) =>
    transition.id && transition.to && transition.type !== 'initial'
      ? [{ id: transition.id, name: transition.name ?? transition.id, from: transition.from ?? [], to: transition.to, hasScreen: Boolean(transition.screen?.id) }]
      : [],
  );
}

/** The transitions of a workflow, from its definition (`GET /rest/api/3/workflow/search?expand=transitions`). */
export async function workflowTransitions(jira: JiraClient, workflowName: string): Promise<WorkflowTransition[]> {
  const page = await jira.request<WorkflowPage>('GET', route`/rest/api/3/workflow/search?workflowName=${workflowName}&expand=transitions`);
  const workflow = (page.values ?? []).find((value) => value.id?.name === workflowName);
  if (!workflow) throw new NotFoundError(`Jira did not return the workflow "${workflowName}"`);
  return transitionsOf(workflow);
}

/**
 * When the workflow scheme cannot be read: the one workflow whose statuses are exactly the issue
 * type's (Jira lists an issue type's statuses from its workflow). Ambiguous or none: NotFoundError.
 */
export async function workflowTransitionsByStatuses(jira: JiraClient, statusIds: readonly string[]): Promise<WorkflowTransition[]> {
  const wanted = [...new Set(statusIds)].sort().join(',');
  const matches: WorkflowValue[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const startAt = page * PAGE_SIZE;
    const answer = await jira.request<WorkflowPage>('GET', route`/rest/api/3/workflow/search?startAt=${startAt}&maxResults=${PAGE_SIZE}&expand=transitions,statuses`);
    const values = answer.values ?? [];
    for (const value of values) {
      const ids = [...new Set((value.statuses ?? []).flatMap((status) => (status.id ? [status.id] : [])))].sort().join(',');
      if (ids === wanted) matches.push(value);
    }
    if (answer.isLast !== false || values.length === 0) break;
  }
  const only = matches.length === 1 ? matches[0] : undefined;
  if (!only) throw new NotFoundError(matches.length === 0 ? 'no workflow has exactly these statuses' : 'several workflows have these statuses');
  return transitionsOf(only);
}
