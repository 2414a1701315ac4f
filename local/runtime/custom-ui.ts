import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response } from 'express';
import { bridgeScript, type FrameSurface } from './bridge-script';
import type { ExtensionFrame } from './extension-host';
import type { UiModule } from './manifest';
import { parseOrigin, type PageOrigin } from './page-origin';

/** Where an issue context or a gadget is served: `/modules/<key>/`, a gadget's edit view at `/modules/<key>/edit/`. */
export const MODULE_FRAMES_PATH = '/modules';

/** The URL (path and query) of one module instance's frame, as the Jira sandbox's pages embed it. */
export function extensionFrameUrl(frame: ExtensionFrame): string {
  const query = new URLSearchParams({ as: frame.accountId });
  let edit = '';
  if ('issueKey' in frame) query.set('issueKey', frame.issueKey);
  else {
    query.set('dashboardId', frame.dashboardId);
    query.set('gadgetId', frame.gadgetId);
    if (frame.entryPoint === 'edit') edit = 'edit/';
  }
  return `${MODULE_FRAMES_PATH}/${encodeURIComponent(frame.moduleKey)}/${edit}?${query}`;
}

/**
 * Serves one Custom UI resource directory as Jira frames it: the page's `index.html` with the bridge
 * script injected first in `<head>` (`@forge/bridge` looks for `globalThis.__bridge` when it loads), and
 * the built assets beside it. The frame's origin (module, user, project, issue, gadget) comes from the
 * URL: `?as=`, the `:key` route parameter, `?issueKey=`, `?dashboardId=&gadgetId=`.
 */
export function createPageRouter(module: UiModule, resourceDir: string, entryPoint?: 'edit'): express.Router {
  const router = express.Router({ mergeParams: true });
  const servePage = (req: Request, res: Response) => {
    const url = new URL(req.originalUrl, 'http://local');
    // Built UIs reference their assets relatively: the page URL must end with a slash.
    if (!url.pathname.endsWith('/') && !url.pathname.endsWith('/index.html')) {
      res.redirect(302, `${url.pathname}/${url.search}`);
      return;
    }
    const framed = frameOf(module, url, typeof req.params.key === 'string' ? req.params.key : undefined, entryPoint);
    if ('error' in framed) {
      res.status(400).type('text/plain').send(framed.error);
      return;
    }
    const indexFile = path.join(resourceDir, 'index.html');
    res.type('html');
    if (!fs.existsSync(indexFile)) {
      res.status(503).send(notBuiltPage(module, framed.surface, resourceDir));
      return;
    }
    res.send(injectBridge(fs.readFileSync(indexFile, 'utf8'), framed.origin, framed.surface));
  };
  router.get(['/', '/index.html'], servePage);
  router.use(express.static(resourceDir, { index: false }));
  return router;
}

const REQUIRED: Partial<Record<UiModule['type'], (keyof PageOrigin)[]>> = {
  'jira:projectSettingsPage': ['projectKey'],
  'jira:issueContext': ['issueKey'],
  'jira:dashboardGadget': ['dashboardId', 'gadgetId'],
};

function frameOf(
  module: UiModule,
  url: URL,
  projectKey: string | undefined,
  entryPoint: 'edit' | undefined,
): { origin: PageOrigin; surface: FrameSurface } | { error: string } {
  const query = (name: string) => url.searchParams.get(name) ?? undefined;
  const parsed = parseOrigin({
    moduleKey: module.key,
    projectKey,
    accountId: query('as'),
    issueKey: query('issueKey'),
    dashboardId: query('dashboardId'),
    gadgetId: query('gadgetId'),
    entryPoint,
  });
  if ('error' in parsed) return { error: `invalid frame URL: ${parsed.error.replace('accountId', '?as=')}` };
  const missing = (REQUIRED[module.type] ?? []).filter((field) => parsed.origin[field] === undefined);
  if (missing.length > 0) return { error: `invalid frame URL: ${module.type} needs ${missing.join(' and ')}` };
  return { origin: parsed.origin, surface: surfaceOf(module, url, entryPoint) };
}

function surfaceOf(module: UiModule, url: URL, entryPoint: 'edit' | undefined): FrameSurface {
  if (module.type === 'jira:issueContext') return { kind: 'issue-context' };
  if (module.type !== 'jira:dashboardGadget') return { kind: 'page' };
  if (entryPoint !== 'edit') return { kind: 'gadget-view' };
  return { kind: 'gadget-edit', viewUrl: `${url.pathname.replace(/edit\/(index\.html)?$/, '')}${url.search}` };
}

function injectBridge(html: string, origin: PageOrigin, surface: FrameSurface): string {
  const script = `<script>${bridgeScript(origin, surface)}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + script + html.slice(head.index + head[0].length);
  return script + html;
}

function notBuiltPage(module: UiModule, surface: FrameSurface, resourceDir: string): string {
  const escape = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(module.title ?? module.key)}: UI not built</title></head><body>
<h1>The Custom UI for ${escape(module.key)} is not built yet</h1>
<p>The manifest serves resource <code>${escape(resourceOf(module, surface))}</code> from <code>${escape(resourceDir)}</code>, which has no <code>index.html</code>.</p>
<p>Build the UI so that its output (with <code>index.html</code>) lands in that directory, then reload this page.</p>
</body></html>`;
}

function resourceOf(module: UiModule, surface: FrameSurface): string {
  return surface.kind === 'gadget-edit' && module.type === 'jira:dashboardGadget' && module.editResource
    ? module.editResource
    : module.resource;
}
