import type { Clock } from '../clock';
import type { IssuedCredentials } from './auth/local-users';
import type { CustomFieldModule } from './catalog/fields';
import type { SandboxNotification } from './events/notifications';
import type { PointsUsage } from './limits/points-quota';
import type { JiraSandboxSettings, JiraSettingsUpdate } from './settings/sandbox-settings';
import type { ExtensionFrame } from '../runtime/extension-host';
import type { ProjectPermissionsView } from './auth/project-permissions';
import type { ChangeItem, StoredDashboard } from './state/records';
import type { ProjectPermission } from './users';

export type {
  ExtensionFrame,
  IssuedCredentials,
  JiraSandboxSettings,
  JiraSettingsUpdate,
  PointsUsage,
  ProjectPermissionsView,
  SandboxNotification,
  StoredDashboard,
};

export interface EntityPropertyModule {
  key?: string;
  entityType?: string;
  propertyKey: string;
  values: { path: string; type: string; searchAlias?: string }[];
}

/** An app's `jira:issueContext` module, as the issue page shows it. */
export interface IssueContextExtension {
  key: string;
  title: string;
  label: string;
  status?: { type: string; value: { label: string; url?: string; type?: string } };
  displayConditions?: Record<string, unknown>;
}

/** An app's `jira:dashboardGadget` module, as the dashboard shows it. */
export interface DashboardGadgetExtension {
  key: string;
  title: string;
  titleHref?: string;
  description: string;
  /** It has an edit view (`edit.resource`). */
  editable: boolean;
  refreshable: boolean;
  displayConditions?: Record<string, unknown>;
}

/** The app's UI modules the sandbox's issue and dashboard pages host, and where their frames come from. */
export interface JiraSandboxExtensions {
  issueContexts: IssueContextExtension[];
  dashboardGadgets: DashboardGadgetExtension[];
  /** The URL (path and query, on this server) of a module instance's frame. */
  frameUrl(frame: ExtensionFrame): string;
  /** Who views the pages when the URL names no `?as=` user (the runtime's acting user). */
  viewer?: () => string;
}

/** What the sandbox needs from the app's manifest. */
export interface JiraSandboxApp {
  /** `ari:cloud:ecosystem::app/<uuid>` or the bare uuid. */
  appId: string;
  environmentId: string;
  /** Display name of the app's account in Jira (defaults to "Forge app"). */
  name?: string;
  customFields: CustomFieldModule[];
  entityProperties: EntityPropertyModule[];
}

/** The payload Forge gives `trigger` modules for Jira issue events (Forge "Jira events" reference). */
// A type alias (not an interface) so it fits `{eventType: string; [field: string]: unknown}` event sinks.
export type ForgeJiraIssueEvent = {
  eventType: 'avi:jira:created:issue' | 'avi:jira:updated:issue' | 'avi:jira:deleted:issue';
  issue: { id: string; key: string; fields: Record<string, unknown> };
  /** The account that caused the event; the app's own account for changes it made asApp. */
  atlassianId?: string;
  associatedUsers?: { accountId: string }[];
  changelog?: { id: string; items: ChangeItem[] };
};

export interface JiraSandboxOptions {
  dataDir: string;
  clock: Clock;
  specPath: string;
  baseUrl: () => string;
  app: JiraSandboxApp;
  onIssueEvent?: (event: ForgeJiraIssueEvent) => Promise<void> | void;
  /** Answer 500 when a response fails validation against the spec. Default: env JIRA_SANDBOX_STRICT_RESPONSES === '1'. */
  strictResponses?: boolean;
  /** Where the sandbox reports its own problems (default console.warn). */
  log?: (message: string) => void;
  /** Real-time waits between webhook delivery attempts (default [200, 1000, 5000]: four attempts). */
  webhookRetryDelaysMs?: number[];
  /** Changes to the default settings (every Jira behaviour on) for this sandbox's life. */
  settings?: JiraSettingsUpdate;
  /** The app's issue contexts and gadgets, hosted by `/jira/browse/<KEY>` and `/jira/dashboard`. */
  extensions?: JiraSandboxExtensions;
}

export interface JiraFaults {
  /** Share (0..1) of REST requests answered with a 5xx. */
  errorRate: number;
  /**
   * How many of the next successful non-GET requests (writes, and POST searches) lose their answer after Jira
   * applied them: a gateway's 504 instead of the result.
   */
  lostAnswers: number;
  /** Real-time delay added to every REST request. */
  latencyMs: number;
  /** Seed of the PRNG that picks the failing requests (deterministic runs). */
  seed: number;
  /** Until then (runtime clock, epoch ms) every REST request gets a 429. */
  rateLimitStormUntil?: number;
  /** Until then (runtime clock, epoch ms) every REST request gets a 503. */
  outageUntil?: number;
}

export interface JiraFaultSettings {
  errorRate?: number;
  lostAnswers?: number;
  latencyMs?: number;
  seed?: number;
  rateLimitStorm?: { durationMs: number };
  outage?: { durationMs: number };
  rateLimits?: boolean;
}

export interface JiraStatsEntry {
  method: string;
  path: string;
  status: number;
  count: number;
}

export interface JiraStats {
  total: number;
  requests: JiraStatsEntry[];
  /** Responses that failed validation against the spec (sandbox bugs). */
  responseValidationFailures: number;
  /** The app's hourly points quota: what this hour and every hour so far cost. */
  points: PointsUsage;
}

export interface SandboxWebhookView {
  id: number;
  url: string;
  events: string[];
  jqlFilter: string;
  fieldIdsFilter?: string[];
  expirationDate: string;
}

export interface SandboxWorklogView {
  id: string;
  authorAccountId: string;
  started: string;
  timeSpentSeconds: number;
  comment: unknown;
  properties: Record<string, unknown>;
}

export interface SandboxIssueView {
  id: string;
  key: string;
  projectKey: string;
  issueType: string;
  summary: string;
  description: unknown;
  status: { id: string; name: string; category: string };
  resolution: string | null;
  labels: string[];
  duedate: string | null;
  /** App custom field values by module key. */
  appFields: Record<string, unknown>;
  properties: Record<string, unknown>;
  worklogs: SandboxWorklogView[];
  comments: number;
  links: { type: string; direction: 'inward' | 'outward'; issueKey: string }[];
  created: string;
  updated: string;
}

export interface JiraSandboxControl {
  setFaults(settings: JiraFaultSettings): void;
  clearFaults(): void;
  faults(): JiraFaults & { rateLimits: boolean };
  setRateLimitsEnabled(enabled: boolean): void;
  stats(): JiraStats;
  resetStats(): void;
  listWebhooks(): SandboxWebhookView[];
  /** Forgets dynamic webhooks (all, or those ids), as Jira sometimes loses them. Returns how many. */
  dropWebhooks(ids?: number[]): number;
  /** Same as `updateSettings({dynamicWebhooks: allowed})`. */
  setDynamicWebhooksAllowed(allowed: boolean): void;
  settings(): JiraSandboxSettings;
  /** A partial update (see JiraSettingsUpdate); bad input throws InvalidInputError and changes nothing. */
  updateSettings(update: JiraSettingsUpdate): JiraSandboxSettings;
  /** The emails Jira would have sent, oldest first. */
  notifications(): SandboxNotification[];
  clearNotifications(): void;
  /** A new local user with an API token (`{displayName, email, admin?}`); the token is shown only here. */
  createUser(input: { displayName: string; email: string; admin?: boolean }): IssuedCredentials;
  /** Another API token for the user with this email. */
  createApiToken(input: { email: string; label?: string }): IssuedCredentials;
  /**
   * What one user may do in one project (`permissions: []`: not even browse it; `null`: back to the
   * user's defaults). Bad input throws InvalidInputError and changes nothing.
   */
  setProjectPermissions(input: {
    accountId: string;
    projectKey: string;
    permissions: ProjectPermission[] | null;
  }): ProjectPermissionsView;
  /** A dashboard with its gadgets and their configuration (default: the site's dashboard, 10000). */
  dashboard(id?: string): StoredDashboard | undefined;
  getIssue(idOrKey: string): SandboxIssueView | undefined;
  listIssues(projectKey?: string): SandboxIssueView[];
  /** Resolves when every queued trigger call and webhook delivery has finished. */
  idle(): Promise<void>;
}
