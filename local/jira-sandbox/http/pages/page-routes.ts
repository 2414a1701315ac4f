import express, { type Request, type Response, type Router } from 'express';
import type { Dashboards } from '../../extensions/dashboards';
import { DEFAULT_DASHBOARD_ID } from '../../extensions/dashboards';
import { visibleIssueContexts } from '../../extensions/extension-host';
import { escapeHtml } from '../../model/html';
import type { Site } from '../../site';
import type { JiraSandboxExtensions } from '../../types';
import { LOCAL_ADMIN_ACCOUNT_ID } from '../../users';
import { renderDashboardPage, type GadgetCard } from './dashboard-page';
import { renderIssuePage, renderNoAccessPage } from './issue-page';
import { renderOverview } from './overview-page';
import { pageHref, renderShell, type PageViewer } from './page-shell';

export interface PageRouteParts {
  site: Site;
  dashboards: Dashboards;
  extensions?: JiraSandboxExtensions;
}

/**
 * The sandbox's pages for people: `/` (every issue), `/browse/<KEY>` (an issue with the app's issue contexts) and
 * `/dashboard`, `/dashboards/<id>` (the app's gadgets), as the user `?as=<accountId>` (default: the
 * runtime's acting user). Changing a dashboard is a plain form post that redirects back.
 */
export function pageRoutes(parts: PageRouteParts): Router {
  const { site, dashboards, extensions } = parts;
  const router = express.Router();
  const frameUrl = (frame: Parameters<JiraSandboxExtensions['frameUrl']>[0]) => extensions?.frameUrl(frame) ?? '';

  router.get(['/', ''], (req, res) => {
    const viewer = viewerOf(req, res);
    if (viewer) res.type('html').send(renderOverview(site, viewer));
  });

  router.get('/browse/:issueKey', (req, res) => {
    const viewer = viewerOf(req, res);
    if (!viewer) return;
    const issueKey = String(req.params.issueKey);
    const issue = site.state.findIssue(issueKey);
    if (!issue || !site.canBrowse({ kind: 'user', user: viewer.user, via: 'forge' }, issue.id)) {
      res
        .status(404)
        .type('html')
        .send(renderNoAccessPage(site, issueKey, viewer));
      return;
    }
    if (issue.key !== issueKey) {
      res.redirect(302, pageHref(`/jira/browse/${issue.key}`, viewer));
      return;
    }
    const panels = visibleIssueContexts(site, extensions?.issueContexts ?? [], viewer.user, issue.id).map((module) => ({
      module,
      src: frameUrl({ moduleKey: module.key, accountId: viewer.user.accountId, issueKey: issue.key }),
    }));
    res.type('html').send(renderIssuePage(site, issue, viewer, panels));
  });

  const showDashboard = (dashboardId: string) => (req: Request, res: Response) => {
    const viewer = viewerOf(req, res);
    if (!viewer) return;
    const dashboard = dashboards.dashboard(dashboardId);
    if (!dashboard || !dashboards.canView(viewer.user)) {
      errorPage(res, viewer, 404, 'This dashboard does not exist or is not shared with you.');
      return;
    }
    const canEdit = dashboards.canEdit(viewer.user, dashboard);
    const cards: GadgetCard[] = dashboard.gadgets.map((gadget) => {
      const module = dashboards.module(gadget.moduleKey);
      const frame = {
        moduleKey: gadget.moduleKey,
        accountId: viewer.user.accountId,
        dashboardId: dashboard.id,
        gadgetId: gadget.id,
      };
      return {
        gadget,
        module,
        usable: dashboards.mayUse(viewer.user, gadget.moduleKey),
        viewSrc: frameUrl(frame),
        ...(module?.editable ? { editSrc: frameUrl({ ...frame, entryPoint: 'edit' }) } : {}),
      };
    });
    const addable = dashboards.modules.filter((module) => dashboards.mayUse(viewer.user, module.key));
    res.type('html').send(renderDashboardPage(site, { dashboard, cards, canEdit, addable }, viewer));
  };
  router.get('/dashboard', showDashboard(DEFAULT_DASHBOARD_ID));
  router.get('/dashboards/:dashboardId', (req, res) => showDashboard(String(req.params.dashboardId))(req, res));

  const form = express.urlencoded({ extended: false, limit: '10kb' });
  router.post('/dashboards/:dashboardId/gadgets', form, (req, res) => {
    const viewer = viewerOf(req, res);
    if (!viewer) return;
    const dashboardId = String(req.params.dashboardId);
    const moduleKey = typeof req.body?.moduleKey === 'string' ? req.body.moduleKey : '';
    const added = dashboards.addGadget(viewer.user, dashboardId, moduleKey);
    if (!added.ok) errorPage(res, viewer, added.status, added.error, dashboardId);
    else res.redirect(303, `${pageHref(`/jira/dashboards/${dashboardId}`, viewer)}#gadget-${added.value.id}`);
  });
  router.post('/dashboards/:dashboardId/gadgets/:gadgetId/remove', (req, res) => {
    const viewer = viewerOf(req, res);
    if (!viewer) return;
    const dashboardId = String(req.params.dashboardId);
    const removed = dashboards.removeGadget(viewer.user, dashboardId, String(req.params.gadgetId));
    if (!removed.ok) errorPage(res, viewer, removed.status, removed.error, dashboardId);
    else res.redirect(303, pageHref(`/jira/dashboards/${dashboardId}`, viewer));
  });

  /** The `?as=` person, or the runtime's acting user; answers 400 and returns undefined for anyone else. */
  function viewerOf(req: Request, res: Response): PageViewer | undefined {
    const as = typeof req.query.as === 'string' ? req.query.as : undefined;
    if (as !== undefined) {
      const user = site.user(as);
      if (user?.accountType === 'atlassian') return { user, named: true };
      res
        .status(400)
        .type('text/plain')
        .send(`?as= must be the account id of a person on this site, not '${as.slice(0, 128)}'`);
      return undefined;
    }
    const fallback = site.user(extensions?.viewer?.() ?? LOCAL_ADMIN_ACCOUNT_ID);
    const user = fallback?.accountType === 'atlassian' ? fallback : site.user(LOCAL_ADMIN_ACCOUNT_ID);
    return { user: user as NonNullable<typeof user>, named: false };
  }

  function errorPage(res: Response, viewer: PageViewer, status: number, message: string, dashboardId?: string): void {
    const back = dashboardId
      ? `<p><a href="${escapeHtml(pageHref(`/jira/dashboards/${dashboardId}`, viewer))}">Back to the dashboard</a></p>`
      : '';
    res
      .status(status)
      .type('html')
      .send(
        renderShell({
          site,
          title: 'Something went wrong',
          viewer,
          path: '/jira/dashboard',
          body: `<div role="alert"><h1>${escapeHtml(message)}</h1>${back}</div>`,
        }),
      );
  }

  return router;
}
