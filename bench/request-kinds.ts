import type { JiraStats } from '../local/jira-sandbox/types';
import { servedByEndpoint } from './jira-stats';

/** The kinds of Jira write the floor counts (bench/README.md, "The floor"). */
export const WRITE_KINDS = ['create', 'fields', 'edit', 'transition', 'worklog', 'link'] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

/** A write kind, `read` (GETs and the POSTs that read), or the endpoint itself for any other write. */
export type RequestKind = WriteKind | 'read' | string;

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
  if (method === 'GET' || (method === 'POST' && READING_POSTS.has(path))) return 'read';
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
