import { sandboxIssueView } from '../control';
import { formatDuration } from '../model/duration';
import { escapeHtml } from '../model/html';
import type { Site } from '../site';

const REFRESH_SECONDS = 3;

const cell = (value: unknown) =>
  `<td>${escapeHtml(value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value))}</td>`;

/** `GET /jira`: the site's issues per project, refreshed every few seconds, so a person can watch a sync. */
export function renderDashboard(site: Site): string {
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
      .map((title) => `<th>${escapeHtml(title)}</th>`)
      .join('');
    const rows = issues
      .map((issue) => {
        const logged = issue.worklogs.reduce((sum, worklog) => sum + worklog.timeSpentSeconds, 0);
        return (
          '<tr>' +
          cell(issue.key) +
          cell(issue.issueType) +
          cell(issue.summary) +
          `<td class="status ${escapeHtml(issue.status.category)}">${escapeHtml(issue.status.name)}</td>` +
          cell(issue.labels.join(', ')) +
          fields.map((field) => cell(issue.appFields[field.moduleKey])).join('') +
          cell(issue.worklogs.length === 0 ? '' : `${issue.worklogs.length} (${formatDuration(logged)})`) +
          cell(issue.updated) +
          '</tr>'
        );
      })
      .join('\n');
    return `<h2>${escapeHtml(project.name)} (${escapeHtml(project.key)}): ${issues.length} issue${issues.length === 1 ? '' : 's'}</h2>
<table><thead><tr>${header}</tr></thead><tbody>${rows || `<tr><td colspan="${8 + fields.length}">No issues yet.</td></tr>`}</tbody></table>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${REFRESH_SECONDS}">
<title>Jira sandbox</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#172b4d}
table{border-collapse:collapse;width:100%;margin-bottom:2rem;font-size:.9rem}
th,td{border:1px solid #dfe1e6;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f5f7}
.status.new{color:#42526e}.status.indeterminate{color:#0052cc}.status.done{color:#006644}
</style></head>
<body><h1>Jira sandbox</h1><p>Refreshes every ${REFRESH_SECONDS} seconds. Site time: ${escapeHtml(new Date(site.now()).toISOString())}</p>
${sections.join('\n')}
</body></html>`;
}
