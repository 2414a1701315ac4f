import type { PointCosts } from '../settings/sandbox-settings';

/** POSTs that read (Jira prices them as reads): search, bulk workflow and permission lookups. */
const READING_POSTS = new Set(['searchAndReconsileIssuesUsingJqlPost', 'readWorkflows', 'getBulkPermissions']);

/** Reads whose objects are identity objects (users, permissions), priced higher by Jira. */
const IDENTITY_READS = new Set(['getCurrentUser', 'getMyPermissions', 'getBulkPermissions', 'getIssueWatchers']);

/** The arrays that hold a read's objects, in the order the sandbox's responses use them. */
const COLLECTIONS = ['issues', 'values', 'worklogs', 'comments', 'watchers', 'keys', 'workflows', 'projectPermissions'];

/**
 * Jira's points for one answered request (developer.atlassian.com, "Rate limiting", points-based
 * quota): 1 point base; a read adds a point per core object it returns (issue, worklog, comment,
 * project, status, …) and two per identity object (user, permission); writes cost the base only.
 * `costs.operations` prices an operation outright where Jira does not document it.
 */
export function pointsFor(
  operationId: string,
  method: string,
  status: number,
  body: unknown,
  costs: PointCosts,
): number {
  const fixed = costs.operations[operationId];
  if (fixed !== undefined) return fixed;
  const read = method === 'GET' || READING_POSTS.has(operationId);
  if (!read || status >= 300) return costs.base;
  const perObject = IDENTITY_READS.has(operationId) ? costs.perIdentityObject : costs.perObject;
  return costs.base + objectsIn(body) * perObject;
}

function objectsIn(body: unknown): number {
  if (Array.isArray(body)) return body.length;
  if (typeof body !== 'object' || body === null) return 0;
  const record = body as Record<string, unknown>;
  for (const name of COLLECTIONS) {
    const items = record[name];
    if (Array.isArray(items)) return items.length;
  }
  if (typeof record.permissions === 'object' && record.permissions !== null)
    return Object.keys(record.permissions).length;
  return 1;
}
