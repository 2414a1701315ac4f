/**
 * The contract between the Custom UI (static/config-ui) and the resolvers: every call's name,
 * payload and answer. Types only, so the UI can `import type` it without pulling server code.
 */

import type { BackfillProgressFields } from '../../shared/backfill-progress';
import type { MappingApplyFields } from '../../shared/mapping-apply-progress';

export type ResolverErrorCode =
  'FORBIDDEN' | 'INVALID_INPUT' | 'NOT_CONFIGURED' | 'NOT_FOUND' | 'CONFLICT' | 'UNAVAILABLE' | 'UPSTREAM' | 'INTERNAL';

export interface ResolverError {
  code: ResolverErrorCode;
  /** For a person: says what went wrong and what to do. Never contains a secret. */
  message: string;
  /** INVALID_INPUT: field path (`clientId`, `businessProjects.abc`) → what is wrong with it. */
  fields?: Record<string, string>;
  retryAfterSeconds?: number;
}

/** Every resolver answers with this envelope; a refusal is data, not a thrown error. */
export type ResolverResult<T> = { ok: true; data: T } | { ok: false; error: ResolverError };

export type HealthLevel = 'green' | 'amber' | 'red';
export type DeliveryOutcome =
  'processed' | 'duplicate' | 'stale' | 'unchanged' | 'ignored' | 'gone' | 'rejected' | 'failed';

export interface NamedOption {
  id: string;
  name: string;
}

export interface WaveBusinessView {
  id: string;
  name: string;
  currencyCode?: string;
}

/** The server's clock (epoch ms) when it answered: every time the pages show is relative to it, never the browser's. */
export interface ServerClock {
  serverNow: number;
}

export interface ConnectionView extends ServerClock {
  state: 'not-connected' | 'connected' | 'reconnect-needed';
  reason?: string;
  connectedAt?: number;
  clientIdSet: boolean;
  /** The OAuth client id is not a secret; the client secret is never returned. */
  clientId?: string;
  redirectUri: string;
  token?: {
    kind: 'oauth' | 'pasted';
    expiresAt?: number;
    lastRefreshAt?: number;
    scope?: string;
  };
  connectedBusinessId?: string;
  businesses: WaveBusinessView[];
  /** Why the businesses could not be listed, when connected. */
  businessesError?: string;
  /** The OAuth scopes the app asks Wave for, and those Wave granted (when it said). */
  scopes: {
    requested: string[];
    granted?: string[];
    /** False when the grant lacks `invoice:read` (or `invoice:*`): Wave then sends the app no invoice webhooks. */
    invoiceWebhooks?: boolean;
  };
}

export interface SigningSecretView {
  set: boolean;
  /** The last 4 characters, to recognise it; never more. */
  hint?: string;
  rotatedAt?: number;
  previousValidUntil?: number;
}

export interface WebhookSettingsView extends ServerClock {
  webhookUrl: string;
  signing: SigningSecretView;
}

export interface TestEventResult {
  /** Wave would count it as delivered (a 2xx answer). */
  accepted: boolean;
  outcome: string;
  message: string;
}

export interface FeaturesView {
  customerIssues: boolean;
  paymentWorklogs: boolean;
  issueLinks: boolean;
}

export interface DefaultsView {
  defaultProjectKey?: string;
  businessProjects: Record<string, string>;
  /** The issue type names chosen; empty: none chosen, each project uses its type named for the purpose. */
  invoiceIssueType: string;
  customerIssueType: string;
  /** What "none chosen" picks in the default project (or any project, before one is chosen). */
  automaticIssueTypes: { invoice?: string; customer?: string };
  features: FeaturesView;
  worklogMinutes: number;
  projects: Array<{ key: string; name: string }>;
  issueTypes: NamedOption[];
  businesses: WaveBusinessView[];
}

export interface DefaultsInput {
  defaultProjectKey: string;
  businessProjects: Record<string, string>;
  /** A name, or empty for the type named for the purpose in each project ("Invoice", "Account"). */
  invoiceIssueType: string;
  customerIssueType: string;
  features: FeaturesView;
  worklogMinutes: number;
}

/** Every attempt at one event (Wave retries until it gets a 2xx), as one row: the last attempt's outcome decides. */
export interface ActivityGroupView {
  /** Stable per row: the event id, or the single entry's time for entries without one. */
  key: string;
  /** How many deliveries of the event were logged (1 for entries without an event id). */
  attempts: number;
  firstAt: number;
  lastAt: number;
  /** The last attempt's outcome. */
  outcome: DeliveryOutcome;
  source?: string;
  eventType?: string;
  eventId?: string;
  invoiceNumber?: string;
  issueKey?: string;
  /** The last attempt's details, with Wave's ids turned into invoice numbers where the app knows them. */
  reason?: string;
  /** For a failure or refusal: what the admin can do about it. */
  whatToDo?: string;
  replayable: boolean;
}

export interface ActivityPage extends ServerClock {
  groups: ActivityGroupView[];
  nextCursor?: string;
}

export interface ActivityChartView {
  /** `refused`: requests refused before their signature was proven (counted, not listed). */
  days: Array<{ date: string; counts: Record<DeliveryOutcome, number>; refused: number }>;
  /** The server's day (UTC), the last of `days`. */
  today: string;
  /** True when older entries were left out to stay within the request budget. */
  truncated: boolean;
}

/** Requests refused before their signature was proven: counted per reason, with a few examples. */
export interface RefusalSummaryView extends ServerClock {
  /** Since when (epoch ms): the last 24 hours. */
  since: number;
  total: number;
  byReason: Record<string, number>;
  firstAt?: number;
  lastAt?: number;
  examples: Array<{ at: number; reason: string; message: string }>;
}

export interface ReplayResult {
  outcome: string;
  message: string;
}

export interface HealthCheckView {
  key: 'wave-token' | 'signing-secret' | 'last-delivery' | 'jira-events' | 'poll' | 'backfill' | 'rate-limit';
  label: string;
  level: HealthLevel;
  summary: string;
  /** Facts behind the summary (times, webhook ids, counts), one line each. */
  details?: string[];
  /** What to do about it (amber and red). */
  action?: string;
}

export interface HealthView {
  checks: HealthCheckView[];
  checkedAt: number;
}

/** The import of older Wave invoices (one per installation: the current or the last one). */
export type BackfillView = BackfillProgressFields;

export interface BackfillStatusView extends ServerClock {
  /** Null until a backfill has been started. */
  backfill: BackfillView | null;
}

/** A fresh install: Wave connected, nothing imported or synced into Jira yet. */
export interface FirstRunView extends ServerClock {
  /** True when the page should offer the initial import. */
  offerImport: boolean;
  /** What Wave holds (asked of Wave; absent when Wave could not be asked). */
  wave?: {
    invoices: number;
    /** YYYY-MM-DD of the oldest change of an invoice: importing from this day brings all of them. */
    oldestChangeDay?: string;
  };
  /** Why Wave could not be asked. */
  waveError?: string;
  /** When Wave was connected: the five-minute poll brings what changes from then on. */
  connectedAt?: number;
  /** No Jira project is chosen for invoices yet: the import needs one (under Defaults) first. */
  needsProject?: boolean;
}

export interface JiraStatusView {
  id: string;
  name: string;
  categoryKey?: string;
}

export interface MappingRowView {
  /** A Wave invoice status, or `DELETED` for invoices deleted in Wave. */
  waveStatus: string;
  /** The status chosen explicitly, if any. */
  mappedStatusId?: string;
  /**
   * Where an invoice in this Wave status goes: the mapped status or the default, found by the project's status
   * names (`name`) or by status category (`category`).
   */
  effective?: { statusId: string; statusName: string; byDefault: boolean; by: 'mapping' | 'name' | 'category' };
  /** Why it goes nowhere (no status of that category, unknown Wave status). */
  note?: string;
  /** The transitions a new issue takes from the initial status (the sync walks screenless ones, several if needed). */
  fromInitial?: { path?: string[]; blocked?: string };
}

export interface TransitionWarningView {
  fromStatus: string;
  toStatus: string;
  waveStatus: string;
  reason: string;
}

/** A mapping allowed but suspicious: a sent or paid invoice put back in an earlier status category. */
export interface BackwardMappingView {
  waveStatus: string;
  statusName: string;
  message: string;
}

/** Whether invoices reach this project, and how an admin could route a business's invoices here. */
export interface ProjectRoutingView {
  receivesInvoices: boolean;
  /** Where invoices go instead (when this project receives none). */
  defaultProjectKey?: string;
  /** The connected Wave businesses and the project each one's invoices go to (when this project receives none). */
  businesses: Array<{ id: string; name: string; projectKey?: string }>;
  /** Why the businesses could not be listed. */
  businessesError?: string;
}

export interface ProjectMappingView {
  project: { key: string; name: string };
  routing: ProjectRoutingView;
  issueType: { id: string; name: string } | null;
  /** Set when the configured invoice issue type is not in this project. */
  issueTypeProblem?: string;
  statuses: JiraStatusView[];
  initialStatus?: JiraStatusView;
  waveStatuses: string[];
  rows: MappingRowView[];
  warnings: TransitionWarningView[];
  backwards: BackwardMappingView[];
  /** Set when Jira would not show the workflow's transitions (the preview is then unavailable). */
  transitionsUnavailable?: string;
}

/** How many of the project's invoice issues the saved mapping would move now. */
export interface RemapCountView {
  /** Issues whose status differs from where the mapping puts them. */
  toMove: number;
  /** The project's invoice issues looked at. */
  examined: number;
  /** False when there were too many to count in one call: `toMove` is then a lower bound. */
  complete: boolean;
}

/** Moving a project's existing invoice issues to where the saved mapping puts them (one run per project). */
export type MappingApplyView = MappingApplyFields;

export interface MappingApplyStatusView extends ServerClock {
  apply: MappingApplyView | null;
}

export interface ProjectMappingInput {
  projectKey?: string;
  /** Wave status → Jira status id; a missing or empty value means "use the default". */
  mapping: Record<string, string>;
}

/** Payload and answer of every resolver, by function key. */
export interface ResolverApi {
  getConnection: { payload: Record<string, never>; result: ConnectionView };
  saveWaveClient: { payload: { clientId: string; clientSecret: string }; result: ConnectionView };
  startWaveConnect: { payload: Record<string, never>; result: { authorizeUrl: string } };
  usePastedToken: { payload: { accessToken: string }; result: ConnectionView };
  disconnectWave: { payload: Record<string, never>; result: ConnectionView };
  getWebhookSettings: { payload: Record<string, never>; result: WebhookSettingsView };
  rotateSigningSecret: { payload: { secret: string; graceHours: number }; result: WebhookSettingsView };
  sendTestEvent: { payload: Record<string, never>; result: TestEventResult };
  getDefaults: { payload: Record<string, never>; result: DefaultsView };
  saveDefaults: { payload: DefaultsInput; result: DefaultsView };
  listActivity: { payload: { outcome?: DeliveryOutcome; cursor?: string; limit?: number }; result: ActivityPage };
  getFirstRun: { payload: Record<string, never>; result: FirstRunView };
  getActivityChart: { payload: { days?: number }; result: ActivityChartView };
  replayDelivery: { payload: { eventId: string }; result: ReplayResult };
  getRefusals: { payload: Record<string, never>; result: RefusalSummaryView };
  getHealth: { payload: Record<string, never>; result: HealthView };
  startBackfill: { payload: { fromDate: string }; result: BackfillStatusView };
  getBackfillProgress: { payload: Record<string, never>; result: BackfillStatusView };
  cancelBackfill: { payload: Record<string, never>; result: BackfillStatusView };
  getProjectMapping: { payload: { projectKey?: string }; result: ProjectMappingView };
  previewProjectMapping: { payload: ProjectMappingInput; result: ProjectMappingView };
  saveProjectMapping: { payload: ProjectMappingInput; result: ProjectMappingView };
  countIssuesToRemap: { payload: { projectKey?: string }; result: RemapCountView };
  applyMappingToIssues: { payload: { projectKey?: string }; result: MappingApplyStatusView };
  getMappingApplyProgress: { payload: { projectKey?: string }; result: MappingApplyStatusView };
  routeBusinessToProject: { payload: { projectKey?: string; businessId: string }; result: ProjectMappingView };
}

export type ResolverName = keyof ResolverApi;
