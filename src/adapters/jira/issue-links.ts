import { route } from '@forge/api';
import type { JiraClient } from './jira-client';
import { JiraNotFoundError } from './jira-errors';

/** Links two issues ("Relates" by default). Jira keeps one link per type and pair, so repeating it is harmless. */
export async function linkIssues(
  jira: JiraClient,
  link: { inwardIssueKey: string; outwardIssueKey: string; typeName?: string },
): Promise<void> {
  await jira.request<void>('POST', route`/rest/api/3/issueLink`, {
    body: {
      type: { name: link.typeName ?? 'Relates' },
      inwardIssue: { key: link.inwardIssueKey },
      outwardIssue: { key: link.outwardIssueKey },
    },
    idempotent: true,
  });
}

interface IssueLinksField {
  fields?: {
    issuelinks?: Array<{ id?: string; inwardIssue?: { key?: string }; outwardIssue?: { key?: string } }>;
  };
}

/** Every link of the issue, whoever made it: its id and the issue at the other end. */
export async function listIssueLinks(
  jira: JiraClient,
  issueIdOrKey: string,
): Promise<Array<{ linkId: string; otherKey: string }>> {
  const issue = await jira.request<IssueLinksField>('GET', route`/rest/api/3/issue/${issueIdOrKey}?fields=issuelinks`);
  return (issue.fields?.issuelinks ?? []).flatMap((link) => {
    const otherKey = link.inwardIssue?.key ?? link.outwardIssue?.key;
    return link.id && otherKey ? [{ linkId: link.id, otherKey }] : [];
  });
}

/** Deletes a link; one already gone is fine. */
export async function deleteIssueLink(jira: JiraClient, linkId: string): Promise<void> {
  try {
    await jira.request<void>('DELETE', route`/rest/api/3/issueLink/${linkId}`);
  } catch (error) {
    if (!(error instanceof JiraNotFoundError)) throw error;
  }
}
