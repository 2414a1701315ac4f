import type { JiraStats } from '../local/jira-sandbox/types';
import { servedByEndpoint } from './jira-stats';

/** The kinds of Jira write the floor counts (bench/README.md, "The floor"). */
export const WRITE_KINDS = ['create', 'fields', 'edit', 'transition', 'worklog', 'link'] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

/**
 * A write kind the floor counts, or the endpoint itself (`METHOD /path`) for any other request; reads (GETs and
 * the POSTs that read) as `read METHOD /path`, so the gap to the floor names the requests to cut.
 */
export type RequestKind = WriteKind | string;

const ISSUE = '/rest/api/3/issue/{issueIdOrKey}';
const WRITES: Record<string, WriteKind> = {
  'POST /rest/api/3/issue': 'create',
  'POST /rest/api/3/app/field/value': 'fields',
  'PUT /rest/api/3/app/field/{fieldIdOrKey}/value': 'fields',
  [`PUT ${ISSUE}`]: 'edit',
  [`POST ${ISSUE}/transitions`]: 'transition',
  [`POST ${ISSUE}/worklog`]: 'worklog',
  'POST /rest/api/3/issueLink': 'link',
};
/** POSTs that only read (Jira prices them as reads too). */
const READING_POSTS = new Set(['/rest/api/3/search/jql', '/rest/api/3/workflows', '/rest/api/3/permissions/check']);

export function kindOf(method: string, path: string): RequestKind {
  const key = `${method} ${path}`;
  if (method === 'GET' || (method === 'POST' && READING_POSTS.has(path))) return `read ${key}`;
  return WRITES[key] ?? key;
}

/** Requests Jira served (no 429, no injected 5xx), by kind. */
export function requestsByKind(stats: JiraStats): Record<RequestKind, number> {
  const counts: Record<RequestKind, number> = {};
  for (const endpoint of servedByEndpoint(stats).values()) {
    const kind = kindOf(endpoint.method, endpoint.path);
    counts[kind] = (counts[kind] ?? 0) + endpoint.count;
  }
  return counts;
}
