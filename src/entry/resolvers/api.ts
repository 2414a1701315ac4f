/**
 * The contract between the Custom UI (static/config-ui) and the resolvers: every call's name,
 * payload and answer. Types only, so the UI can `import type` it without pulling server code.
 */

import type { BackfillProgressFields } from '../../shared/backfill-progress';

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

export interface ConnectionView {
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

export interface WebhookSettingsView {
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
  invoiceIssueType: string;
  customerIssueType: string;
  features: FeaturesView;
  worklogMinutes: number;
  projects: Array<{ key: string; name: string }>;
  issueTypes: NamedOption[];
  businesses: WaveBusinessView[];
}

export interface DefaultsInput {
  defaultProjectKey: string;
  businessProjects: Record<string, string>;
  invoiceIssueType: string;
  customerIssueType: string;
  features: FeaturesView;
  worklogMinutes: number;
}

export interface ActivityEntryView {
  receivedAt: number;
  outcome: DeliveryOutcome;
  source?: string;
  format?: string;
  businessId?: string;
  eventType?: string;
  eventId?: string;
  invoiceNumber?: string;
  issueKey?: string;
  reason?: string;
  replayable: boolean;
}

export interface ActivityPage {
  entries: ActivityEntryView[];
  nextCursor?: string;
}

export interface ActivityChartView {
  /** `refused`: requests refused before their signature was proven (counted, not listed). */
  days: Array<{ date: string; counts: Record<DeliveryOutcome, number>; refused: number }>;
  /** True when older entries were left out to stay within the request budget. */
  truncated: boolean;
}

/** Requests refused before their signature was proven: counted per reason, with a few examples. */
export interface RefusalSummaryView {
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

export interface BackfillStatusView {
  /** Null until a backfill has been started. */
  backfill: BackfillView | null;
}

export interface JiraStatusView {
  id: string;
  name: string;
  categoryKey?: string;
}

export interface MappingRowView {
  waveStatus: string;
  /** The status chosen explicitly, if any. */
  mappedStatusId?: string;
  /** Where an invoice in this Wave status goes: the mapped status or the default. */
  effective?: { statusId: string; statusName: string; byDefault: boolean };
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

export interface ProjectMappingView {
  project: { key: string; name: string };
  issueType: { id: string; name: string } | null;
  /** Set when the configured invoice issue type is not in this project. */
  issueTypeProblem?: string;
  statuses: JiraStatusView[];
  initialStatus?: JiraStatusView;
  waveStatuses: string[];
  rows: MappingRowView[];
  warnings: TransitionWarningView[];
  /** Set when Jira would not show the workflow's transitions (the preview is then unavailable). */
  transitionsUnavailable?: string;
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
  getActivityChart: { payload: { days?: number }; result: ActivityChartView };
  replayDelivery: { payload: { eventId: string }; result: ReplayResult };
  getRefusals: { payload: Record<string, never>; result: RefusalSummaryView };
  getHealth: { payload: Record<string, never>; result: HealthView };
  startBackfill: { payload: { fromDate: string }; result: BackfillStatusView };
  getBackfillProgress: { payload: Record<string, never>; result: BackfillStatusView };
  getProjectMapping: { payload: { projectKey?: string }; result: ProjectMappingView };
  previewProjectMapping: { payload: ProjectMappingInput; result: ProjectMappingView };
  saveProjectMapping: { payload: ProjectMappingInput; result: ProjectMappingView };
}

export type ResolverName = keyof ResolverApi;
