import { route } from '@forge/api';
import type { JiraClient } from './jira-client';

export interface JiraStatus {
  id: string;
  name: string;
  /** `new`, `indeterminate` or `done`. */
  categoryKey?: string;
}

export interface IssueTypeStatuses {
  issueTypeId: string;
  issueTypeName: string;
  subtask: boolean;
  statuses: JiraStatus[];
}

interface IssueTypeWithStatus {
  id: string;
  name: string;
  subtask?: boolean;
  statuses?: Array<{ id?: string; name?: string; statusCategory?: { key?: string } }>;
}

/** The statuses each issue type of the project can be in (for the status mapping UI). */
export async function getProjectStatuses(jira: JiraClient, projectKey: string): Promise<IssueTypeStatuses[]> {
  const types = await jira.request<IssueTypeWithStatus[]>('GET', route`/rest/api/3/project/${projectKey}/statuses`);
  return types.map((type) => ({
    issueTypeId: type.id,
    issueTypeName: type.name,
    subtask: type.subtask ?? false,
    statuses: (type.statuses ?? []).flatMap((s) =>
      s.id && s.name
        ? [{ id: s.id, name: s.name, ...(s.statusCategory?.key ? { categoryKey: s.statusCategory.key } : {}) }]
        : [],
    ),
  }));
}

/**
 * The status a new issue most likely starts in. Jira's project statuses do not say which
 * one is initial; the first "To Do" category status is it in every standard workflow.
 */
export function initialStatus(statuses: JiraStatus[]): JiraStatus | undefined {
  return statuses.find((status) => status.categoryKey === 'new') ?? statuses[0];
}
