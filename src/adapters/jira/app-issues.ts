import { route } from '@forge/api';
import { jqlString, WAVE_LINK_PROPERTY } from './issue-search';
import type { JiraIssue } from './issues';
import type { JiraClient } from './jira-client';

/** An issue the app created for a Wave record, as a project-wide search sees it. */
export interface AppIssue {
  id: string;
  key: string;
  statusId?: string;
  issueTypeId?: string;
  /** From the issue's `wave-link` property. */
  waveId?: string;
}

export interface AppIssuePage {
  issues: AppIssue[];
  /** Jira's token for the next page; absent on the last one. */
  nextPageToken?: string;
}

interface SearchAnswer {
  issues?: JiraIssue[];
  isLast?: boolean;
  nextPageToken?: string;
}

const waveIdOf = (issue: JiraIssue): string | undefined => {
  const property = issue.properties?.[WAVE_LINK_PROPERTY] as { waveId?: unknown } | undefined;
  return typeof property?.waveId === 'string' ? property.waveId : undefined;
};

/**
 * One page of the issues the app created in a project for one kind of Wave record (the indexed `wave-link`
 * property), oldest first, with their status. Search lags behind writes by seconds: an issue created moments ago
 * may be missing, as in Jira.
 */
export async function searchAppIssues(
  jira: JiraClient,
  options: { projectKey: string; kind: 'invoice' | 'customer'; maxResults: number; nextPageToken?: string },
): Promise<AppIssuePage> {
  const body = {
    jql: `project = ${jqlString(options.projectKey)} AND issue.property[${WAVE_LINK_PROPERTY}].kind = ${jqlString(options.kind)} ORDER BY created ASC`,
    fields: ['status', 'issuetype'],
    properties: [WAVE_LINK_PROPERTY],
    maxResults: options.maxResults,
    ...(options.nextPageToken ? { nextPageToken: options.nextPageToken } : {}),
  };
  const answer = await jira.request<SearchAnswer>('POST', route`/rest/api/3/search/jql`, { body, idempotent: true });
  const issues = (answer.issues ?? []).map((issue) => {
    const waveId = waveIdOf(issue);
    return {
      id: issue.id,
      key: issue.key,
      ...(issue.fields.status?.id ? { statusId: issue.fields.status.id } : {}),
      ...(issue.fields.issuetype?.id ? { issueTypeId: issue.fields.issuetype.id } : {}),
      ...(waveId ? { waveId } : {}),
    };
  });
  return {
    issues,
    ...(answer.isLast === false && answer.nextPageToken ? { nextPageToken: answer.nextPageToken } : {}),
  };
}

/** Whether the app has created any issue for this kind of record on the site (one cheap search). */
export async function hasAppIssues(jira: JiraClient, kind: 'invoice' | 'customer'): Promise<boolean> {
  const body = { jql: `issue.property[${WAVE_LINK_PROPERTY}].kind = ${jqlString(kind)}`, maxResults: 1 };
  const answer = await jira.request<SearchAnswer>('POST', route`/rest/api/3/search/jql`, { body, idempotent: true });
  return (answer.issues ?? []).length > 0;
}
