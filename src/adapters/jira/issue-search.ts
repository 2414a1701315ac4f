import { route } from '@forge/api';
import { DEFAULT_ISSUE_FIELDS, type JiraIssue } from './issues';
import type { JiraClient } from './jira-client';

/** The issue entity property the app sets on every synced issue (`jira:entityProperty` indexes waveId and kind). */
export const WAVE_LINK_PROPERTY = 'wave-link';

/** A JQL string literal: quotes and backslashes escaped so an id cannot change the query. */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function waveIdJql(waveId: string, kind?: string): string {
  const byId = `issue.property[${WAVE_LINK_PROPERTY}].waveId = ${jqlString(waveId)}`;
  return kind ? `${byId} AND issue.property[${WAVE_LINK_PROPERTY}].kind = ${jqlString(kind)}` : byId;
}

interface SearchResults {
  issues?: JiraIssue[];
}

/**
 * Issues carrying this Wave id. Search is eventually consistent: pass the ids of issues
 * created moments ago in `reconcileIssueIds` so Jira includes them.
 */
export async function findIssuesByWaveId(
  jira: JiraClient,
  waveId: string,
  options: { kind?: string; fields?: string[]; reconcileIssueIds?: string[] } = {},
): Promise<JiraIssue[]> {
  const body = {
    jql: waveIdJql(waveId, options.kind),
    fields: options.fields ?? DEFAULT_ISSUE_FIELDS,
    properties: [WAVE_LINK_PROPERTY],
    maxResults: 10,
    ...(options.reconcileIssueIds?.length ? { reconcileIssues: options.reconcileIssueIds.map(Number) } : {}),
  };
  const results = await jira.request<SearchResults>('POST', route`/rest/api/3/search/jql`, { body, idempotent: true });
  return results.issues ?? [];
}
