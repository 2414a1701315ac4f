/** The issues at the other end of an issue's links, from Jira's `fields.issuelinks` (what the reader may see). */

import type { IssueLinkView, StatusCategoryView } from '../../shared/billing-views';

export interface LinkedIssue {
  id: string;
  view: IssueLinkView;
}

interface LinkedIssueJson {
  id?: unknown;
  key?: unknown;
  fields?: {
    summary?: unknown;
    status?: { name?: unknown; statusCategory?: { key?: unknown } };
    issuetype?: { name?: unknown };
  };
}

const CATEGORIES: readonly StatusCategoryView[] = ['new', 'indeterminate', 'done'];

function linkedIssue(json: LinkedIssueJson | undefined): LinkedIssue | null {
  if (!json || typeof json.id !== 'string' || typeof json.key !== 'string') return null;
  const { fields = {} } = json;
  const category = fields.status?.statusCategory?.key;
  return {
    id: json.id,
    view: {
      key: json.key,
      summary: typeof fields.summary === 'string' ? fields.summary : '',
      status: typeof fields.status?.name === 'string' ? fields.status.name : '',
      statusCategory: CATEGORIES.find((known) => known === category) ?? 'unknown',
      ...(typeof fields.issuetype?.name === 'string' ? { issueType: fields.issuetype.name } : {}),
    },
  };
}

/** Each linked issue once, in Jira's order, whatever the link type and direction. */
export function linkedIssuesOf(issuelinks: unknown): LinkedIssue[] {
  if (!Array.isArray(issuelinks)) return [];
  const seen = new Set<string>();
  const linked: LinkedIssue[] = [];
  for (const link of issuelinks as Array<{ inwardIssue?: LinkedIssueJson; outwardIssue?: LinkedIssueJson }>) {
    const other = linkedIssue(link?.inwardIssue ?? link?.outwardIssue);
    if (other === null || seen.has(other.id)) continue;
    seen.add(other.id);
    linked.push(other);
  }
  return linked;
}
