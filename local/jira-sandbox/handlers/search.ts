import { createHash } from 'node:crypto';
import { JiraError } from '../http/errors';
import { compileJql } from '../jql/compile';
import { issueView, selectFields, selectProperties } from '../model/issue-view';
import { listParam, numberParam, ok, stringParam, type HandlerContext, type HandlerTable } from './handler-types';

interface SearchRequest {
  jql?: string;
  nextPageToken?: string;
  maxResults?: number;
  fields?: string[];
  properties?: string[];
  expand?: string;
  reconcileIssues?: number[];
}

const ID_ONLY_MAX = 5000;
const WITH_FIELDS_MAX = 100;
/** Jira reconciles at most 50 issues per search (the spec: "Accepts max 50 ids"). */
export const MAX_RECONCILE_ISSUES = 50;

const jqlHash = (jql: string) => createHash('sha256').update(jql).digest('hex').slice(0, 16);

/** The token is opaque to callers; it carries the offset and which query it belongs to. */
function encodeToken(offset: number, jql: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: jqlHash(jql) })).toString('base64url');
}

function decodeToken(token: string, jql: string): number {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; q?: unknown };
    if (typeof decoded.o === 'number' && decoded.q === jqlHash(jql)) return decoded.o;
  } catch {
    // falls through to Jira's answer for a token it did not issue
  }
  throw new JiraError(400, ['The provided next page token is invalid or expired.']);
}

function reconciled(ids: number[] | undefined): Set<string> {
  if ((ids?.length ?? 0) > MAX_RECONCILE_ISSUES)
    // Jira's wording for this refusal is not published.
    throw new JiraError(400, [`reconcileIssues accepts at most ${MAX_RECONCILE_ISSUES} issue ids.`]);
  return new Set((ids ?? []).map(String));
}

/**
 * Enhanced search (`/rest/api/3/search/jql`): token paging, only `id` unless fields are asked
 * for, refuses unbounded queries. It reads the search index, which sees writes only `searchLagMs`
 * after they happen, except for the issues named in `reconcileIssues`.
 */
function search(ctx: HandlerContext, request: SearchRequest) {
  const { site, principal } = ctx;
  const reconcile = reconciled(request.reconcileIssues);
  const jql = request.jql ?? '';
  const compiled = compileJql(jql, site.jqlEnvironment(principal));
  if (!compiled.bounded)
    throw new JiraError(400, [
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ]);
  const requested = (request.fields ?? [])
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter(Boolean);
  const fields = selectFields(site, requested, 'id');
  const withKey = requested.includes('key') || fields.length > 0;
  const limit = fields.length > 0 ? WITH_FIELDS_MAX : ID_ONLY_MAX;
  const maxResults = Math.max(1, Math.min(request.maxResults ?? 50, limit));
  const offset = request.nextPageToken ? decodeToken(request.nextPageToken, jql) : 0;

  const matching = site.searchIndex
    .visible(site.state.allIssues(), reconcile)
    .filter((issue) =>
      site.hasProjectPermission(principal, site.catalog.projectById(issue.projectId), 'BROWSE_PROJECTS'),
    )
    .filter((issue) => compiled.matches(issue))
    .sort((a, b) => compiled.compare(a, b));
  const pageIssues = matching.slice(offset, offset + maxResults);
  const isLast = offset + pageIssues.length >= matching.length;
  const issues = pageIssues.map((issue) => {
    const properties = selectProperties(issue, request.properties);
    if (fields.length === 0)
      return { id: issue.id, ...(withKey ? { key: issue.key } : {}), ...(properties ? { properties } : {}) };
    return issueView(site, issue, { fields, properties, expand: request.expand, principal });
  });
  return ok({ issues, isLast, ...(isLast ? {} : { nextPageToken: encodeToken(offset + pageIssues.length, jql) }) });
}

const REMOVED =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';

export const searchHandlers: HandlerTable = {
  searchAndReconsileIssuesUsingJqlPost: (ctx) => search(ctx, (ctx.body ?? {}) as SearchRequest),
  searchAndReconsileIssuesUsingJql: (ctx) =>
    search(ctx, {
      jql: stringParam(ctx.query, 'jql'),
      nextPageToken: stringParam(ctx.query, 'nextPageToken'),
      maxResults: numberParam(ctx.query, 'maxResults', 50),
      fields: listParam(ctx.query, 'fields'),
      properties: listParam(ctx.query, 'properties'),
      expand: stringParam(ctx.query, 'expand'),
      reconcileIssues: listParam(ctx.query, 'reconcileIssues')?.map(Number),
    }),
  searchForIssuesUsingJql: () => {
    throw new JiraError(410, [REMOVED]);
  },
  searchForIssuesUsingJqlPost: () => {
    throw new JiraError(410, [REMOVED]);
  },
};
