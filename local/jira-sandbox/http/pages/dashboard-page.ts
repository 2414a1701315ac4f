import { escapeHtml } from '../../model/html';
import type { Site } from '../../site';
import type { StoredDashboard, StoredGadget } from '../../state/records';
import type { DashboardGadgetExtension } from '../../types';
import { FRAME_HOST_SCRIPT } from './host-script';
import { pageHref, renderShell, type PageViewer } from './page-shell';

/** A gadget as the dashboard shows it to its viewer. */
export interface GadgetCard {
  gadget: StoredGadget;
  /** Its module; undefined when the app no longer has it. */
  module?: DashboardGadgetExtension;
  /** The viewer may use its module (display conditions); otherwise Jira shows an error instead. */
  usable: boolean;
  viewSrc: string;
  editSrc?: string;
}

export interface DashboardView {
  dashboard: StoredDashboard;
  cards: GadgetCard[];
  canEdit: boolean;
  /** The gadget modules the viewer may add. */
  addable: DashboardGadgetExtension[];
}

/**
 * `GET /jira/dashboard` (and `/jira/dashboards/<id>`): the dashboard's gadgets, each framed with its title,
 * Edit (its edit view, for editors of the dashboard), Refresh and Remove; a form to add another gadget.
 * A gadget never configured opens in its edit view for its editors, as Jira opens a new gadget.
 */
export function renderDashboardPage(site: Site, view: DashboardView, viewer: PageViewer): string {
  const { dashboard } = view;
  const path = `/jira/dashboards/${dashboard.id}`;
  const add =
    view.canEdit && view.addable.length > 0
      ? `<form class="add-gadget" method="post" action="${escapeHtml(pageHref(`${path}/gadgets`, viewer))}">
  <label for="add-gadget-module">Add a gadget</label>
  <select id="add-gadget-module" name="moduleKey">${view.addable
    .map((module) => `<option value="${escapeHtml(module.key)}">${escapeHtml(module.title)}</option>`)
    .join('')}</select>
  <button type="submit">Add gadget</button>
</form>`
      : '';
  const body = `
<div class="dashboard-header">
  <h1>${escapeHtml(dashboard.name)}</h1>
  <div class="dashboard-actions">${add}<button type="button" data-action="refresh-all">Refresh</button></div>
</div>
${view.canEdit ? '' : '<p class="muted">You can view this dashboard; only its owner and Jira admins can change its gadgets.</p>'}
<div class="gadget-grid">
${view.cards.length === 0 ? '<p class="muted">This dashboard has no gadgets yet.</p>' : view.cards.map((card) => gadgetCard(card, view, viewer, path)).join('\n')}
</div>`;
  return renderShell({
    site,
    title: dashboard.name,
    viewer,
    path: '/jira/dashboard',
    body,
    head: `<style>${DASHBOARD_CSS}</style>`,
    script: FRAME_HOST_SCRIPT,
  });
}

function gadgetCard(card: GadgetCard, view: DashboardView, viewer: PageViewer, path: string): string {
  const { gadget, module } = card;
  const title = module?.title ?? gadget.moduleKey;
  const heading = module?.titleHref
    ? `<a href="${escapeHtml(module.titleHref)}">${escapeHtml(title)}</a>`
    : escapeHtml(title);
  const remove = view.canEdit
    ? `<form method="post" action="${escapeHtml(pageHref(`${path}/gadgets/${gadget.id}/remove`, viewer))}"><button type="submit" aria-label="Remove ${escapeHtml(title)}">Remove</button></form>`
    : '';
  if (!module || !card.usable)
    return `<article class="gadget" id="gadget-${escapeHtml(gadget.id)}" data-gadget-id="${escapeHtml(gadget.id)}">
  <header><h2>${heading}</h2><div class="gadget-actions">${remove}</div></header>
  <p class="gadget-error" role="alert">${module ? "You don't have permission to view this gadget." : 'This gadget is no longer available: its app does not provide it.'}</p>
</article>`;
  const edit = view.canEdit && card.editSrc;
  const mode = edit && !gadget.configured ? 'edit' : 'view';
  const refresh = gadget.configuration.refresh;
  return `<article class="gadget" id="gadget-${escapeHtml(gadget.id)}" aria-labelledby="gadget-title-${escapeHtml(gadget.id)}" data-gadget-id="${escapeHtml(gadget.id)}" data-mode="${mode}" data-refreshable="${module.refreshable}" data-view-src="${escapeHtml(card.viewSrc)}"${card.editSrc ? ` data-edit-src="${escapeHtml(card.editSrc)}"` : ''}${typeof refresh === 'number' ? ` data-refresh-minutes="${refresh}"` : ''}>
  <header>
    <h2 id="gadget-title-${escapeHtml(gadget.id)}">${heading}</h2>
    <div class="gadget-actions">
      ${edit ? `<button type="button" data-action="edit" aria-pressed="${mode === 'edit'}">${mode === 'edit' ? 'Cancel editing' : 'Edit'}</button>` : ''}
      <button type="button" data-action="refresh" aria-label="Refresh ${escapeHtml(title)}">Refresh</button>
      ${remove}
    </div>
  </header>
  <iframe class="forge-frame" data-kind="gadget" title="${escapeHtml(title)}" src="${escapeHtml(mode === 'edit' ? (card.editSrc as string) : card.viewSrc)}" style="height:280px"></iframe>
</article>`;
}

const DASHBOARD_CSS = `
.dashboard-header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between}
.dashboard-actions,.add-gadget{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.gadget-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,520px),1fr));gap:1.25rem;align-items:start;margin-top:1rem}
.gadget{background:var(--raised);border:1px solid var(--border);border-radius:3px;box-shadow:var(--shadow);min-width:0}
.gadget header{display:flex;gap:.5rem;align-items:center;justify-content:space-between;padding:.5rem .75rem;border-bottom:1px solid var(--border)}
.gadget h2{margin:0;font-size:1rem}
.gadget-actions{display:flex;gap:.25rem}.gadget-actions form{margin:0}
.gadget iframe{padding:.25rem}
.gadget-error{padding:1rem;margin:0;color:var(--danger)}
`;
