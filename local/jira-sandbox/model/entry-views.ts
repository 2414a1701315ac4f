import type { Site } from '../site';
import type { StoredComment, StoredHistory, StoredIssue, StoredLink, StoredWorklog } from '../state/records';
import { issueTypeView, linkTypeView, namedView, statusView } from './catalog-views';
import { formatJiraDateTime } from './dates';
import { formatDuration } from './duration';
import { userDetails } from './user-view';

export function worklogView(
  site: Site,
  issue: StoredIssue,
  worklog: StoredWorklog,
  withProperties = false,
): Record<string, unknown> {
  return {
    self: site.url(`/rest/api/3/issue/${issue.id}/worklog/${worklog.id}`),
    author: userDetails(site, worklog.authorId),
    updateAuthor: userDetails(site, worklog.updateAuthorId),
    ...(worklog.comment !== null && worklog.comment !== undefined ? { comment: worklog.comment } : {}),
    created: formatJiraDateTime(worklog.created),
    updated: formatJiraDateTime(worklog.updated),
    started: formatJiraDateTime(worklog.started),
    timeSpent: formatDuration(worklog.timeSpentSeconds),
    timeSpentSeconds: worklog.timeSpentSeconds,
    id: worklog.id,
    issueId: issue.id,
    ...(withProperties
      ? { properties: Object.entries(worklog.properties).map(([key, value]) => ({ key, value })) }
      : {}),
  };
}

export function commentView(site: Site, issue: StoredIssue, comment: StoredComment): Record<string, unknown> {
  return {
    self: site.url(`/rest/api/3/issue/${issue.id}/comment/${comment.id}`),
    id: comment.id,
    author: userDetails(site, comment.authorId),
    body: comment.body,
    updateAuthor: userDetails(site, comment.updateAuthorId),
    created: formatJiraDateTime(comment.created),
    updated: formatJiraDateTime(comment.updated),
    jsdPublic: true,
  };
}

export function historyView(site: Site, history: StoredHistory): Record<string, unknown> {
  // ChangeDetails declares its values as non-nullable strings: absent rather than null.
  const items = history.items.map((item) =>
    Object.fromEntries(Object.entries(item).filter(([, value]) => value !== null)),
  );
  return {
    id: history.id,
    author: userDetails(site, history.authorId),
    created: formatJiraDateTime(history.created),
    items,
  };
}

/** The issue at the other end of a link, with the few fields Jira shows there. */
function linkedIssueView(site: Site, issue: StoredIssue): Record<string, unknown> {
  return {
    id: issue.id,
    key: issue.key,
    self: site.url(`/rest/api/3/issue/${issue.id}`),
    fields: {
      summary: issue.summary,
      status: statusView(site, site.catalog.status(issue.statusId)),
      priority: namedView(site, 'priority', site.catalog.priority(issue.priorityId)),
      issuetype: issueTypeView(site, site.catalog.issueType(issue.issueTypeId)),
    },
  };
}

/** One entry of `fields.issuelinks` as seen from viewerId's side of the link. */
export function issueLinkView(site: Site, link: StoredLink, viewerId: string): Record<string, unknown> | undefined {
  const linkType = site.catalog.linkTypes().find((candidate) => candidate.id === link.typeId);
  const otherId = link.inwardIssueId === viewerId ? link.outwardIssueId : link.inwardIssueId;
  const other = site.state.findIssue(otherId);
  if (!linkType || !other) return undefined;
  const side = link.inwardIssueId === viewerId ? 'outwardIssue' : 'inwardIssue';
  return {
    id: link.id,
    self: site.url(`/rest/api/3/issueLink/${link.id}`),
    type: linkTypeView(site, linkType),
    [side]: linkedIssueView(site, other),
  };
}
