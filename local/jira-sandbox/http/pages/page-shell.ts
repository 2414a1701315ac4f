import { escapeHtml } from '../../model/html';
import type { Site } from '../../site';
import type { SandboxUser } from '../../users';

/** Who views a page, and whether the URL named them (`?as=`, carried on to the links of the page). */
export interface PageViewer {
  user: SandboxUser;
  named: boolean;
}

export interface ShellOptions {
  site: Site;
  title: string;
  viewer: PageViewer;
  /** This page's path (`/jira/browse/ACME-1`): where the "View as" form goes. */
  path: string;
  body: string;
  head?: string;
  script?: string;
}

/** A link to a page of the sandbox for the same viewer: `?as=` kept when the page was given one. */
export function pageHref(path: string, viewer: PageViewer, query: Record<string, string> = {}): string {
  const params = new URLSearchParams(query);
  if (viewer.named) params.set('as', viewer.user.accountId);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * The frame of every page of the sandbox: Jira's top bar (issues, dashboard), who is viewing and a switch
 * to view as another person, in Jira's colours, light or dark as the browser prefers.
 */
export function renderShell(options: ShellOptions): string {
  const { site, viewer } = options;
  const people = site.state.users.filter((user) => user.accountType === 'atlassian');
  const choices = people
    .map(
      (user) =>
        `<option value="${escapeHtml(user.accountId)}"${user.accountId === viewer.user.accountId ? ' selected' : ''}>${escapeHtml(user.displayName)}</option>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
${options.head ?? ''}<title>${escapeHtml(options.title)} - Jira sandbox</title>
<style>${SHELL_CSS}</style></head>
<body>
<header class="topbar">
  <nav aria-label="Jira sandbox">
    <a class="brand" href="${escapeHtml(pageHref('/jira/', viewer))}">Jira sandbox</a>
    <a href="${escapeHtml(pageHref('/jira/', viewer))}">Issues</a>
    <a href="${escapeHtml(pageHref('/jira/dashboard', viewer))}">Dashboard</a>
  </nav>
  <form class="viewer" method="get" action="${escapeHtml(options.path)}">
    <label for="viewer-as">Viewing as</label>
    <select id="viewer-as" name="as">${choices}</select>
    <button type="submit">Switch</button>
  </form>
</header>
<main>
${options.body}
</main>
<div class="flags" role="status" aria-live="polite"></div>
${options.script ? `<script>${options.script}</script>` : ''}
</body></html>`;
}

/** A time as people read it on the page: `2026-01-17 12:34 UTC` (the site's clock is UTC). */
export function readableTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A status lozenge in its category's colour. */
export function lozenge(text: string, category: string): string {
  return `<span class="lozenge ${escapeHtml(category)}">${escapeHtml(text)}</span>`;
}

const SHELL_CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#172b4d;--muted:#44546f;--border:#dcdfe4;--surface:#f7f8f9;--raised:#fff;
--link:#0c66e4;--focus:#388bff;--new-bg:#dcdfe4;--new-fg:#44546f;--progress-bg:#cce0ff;--progress-fg:#0055cc;--done-bg:#baf3db;
--done-fg:#216e4e;--danger:#ae2e24;--danger-bg:#ffeceb;--button:#091e420f;--button-hover:#091e4224;--shadow:0 1px 1px #091e4240,0 0 1px #091e424f}
@media (prefers-color-scheme:dark){:root{--bg:#1d2125;--fg:#b6c2cf;--muted:#9fadbc;--border:#38414a;--surface:#161a1d;--raised:#22272b;
--link:#579dff;--focus:#85b8ff;--new-bg:#454f59;--new-fg:#dee4ea;--progress-bg:#09326c;--progress-fg:#85b8ff;--done-bg:#164b35;
--done-fg:#7ee2b8;--danger:#fd9891;--danger-bg:#5d1f1a;--button:#a1bdd914;--button-hover:#a6c5e229;--shadow:0 0 0 1px #bcd6f00a,0 1px 1px #03040442}}
*{box-sizing:border-box}
body{margin:0;font:14px/1.43 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Ubuntu,sans-serif;background:var(--bg);color:var(--fg)}
a{color:var(--link)} a:hover{text-decoration:underline}
:focus-visible{outline:2px solid var(--focus);outline-offset:2px}
.topbar{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between;padding:.5rem 1.5rem;border-bottom:1px solid var(--border);background:var(--raised)}
.topbar nav{display:flex;gap:1rem;align-items:center}.topbar nav a{text-decoration:none;font-weight:500}
.brand{font-weight:700;color:var(--fg)!important}
.viewer{display:flex;gap:.5rem;align-items:center}
select,button,input{font:inherit;color:var(--fg)}
select{background:var(--raised);border:1px solid var(--border);border-radius:3px;padding:.25rem .4rem}
button,.button{background:var(--button);border:0;border-radius:3px;padding:.3rem .75rem;cursor:pointer;font-weight:500;text-decoration:none;color:var(--fg)}
button:hover,.button:hover{background:var(--button-hover)}
main{padding:1.25rem 1.5rem;max-width:1400px}
h1{font-size:1.5rem;margin:.25rem 0 1rem;font-weight:600}h2{font-size:1rem;margin:1.5rem 0 .5rem}
.muted{color:var(--muted)}
.lozenge{display:inline-block;padding:0 .25rem;border-radius:3px;font-size:11px;font-weight:700;text-transform:uppercase;line-height:16px;white-space:nowrap}
.lozenge.new{background:var(--new-bg);color:var(--new-fg)}.lozenge.indeterminate{background:var(--progress-bg);color:var(--progress-fg)}
.lozenge.done,.lozenge.success{background:var(--done-bg);color:var(--done-fg)}.lozenge.removed{background:var(--danger-bg);color:var(--danger)}
.lozenge.inprogress{background:var(--progress-bg);color:var(--progress-fg)}.lozenge.default,.lozenge.moved{background:var(--new-bg);color:var(--new-fg)}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid var(--border);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{color:var(--muted);font-weight:600;background:var(--surface)}
iframe.forge-frame{display:block;width:100%;border:0;background:transparent}
.flags{position:fixed;bottom:1.5rem;left:1.5rem;display:flex;flex-direction:column;gap:.5rem;z-index:10}
.flag{background:var(--raised);box-shadow:var(--shadow),0 8px 12px #091e4226;border-radius:3px;padding:.75rem 1rem;max-width:24rem}
.flag strong{display:block}
`;
