import { route } from '@forge/api';
import type { JiraClient } from './jira-client';
import { JiraBadRequestError, JiraNotFoundError } from './jira-errors';
import { readStartAtPages } from './start-at-pages';

/** A worklog or comment as the billing views read it: who wrote it, when, its text (ADF), its properties. */
export interface IssueEntryRead {
  id: string;
  /** Jira's `accountType` of the author: `atlassian` (a person), `app`, … */
  authorAccountType: string;
  /** A worklog's `started`, a comment's `created` (Jira's timestamp format). */
  at: string;
  body: unknown;
  properties: Record<string, unknown>;
}

export interface WorklogPage {
  total?: number;
  worklogs?: Array<{
    id?: string;
    author?: { accountType?: string };
    started?: string;
    comment?: unknown;
    properties?: Array<{ key?: string; value?: unknown }>;
  }>;
}

const PAGE_SIZE = 1_000;
const MAX_PAGES = 5;

/** A worklog as Jira sends it (in its list, or inline in an issue's `worklog` field) → an entry; [] when incomplete. */
export function worklogEntry(worklog: NonNullable<WorklogPage['worklogs']>[number]): IssueEntryRead[] {
  if (!worklog.id || !worklog.started) return [];
  const properties = (worklog.properties ?? []).flatMap((property) =>
    property.key ? [[property.key, property.value] as const] : [],
  );
  return [
    {
      id: worklog.id,
      authorAccountType: worklog.author?.accountType ?? 'unknown',
      at: worklog.started,
      body: worklog.comment,
      properties: Object.fromEntries(properties),
    },
  ];
}

/**
 * An issue's worklogs with their properties, oldest first. Empty where Jira keeps none: with time tracking off
 * Jira answers the list with 404 (or 400), and the app records payments as comments instead.
 */
export async function listWorklogs(jira: JiraClient, issueIdOrKey: string): Promise<IssueEntryRead[]> {
  try {
    return await readStartAtPages(PAGE_SIZE, MAX_PAGES, async (startAt) => {
      const page = await jira.request<WorklogPage>(
        'GET',
        route`/rest/api/3/issue/${issueIdOrKey}/worklog?startAt=${startAt}&maxResults=${PAGE_SIZE}&expand=properties`,
      );
      return { items: (page.worklogs ?? []).flatMap(worklogEntry), total: page.total };
    });
  } catch (error) {
    if (error instanceof JiraNotFoundError || error instanceof JiraBadRequestError) return [];
    throw error;
  }
}
