import { adfBlocks } from '../../model/adf';
import { formatDuration } from '../../model/duration';
import { escapeHtml } from '../../model/html';
import type { Principal, Site } from '../../site';
import type { StoredIssue } from '../../state/records';
import type { IssueContextExtension } from '../../types';
import { FRAME_HOST_SCRIPT } from './host-script';
import { lozenge, pageHref, readableTime, renderShell, type PageViewer } from './page-shell';

/** An issue context shown on the page, with its frame's URL. */
export interface IssuePanel {
  module: IssueContextExtension;
  src: string;
}

/**
 * `GET /jira/browse/<KEY>`: the issue as the viewer may see it (fields, the app's custom fields, the
 * description, links to issues they may browse, worklogs, comments) and, in the side column, the app's
 * issue contexts whose display conditions hold, each a collapsible panel framing the module's Custom UI.
 */
export function renderIssuePage(site: Site, issue: StoredIssue, viewer: PageViewer, panels: IssuePanel[]): string {
  const project = site.catalog.projectById(issue.projectId);
  const status = site.catalog.status(issue.statusId);
  const path = `/jira/browse/${issue.key}`;
  const body = `
<p class="breadcrumbs muted">${escapeHtml(project.name)} / <a href="${escapeHtml(pageHref(path, viewer))}">${escapeHtml(issue.key)}</a></p>
<div class="issue-layout">
  <article class="issue-main" aria-labelledby="issue-summary">
    <h1 id="issue-summary">${escapeHtml(issue.summary)}</h1>
    <section aria-labelledby="description-heading"><h2 id="description-heading">Description</h2>${description(issue)}</section>
    <section aria-labelledby="links-heading"><h2 id="links-heading">Linked work items</h2>${linkedIssues(site, issue, viewer)}</section>
    <section aria-labelledby="worklogs-heading"><h2 id="worklogs-heading">Work log</h2>${worklogs(site, issue)}</section>
    <section aria-labelledby="comments-heading"><h2 id="comments-heading">Comments</h2>${comments(site, issue)}</section>
  </article>
  <aside class="issue-side" aria-label="Details">
    <p>${lozenge(status.name, status.category)}</p>
    <h2>Details</h2>
    <dl class="fields">${details(site, issue)}</dl>
    ${appFields(site, issue)}
    ${panels.map(panel).join('\n')}
  </aside>
</div>`;
  return renderShell({
    site,
    title: `[${issue.key}] ${issue.summary}`,
    viewer,
    path,
    body,
    head: `<style>${ISSUE_CSS}</style>`,
    script: FRAME_HOST_SCRIPT,
  });
}

/** What Jira shows for an issue that does not exist or the viewer may not browse (the two look the same). */
export function renderNoAccessPage(site: Site, issueKey: string, viewer: PageViewer): string {
  return renderShell({
    site,
    title: "You don't have access to this issue",
    viewer,
    path: `/jira/browse/${encodeURIComponent(issueKey)}`,
    body: `<div class="no-access" role="alert"><h1>You don't have access to this issue</h1>
<p>Make sure the issue exists in this project. If it does, ask a project admin for permission to see the project's issues.</p>
<p class="muted">${escapeHtml(issueKey)}</p></div>`,
  });
}

function row(name: string, value: string): string {
  return `<dt>${escapeHtml(name)}</dt><dd>${value || '<span class="muted">None</span>'}</dd>`;
}

function userName(site: Site, accountId: string | null): string {
  if (!accountId) return '';
  return escapeHtml(site.user(accountId)?.displayName ?? accountId);
}

function details(site: Site, issue: StoredIssue): string {
  const { catalog } = site;
  const logged = issue.worklogs.reduce((sum, worklog) => sum + worklog.timeSpentSeconds, 0);
  return [
    row('Type', escapeHtml(catalog.issueType(issue.issueTypeId).name)),
    row('Priority', escapeHtml(catalog.priority(issue.priorityId).name)),
    row('Resolution', issue.resolutionId ? escapeHtml(catalog.resolution(issue.resolutionId).name) : 'Unresolved'),
    row('Assignee', userName(site, issue.assigneeId)),
    row('Reporter', userName(site, issue.reporterId)),
    row('Labels', issue.labels.map((label) => `<span class="label">${escapeHtml(label)}</span>`).join(' ')),
    row('Due date', escapeHtml(issue.duedate ?? '')),
    row('Time tracking', escapeHtml(timeTracking(issue, logged))),
    row('Created', escapeHtml(readableTime(issue.created))),
    row('Updated', escapeHtml(readableTime(issue.updated))),
  ].join('');
}

function timeTracking(issue: StoredIssue, logged: number): string {
  const parts = [
    logged > 0 ? `${formatDuration(logged)} logged` : '',
    issue.remainingEstimateSeconds ? `${formatDuration(issue.remainingEstimateSeconds)} remaining` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

function appFields(site: Site, issue: StoredIssue): string {
  const fields = site.catalog.customFields().filter((field) => field.id in issue.customFields);
  if (fields.length === 0) return '';
  const rows = fields.map((field) => row(field.name, escapeHtml(fieldText(issue.customFields[field.id])))).join('');
  return `<h2>App fields</h2><dl class="fields">${rows}</dl>`;
}

function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function description(issue: StoredIssue): string {
  const blocks = adfBlocks(issue.description);
  if (blocks.length === 0) return '<p class="muted">No description.</p>';
  return `<div class="description">${blocks.map((block) => `<p>${escapeHtml(block)}</p>`).join('')}</div>`;
}

function linkedIssues(site: Site, issue: StoredIssue, viewer: PageViewer): string {
  const principal: Principal = { kind: 'user', user: viewer.user, via: 'forge' };
  const linkTypes = site.catalog.linkTypes();
  const items = site.state.linksOf(issue.id).flatMap((link) => {
    const outward = link.inwardIssueId === issue.id;
    const other = site.state.findIssue(outward ? link.outwardIssueId : link.inwardIssueId);
    const type = linkTypes.find((candidate) => candidate.id === link.typeId);
    if (!other || !type || !site.canBrowse(principal, other.id)) return [];
    const status = site.catalog.status(other.statusId);
    return [
      `<li><span class="muted">${escapeHtml(outward ? type.outward : type.inward)}</span> ` +
        `<a href="${escapeHtml(pageHref(`/jira/browse/${other.key}`, viewer))}">${escapeHtml(other.key)}</a> ` +
        `${escapeHtml(other.summary)} ${lozenge(status.name, status.category)}</li>`,
    ];
  });
  return items.length === 0 ? '<p class="muted">No linked work items.</p>' : `<ul class="links">${items.join('')}</ul>`;
}

function worklogs(site: Site, issue: StoredIssue): string {
  if (issue.worklogs.length === 0) return '<p class="muted">No work logged.</p>';
  const rows = issue.worklogs
    .map(
      (worklog) =>
        `<tr><td>${userName(site, worklog.authorId)}</td><td>${escapeHtml(readableTime(worklog.started))}</td>` +
        `<td>${escapeHtml(formatDuration(worklog.timeSpentSeconds))}</td><td class="pre">${escapeHtml(adfBlocks(worklog.comment).join('\n'))}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th scope="col">Author</th><th scope="col">Started</th><th scope="col">Time spent</th><th scope="col">Comment</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function comments(site: Site, issue: StoredIssue): string {
  if (issue.comments.length === 0) return '<p class="muted">No comments.</p>';
  return issue.comments
    .map(
      (comment) =>
        `<div class="comment"><p class="muted">${userName(site, comment.authorId)}, ${escapeHtml(readableTime(comment.created))}</p>` +
        adfBlocks(comment.body)
          .map((block) => `<p>${escapeHtml(block)}</p>`)
          .join('') +
        '</div>',
    )
    .join('');
}

function panel({ module, src }: IssuePanel): string {
  const status = module.status ? statusBadge(module.status) : '';
  return `<section class="issue-context" data-module-key="${escapeHtml(module.key)}">
  <details open>
    <summary><span class="panel-label">${escapeHtml(module.label)}</span>${status}</summary>
    <h3 class="panel-title">${escapeHtml(module.title)}</h3>
    <iframe class="forge-frame" data-kind="issue-context" title="${escapeHtml(module.title)}" src="${escapeHtml(src)}" style="height:160px"></iframe>
  </details>
</section>`;
}

function statusBadge(status: NonNullable<IssueContextExtension['status']>): string {
  if (status.type === 'badge') return ` <span class="badge">${escapeHtml(status.value.label)}</span>`;
  if (status.type === 'lozenge') return ` ${lozenge(status.value.label, status.value.type ?? 'default')}`;
  return '';
}

const ISSUE_CSS = `
.breadcrumbs{margin:0 0 .25rem}
.issue-layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(300px,400px);gap:2rem;align-items:start}
@media (max-width:900px){.issue-layout{grid-template-columns:1fr}}
.issue-side h2{font-size:.9rem}
.fields{display:grid;grid-template-columns:minmax(7rem,auto) 1fr;gap:.35rem 1rem;margin:0}
.fields dt{color:var(--muted);font-weight:600}.fields dd{margin:0;overflow-wrap:anywhere}
.label{display:inline-block;border:1px solid var(--border);border-radius:3px;padding:0 .3rem;font-size:.85rem}
.description p{margin:.25rem 0;white-space:pre-wrap;overflow-wrap:anywhere}
.links{list-style:none;padding:0;margin:0}.links li{padding:.3rem 0;border-bottom:1px solid var(--border)}
.comment{border-bottom:1px solid var(--border);padding:.25rem 0}.comment p{margin:.2rem 0;white-space:pre-wrap}
.issue-context{border:1px solid var(--border);border-radius:3px;margin:1rem 0;background:var(--raised)}
.issue-context summary{cursor:pointer;padding:.5rem .75rem;font-weight:600;display:flex;gap:.5rem;align-items:center;list-style:none}
.issue-context summary::-webkit-details-marker{display:none}
.issue-context summary::before{content:"";width:.45rem;height:.45rem;border:solid var(--muted);border-width:0 2px 2px 0;transform:rotate(-45deg);transition:transform .1s}
.issue-context details[open] summary::before{transform:rotate(45deg)}
.pre{white-space:pre-wrap}
.issue-context .panel-title{font-size:.85rem;margin:0;padding:0 .75rem .25rem;color:var(--muted)}
.issue-context iframe{padding:0 .25rem .5rem}
.badge{background:var(--new-bg);color:var(--new-fg);border-radius:2em;padding:0 .45rem;font-size:.75rem}
.no-access{max-width:36rem;margin:4rem auto;text-align:center}
`;
