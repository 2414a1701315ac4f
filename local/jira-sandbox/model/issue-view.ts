import { customFieldJsonType, extensionAri, SYSTEM_FIELDS } from '../catalog/fields';
import type { Principal, Site } from '../site';
import type { StoredIssue, StoredLink } from '../state/records';
import { adfText } from './adf';
import { issueTypeView, namedView, projectDetails, statusView } from './catalog-views';
import { formatJiraDateTime } from './dates';
import { formatDuration } from './duration';
import { escapeHtml } from './html';
import { commentView, historyView, issueLinkView, worklogView } from './entry-views';
import { transitionsFor, transitionView } from './transition-views';
import { userDetails } from './user-view';

/** Fields that exist on issues (system and live app custom fields), in Jira's order. */
export function issueFieldIds(site: Site): string[] {
  const notOnIssues = new Set(['issuekey', 'statusCategory']);
  return [
    ...SYSTEM_FIELDS.filter((fieldDef) => !notOnIssues.has(fieldDef.id)).map((fieldDef) => fieldDef.id),
    ...site.catalog.customFields().map((fieldDef) => fieldDef.id),
  ];
}

/**
 * The value of one field of an issue, as REST v3 renders it. With a `viewer`, links to issues the viewer
 * cannot browse are left out, as Jira leaves them out.
 */
export function fieldValue(site: Site, issue: StoredIssue, fieldId: string, viewer?: Principal): unknown {
  const { catalog } = site;
  const timeSpent = issue.worklogs.reduce((sum, worklog) => sum + worklog.timeSpentSeconds, 0);
  switch (fieldId) {
    case 'summary':
      return issue.summary;
    case 'description':
      return issue.description ?? null;
    case 'project':
      return projectDetails(site, catalog.projectById(issue.projectId));
    case 'issuetype':
      return issueTypeView(site, catalog.issueType(issue.issueTypeId));
    case 'labels':
      return issue.labels;
    case 'duedate':
      return issue.duedate;
    case 'priority':
      return namedView(site, 'priority', catalog.priority(issue.priorityId));
    case 'reporter':
      return userDetails(site, issue.reporterId);
    case 'creator':
      return userDetails(site, issue.creatorId);
    case 'assignee':
      return issue.assigneeId ? userDetails(site, issue.assigneeId) : null;
    case 'status':
      return statusView(site, catalog.status(issue.statusId));
    case 'resolution':
      return issue.resolutionId ? namedView(site, 'resolution', catalog.resolution(issue.resolutionId)) : null;
    case 'resolutiondate':
      return issue.resolutionDate === null ? null : formatJiraDateTime(issue.resolutionDate);
    case 'created':
      return formatJiraDateTime(issue.created);
    case 'updated':
      return formatJiraDateTime(issue.updated);
    case 'statuscategorychangedate':
      return formatJiraDateTime(issue.statusCategoryChangeDate);
    case 'issuelinks':
      return site.state
        .linksOf(issue.id)
        .filter((link) => !viewer || site.canBrowse(viewer, otherEnd(link, issue.id)))
        .map((link) => issueLinkView(site, link, issue.id))
        .filter(Boolean);
    case 'comment':
      return {
        comments: issue.comments.map((comment) => commentView(site, issue, comment)),
        self: site.url(`/rest/api/3/issue/${issue.id}/comment`),
        maxResults: issue.comments.length,
        total: issue.comments.length,
        startAt: 0,
      };
    case 'worklog':
      return {
        startAt: 0,
        maxResults: 20,
        total: issue.worklogs.length,
        worklogs: issue.worklogs.slice(0, 20).map((worklog) => worklogView(site, issue, worklog)),
      };
    case 'timespent':
      return timeSpent > 0 ? timeSpent : null;
    case 'timetracking':
      return timeTrackingView(issue, timeSpent);
    case 'timeoriginalestimate':
      return issue.originalEstimateSeconds ?? null;
    case 'timeestimate':
      return issue.remainingEstimateSeconds ?? null;
    default:
      return issue.customFields[fieldId] ?? null;
  }
}

function otherEnd(link: StoredLink, issueId: string): string {
  return link.inwardIssueId === issueId ? link.outwardIssueId : link.inwardIssueId;
}

/** `TimeTrackingDetails`: only the parts that are set. */
function timeTrackingView(issue: StoredIssue, timeSpent: number): Record<string, unknown> {
  const part = (name: string, seconds: number | null | undefined) =>
    seconds === null || seconds === undefined ? {} : { [name]: formatDuration(seconds), [`${name}Seconds`]: seconds };
  return {
    ...part('originalEstimate', issue.originalEstimateSeconds),
    ...part('remainingEstimate', issue.remainingEstimateSeconds),
    ...part('timeSpent', timeSpent > 0 ? timeSpent : null),
  };
}

/** Which fields a `fields` parameter selects: ids, `*all`, `*navigable`, `-id` exclusions; comma lists allowed. */
export function selectFields(site: Site, requested: string[] | undefined, fallback: string): string[] {
  const items = (requested && requested.length > 0 ? requested : [fallback])
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter(Boolean);
  const all = issueFieldIds(site);
  const selected = new Set<string>();
  for (const item of items) {
    if (item === '*all' || item === '*navigable') all.forEach((id) => selected.add(id));
    else if (!item.startsWith('-') && all.includes(item)) selected.add(item);
  }
  for (const item of items) if (item.startsWith('-')) selected.delete(item.slice(1));
  return all.filter((id) => selected.has(id));
}

export function selectProperties(
  issue: StoredIssue,
  requested: string[] | undefined,
): Record<string, unknown> | undefined {
  const items = (requested ?? [])
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) return undefined;
  const keys = new Set(
    items.includes('*all') ? Object.keys(issue.properties) : items.filter((item) => !item.startsWith('-')),
  );
  for (const item of items) if (item.startsWith('-')) keys.delete(item.slice(1));
  return Object.fromEntries(
    [...keys].filter((key) => key in issue.properties).map((key) => [key, issue.properties[key]]),
  );
}

export interface IssueViewOptions {
  fields: string[];
  properties?: Record<string, unknown>;
  expand?: string;
  principal?: Principal;
}

/** An `IssueBean`. */
export function issueView(site: Site, issue: StoredIssue, options: IssueViewOptions): Record<string, unknown> {
  const expand = new Set(
    (options.expand ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );
  const view: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: site.url(`/rest/api/3/issue/${issue.id}`),
    key: issue.key,
    fields: Object.fromEntries(
      options.fields.map((fieldId) => [fieldId, fieldValue(site, issue, fieldId, options.principal)]),
    ),
  };
  if (options.properties) view.properties = options.properties;
  if (expand.has('names'))
    view.names = Object.fromEntries(options.fields.map((fieldId) => [fieldId, fieldName(site, fieldId)]));
  if (expand.has('schema'))
    view.schema = Object.fromEntries(options.fields.map((fieldId) => [fieldId, fieldSchema(site, fieldId)]));
  if (expand.has('renderedFields'))
    view.renderedFields = {
      description: issue.description ? `<p>${escapeHtml(adfText(issue.description))}</p>` : null,
    };
  if (expand.has('changelog')) {
    view.changelog = {
      startAt: 0,
      maxResults: issue.history.length,
      total: issue.history.length,
      histories: [...issue.history].reverse().map((history) => historyView(site, history)),
    };
  }
  if ((expand.has('transitions') || expand.has('transitions.fields')) && options.principal) {
    view.transitions = transitionsFor(site, issue, options.principal)
      .filter((offered) => offered.available)
      .map((offered) => transitionView(site, offered, expand.has('transitions.fields')));
  }
  return view;
}

export function fieldName(site: Site, fieldId: string): string {
  return (
    SYSTEM_FIELDS.find((fieldDef) => fieldDef.id === fieldId)?.name ??
    site.catalog.customField(fieldId)?.name ??
    fieldId
  );
}

/** `JsonTypeBean` of a field. */
export function fieldSchema(site: Site, fieldId: string): Record<string, unknown> {
  const system = SYSTEM_FIELDS.find((fieldDef) => fieldDef.id === fieldId);
  if (system) return { ...system.schema };
  const custom = site.catalog.customField(fieldId);
  if (!custom) return { type: 'any' };
  return {
    type: customFieldJsonType(custom.type),
    custom: extensionAri(site.app.appId, site.app.environmentId, custom.moduleKey),
    customId: custom.numericId,
  };
}
