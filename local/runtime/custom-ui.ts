import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response } from 'express';
import type { PageOrigin } from './bridge';
import type { PageModule } from './manifest';

const ACCOUNT_ID = /^[A-Za-z0-9:_-]{1,128}$/;
const PROJECT_KEY = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

export function isAccountId(value: unknown): value is string {
  return typeof value === 'string' && ACCOUNT_ID.test(value);
}

/**
 * Serves one Custom UI resource directory as Jira would frame it: the page's `index.html` with a
 * bridge script injected first in `<head>` (`@forge/bridge` looks for `globalThis.__bridge` when
 * it loads), and the built assets beside it.
 */
export function createPageRouter(page: PageModule, resourceDir: string): express.Router {
  const router = express.Router({ mergeParams: true });
  const servePage = (req: Request, res: Response) => {
    const url = new URL(req.originalUrl, 'http://local');
    // Built UIs reference their assets relatively: the page URL must end with a slash.
    if (!url.pathname.endsWith('/') && !url.pathname.endsWith('/index.html')) {
      res.redirect(302, `${url.pathname}/${url.search}`);
      return;
    }
    const projectKey = typeof req.params.key === 'string' ? req.params.key : undefined;
    if (projectKey !== undefined && !PROJECT_KEY.test(projectKey)) {
      res.status(400).type('text/plain').send('invalid project key');
      return;
    }
    const as = url.searchParams.get('as') ?? undefined;
    if (as !== undefined && !isAccountId(as)) {
      res.status(400).type('text/plain').send('invalid ?as= account id');
      return;
    }
    const indexFile = path.join(resourceDir, 'index.html');
    res.type('html');
    if (!fs.existsSync(indexFile)) {
      res.status(503).send(notBuiltPage(page, resourceDir));
      return;
    }
    res.send(injectBridge(fs.readFileSync(indexFile, 'utf8'), { moduleKey: page.key, projectKey, accountId: as }));
  };
  router.get(['/', '/index.html'], servePage);
  router.use(express.static(resourceDir, { index: false }));
  return router;
}

function injectBridge(html: string, origin: PageOrigin): string {
  const script = `<script>${bridgeScript(origin)}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + script + html.slice(head.index + head[0].length);
  return script + html;
}

/** Browser side of `globalThis.__bridge`: UI-only calls answered here, the rest sent to `/_local/bridge/<name>`. */
function bridgeScript(origin: PageOrigin): string {
  // JSON with '<' escaped cannot close the script element.
  const originJson = JSON.stringify(origin).replace(/</g, '\\u003c');
  return `(function () {
  var origin = ${originJson};
  var inPage = {
    emitReadyEvent: function () {},
    enableTheming: function () {},
    changeWindowTitle: function (title) { document.title = String(title); },
    reload: function () { window.location.reload(); },
    navigate: function (target) { if (target && target.url) { if (target.type === 'new-tab') window.open(target.url); else window.location.assign(target.url); } },
    showFlag: function (flag) { console.info('[flag]', flag && flag.title, flag && flag.description); return true; },
    closeFlag: function () { return true; }
  };
  globalThis.__bridge = {
    callBridge: function (name, payload) {
      if (Object.prototype.hasOwnProperty.call(inPage, name)) return Promise.resolve(inPage[name](payload));
      return fetch('/_local/bridge/' + encodeURIComponent(name), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ origin: origin, payload: payload === undefined ? null : payload })
      }).then(function (response) { return response.json(); }).then(function (answer) {
        if (answer.ok) return answer.value;
        throw new Error(answer.error);
      });
    }
  };
})();`;
}

function notBuiltPage(page: PageModule, resourceDir: string): string {
  const escape = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(page.title ?? page.key)}: UI not built</title></head><body>
<h1>The Custom UI for ${escape(page.key)} is not built yet</h1>
<p>The manifest serves resource <code>${escape(page.resource)}</code> from <code>${escape(resourceDir)}</code>, which has no <code>index.html</code>.</p>
<p>Build the UI so that its output (with <code>index.html</code>) lands in that directory, then reload this page.</p>
</body></html>`;
}
