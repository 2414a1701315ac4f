import { sandboxIssueView } from '../../control';
import { formatDuration } from '../../model/duration';
import { escapeHtml } from '../../model/html';
import type { Site } from '../../site';
import { lozenge, pageHref, renderShell, type PageViewer } from './page-shell';

const REFRESH_SECONDS = 3;

const cell = (value: unknown) =>
  `<td>${escapeHtml(value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value))}</td>`;

/**
 * `GET /jira`: every issue of the site per project (a sandbox overview, not filtered by permission),
 * refreshed every few seconds so a person can watch a sync; each key opens the issue's page.
 */
export function renderOverview(site: Site, viewer: PageViewer): string {
  const fields = site.catalog.customFields();
  const sections = site.catalog.projects().map((project) => {
    const issues = site.state
      .allIssues()
      .filter((issue) => issue.projectId === project.id)
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map((issue) => sandboxIssueView(site, issue));
    const header = [
      'Key',
      'Type',
      'Summary',
      'Status',
      'Labels',
      ...fields.map((field) => field.name),
      'Worklogs',
      'Updated',
    ]
      .map((title) => `<th scope="col">${escapeHtml(title)}</th>`)
      .join('');
    const rows = issues
      .map((issue) => {
        const logged = issue.worklogs.reduce((sum, worklog) => sum + worklog.timeSpentSeconds, 0);
        return (
          '<tr>' +
          `<td><a href="${escapeHtml(pageHref(`/jira/browse/${issue.key}`, viewer))}">${escapeHtml(issue.key)}</a></td>` +
          cell(issue.issueType) +
          cell(issue.summary) +
          `<td class="status">${lozenge(issue.status.name, issue.status.category)}</td>` +
          cell(issue.labels.join(', ')) +
          fields.map((field) => cell(issue.appFields[field.moduleKey])).join('') +
          cell(issue.worklogs.length === 0 ? '' : `${issue.worklogs.length} (${formatDuration(logged)})`) +
          cell(issue.updated) +
          '</tr>'
        );
      })
      .join('\n');
    return `<h2>${escapeHtml(project.name)} (${escapeHtml(project.key)}): ${issues.length} issue${issues.length === 1 ? '' : 's'}</h2>
<div class="table-scroll"><table><thead><tr>${header}</tr></thead><tbody>${rows || `<tr><td colspan="${8 + fields.length}">No issues yet.</td></tr>`}</tbody></table></div>`;
  });
  return renderShell({
    site,
    title: 'Issues',
    viewer,
    path: '/jira/',
    head: `<meta http-equiv="refresh" content="${REFRESH_SECONDS}"><style>.table-scroll{overflow-x:auto;margin-bottom:2rem}</style>`,
    body: `<h1>Issues</h1><p class="muted">Every issue of the site. Refreshes every ${REFRESH_SECONDS} seconds. Site time: ${escapeHtml(new Date(site.now()).toISOString())}.
Open an issue to see it with the app's panels, or the <a href="${escapeHtml(pageHref('/jira/dashboard', viewer))}">dashboard</a> with its gadgets.</p>
${sections.join('\n')}`,
  });
}
