import { route } from '@forge/api';
import type { JiraClient } from './jira-client';

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
