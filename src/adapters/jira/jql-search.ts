import { route } from '@forge/api';
import type { JiraClient } from './jira-client';

export interface SearchedIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  properties: Record<string, unknown>;
}

export interface SearchQuery {
  jql: string;
  /** Fields to return; none: only keys (and `properties`), which Jira pages largest. */
  fields?: string[];
  properties?: string[];
  /** Stop after this many issues (`truncated` then says more matched). */
  maxIssues: number;
}

interface SearchPage {
  issues?: Array<{ id?: string; key?: string; fields?: Record<string, unknown>; properties?: Record<string, unknown> }>;
  isLast?: boolean;
  nextPageToken?: string;
}

/** Jira's largest pages: 5,000 issues when only keys are asked for, 100 with fields (it may send fewer). */
const KEYS_ONLY_PAGE = 5_000;
const WITH_FIELDS_PAGE = 100;

/**
 * Every issue a JQL query finds, page after page (`/rest/api/3/search/jql`, token paging), up to `maxIssues`.
 * Run it with `JiraClient.asUser` to see what that user may browse. Search lags writes by seconds.
 */
export async function searchIssues(
  jira: JiraClient,
  query: SearchQuery,
): Promise<{ issues: SearchedIssue[]; truncated: boolean }> {
  const fields = query.fields?.length ? query.fields : ['key'];
  const pageSize = query.fields?.length ? WITH_FIELDS_PAGE : KEYS_ONLY_PAGE;
  const issues: SearchedIssue[] = [];
  let nextPageToken: string | undefined;
  for (;;) {
    const page = await jira.request<SearchPage>('POST', route`/rest/api/3/search/jql`, {
      body: {
        jql: query.jql,
        fields,
        ...(query.properties?.length ? { properties: query.properties } : {}),
        maxResults: Math.min(pageSize, query.maxIssues - issues.length),
        ...(nextPageToken ? { nextPageToken } : {}),
      },
      idempotent: true,
    });
    for (const issue of page.issues ?? []) {
      if (!issue.id || !issue.key) continue;
      issues.push({ id: issue.id, key: issue.key, fields: issue.fields ?? {}, properties: issue.properties ?? {} });
    }
    const more = page.isLast === false && page.nextPageToken !== undefined && (page.issues?.length ?? 0) > 0;
    if (!more) return { issues, truncated: false };
    if (issues.length >= query.maxIssues) return { issues, truncated: true };
    nextPageToken = page.nextPageToken;
  }
}
