import { route } from '@forge/api';
import type { JiraClient } from './jira-client';
import { readStartAtPages } from './start-at-pages';
import type { IssueEntryRead } from './worklog-reads';

export interface CommentPage {
  total?: number;
  comments?: Array<{ id?: string; author?: { accountType?: string }; created?: string; body?: unknown }>;
}

/** A comment as Jira sends it (in its list, or inline in an issue's `comment` field) → an entry; [] when incomplete. */
export function commentEntry(comment: NonNullable<CommentPage['comments']>[number]): IssueEntryRead[] {
  if (!comment.id || !comment.created) return [];
  return [
    {
      id: comment.id,
      authorAccountType: comment.author?.accountType ?? 'unknown',
      at: comment.created,
      body: comment.body,
      properties: {},
    },
  ];
}

const PAGE_SIZE = 100;
const MAX_PAGES = 10;

/** An issue's comments, oldest first (at most the first 1,000). */
export async function listComments(jira: JiraClient, issueIdOrKey: string): Promise<IssueEntryRead[]> {
  return readStartAtPages(PAGE_SIZE, MAX_PAGES, async (startAt) => {
    const page = await jira.request<CommentPage>(
      'GET',
      route`/rest/api/3/issue/${issueIdOrKey}/comment?startAt=${startAt}&maxResults=${PAGE_SIZE}&orderBy=created`,
    );
    return { items: (page.comments ?? []).flatMap(commentEntry), total: page.total };
  });
}
