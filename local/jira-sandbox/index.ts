import express, { type Router } from 'express';
import { SEEDED_API_TOKENS } from './auth/api-tokens';
import { createControl } from './control';
import { IssueEvents } from './events/issue-events';
import { NotificationLog } from './events/notifications';
import { PendingWork } from './events/pending-work';
import { WebhookRegistry } from './events/webhook-registry';
import { ALL_HANDLERS } from './handlers/all-handlers';
import { checkDisplayConditions } from './extensions/display-conditions';
import { Dashboards } from './extensions/dashboards';
import { createExtensionHost, type JiraExtensionHost } from './extensions/extension-host';
import { pageRoutes } from './http/pages/page-routes';
import { createRestDispatcher } from './http/rest-dispatcher';
import { sandboxRoutes } from './http/sandbox-routes';
import { FaultInjector } from './limits/faults';
import { PointsQuota } from './limits/points-quota';
import { RateLimiter } from './limits/rate-limiter';
import { RequestStats } from './limits/request-stats';
import { SandboxSettings } from './settings/sandbox-settings';
import { Site } from './site';
import { JiraSpec } from './spec/jira-spec';
import { SchemaValidator } from './spec/schema-validator';
import { JiraState } from './state/jira-state';
import type { JiraSandboxControl, JiraSandboxOptions } from './types';

export type { JiraExtensionHost } from './extensions/extension-host';
export type {
  DashboardGadgetExtension,
  ExtensionFrame,
  IssueContextExtension,
  JiraSandboxExtensions,
  ForgeJiraIssueEvent,
  IssuedCredentials,
  JiraFaultSettings,
  JiraSandboxApp,
  JiraSandboxControl,
  JiraSandboxOptions,
  JiraSandboxSettings,
  JiraSettingsUpdate,
  JiraStats,
  PointsUsage,
  SandboxIssueView,
  SandboxNotification,
  SandboxWebhookView,
} from './types';
export { APP_ACCOUNT_ID, LOCAL_ADMIN_ACCOUNT_ID, LOCAL_ADMIN_EMAIL, LOCAL_USER_ACCOUNT_ID } from './users';
export { LOCAL_ADMIN_API_TOKEN } from './auth/api-tokens';
export { DEFAULT_JIRA_SETTINGS } from './settings/sandbox-settings';

const DEFAULT_RETRY_DELAYS_MS = [200, 1000, 5000];
const MAX_BODY = '10mb';

/**
 * A Jira Cloud site for the local stack: REST v3 validated against Atlassian's OpenAPI spec,
 * stateful in `DATA_DIR/jira.sqlite`, rate limited (burst, per issue, the app's points quota),
 * fault-injectable, with lagging search, emitting Forge product events and dynamic webhooks.
 * Mount `router` at `/jira`.
 */
export function createJiraSandbox(options: JiraSandboxOptions): {
  router: Router;
  control: JiraSandboxControl;
  /** Jira's side of the app's issue contexts and gadgets, for the Forge runtime. */
  host: JiraExtensionHost;
  close(): void;
} {
  const log = options.log ?? ((message: string) => console.warn(`[jira-sandbox] ${message}`));
  const problems = [
    ...(options.extensions?.issueContexts ?? []).map((module) => [`jira:issueContext ${module.key}`, module] as const),
    ...(options.extensions?.dashboardGadgets ?? []).map(
      (module) => [`jira:dashboardGadget ${module.key}`, module] as const,
    ),
  ].flatMap(([where, module]) =>
    module.displayConditions === undefined ? [] : checkDisplayConditions(module.displayConditions, where),
  );
  if (problems.length > 0) throw new Error(`the Jira sandbox cannot host the app's modules:\n${problems.join('\n')}`);
  const spec = JiraSpec.load(options.specPath);
  const validator = new SchemaValidator(spec.document);
  const state = new JiraState(
    options.dataDir,
    { name: options.app.name ?? 'Forge app', customFields: options.app.customFields },
    SEEDED_API_TOKENS,
  );
  const settings = new SandboxSettings(options.settings);
  const site = new Site(state, options.clock, options.baseUrl, options.app, settings);
  const work = new PendingWork();
  const webhooks = new WebhookRegistry(site);
  const events = new IssueEvents(site, webhooks, work, {
    onIssueEvent: options.onIssueEvent,
    retryDelaysMs: options.webhookRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    log,
  });
  const faults = new FaultInjector(options.clock);
  const limiter = new RateLimiter(options.clock);
  const quota = new PointsQuota(options.clock, () => settings.current.pointsQuota);
  const notifications = new NotificationLog(site);
  const stats = new RequestStats();
  const dashboards = new Dashboards(site, options.extensions?.dashboardGadgets ?? []);
  const control = createControl({ site, faults, limiter, quota, stats, webhooks, notifications, work, dashboards });
  const strictResponses = options.strictResponses ?? process.env.JIRA_SANDBOX_STRICT_RESPONSES === '1';

  const router = express.Router();
  router.use(pageRoutes({ site, dashboards, extensions: options.extensions }));
  router.use('/_sandbox', sandboxRoutes(control));
  const dispatch = createRestDispatcher({
    site,
    spec,
    validator,
    handlers: ALL_HANDLERS,
    faults,
    limiter,
    quota,
    stats,
    events,
    webhooks,
    notifications,
    strictResponses,
    log,
    signal: work.signal,
  });
  router.use('/rest', express.text({ type: () => true, limit: MAX_BODY }), (req, res, next) => {
    // Re-prefix: the dispatcher routes full Jira paths (/rest/api/3/...).
    const original = req.url;
    req.url = `/rest${original}`;
    dispatch(req, res)
      .catch(next)
      .finally(() => {
        req.url = original;
      });
  });

  return {
    router,
    control,
    host: createExtensionHost(site, options.extensions?.issueContexts ?? [], dashboards),
    close: () => {
      work.cancel();
      state.close();
    },
  };
}
