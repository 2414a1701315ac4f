import { route } from '@forge/api';
import { NotFoundError } from '../../shared/errors';
import type { JiraClient } from './jira-client';

interface SchemeAssociations {
  values?: Array<{
    projectIds?: string[];
    workflowScheme?: { defaultWorkflow?: string; issueTypeMappings?: Record<string, string> };
  }>;
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
