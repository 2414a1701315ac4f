/** Shapes shared by the sync planners: what is stored per Wave record, and the plans they produce. */

import type { AppMadeLink } from '../links';
import type { AdfDoc } from './adf';

/**
 * `unchanged`: Jira already holds this very state. `stale`: Jira holds a newer one. `gone`: Wave no longer knows
 * the record.
 */
export type SyncOutcome = 'processed' | 'duplicate' | 'stale' | 'unchanged' | 'ignored' | 'gone';

export interface IssueRef {
  id: string;
  key: string;
}

export const WAVE_LINK_PROPERTY_KEY = 'wave-link';
export const WAVE_DELETED_LABEL = 'wave-deleted';
export const RELATES_LINK_TYPE = 'Relates';

export type WaveRecordKind = 'invoice' | 'customer';

/**
 * Issue entity property `wave-link`: the record's id (indexed for exact recovery) and its figures, indexed for JQL
 * (`waveStatus = OVERDUE AND waveAmountDue > 1000`; manifest `jira:entityProperty`). Amounts are decimal numbers
 * in the record's currency.
 */
export interface WaveLinkProperty {
  waveId: string;
  kind: WaveRecordKind;
  businessId: string;
  /** Invoices. */
  invoiceNumber?: string;
  status?: string;
  total?: number | null;
  amountDue?: number | null;
  amountPaid?: number | null;
  dueDate?: string | null;
  customerId?: string | null;
  customerName?: string | null;
  /** Customers. */
  outstanding?: number | null;
  overdue?: number | null;
  currency?: string | null;
}

/** App-owned custom fields, by manifest module key. */
export type FieldKey =
  | 'wave-invoice-number'
  | 'wave-customer'
  | 'wave-amount'
  | 'wave-amount-due'
  | 'wave-amount-paid'
  | 'wave-outstanding'
  | 'wave-overdue'
  | 'wave-currency'
  | 'wave-status'
  | 'wave-due-date'
  | 'wave-link'
  | 'wave-id';
export type FieldValue = string | number | null;
export type FieldValues = Partial<Record<FieldKey, FieldValue>>;

/**
 * What the app last wrote, so unchanged content is not written again, and a summary or description a person has
 * edited since is left alone (`v: 2`: summary and description are fingerprints of their text, comparable with
 * what Jira shows; older links fingerprinted the document and are not checked).
 */
export interface ContentFingerprints {
  v?: 2;
  summary: string;
  description: string;
  fields: string;
  /** Jira's own fields the app owns (the due date) and the indexed property; absent in older links. */
  jira?: string;
}

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface ProjectStatus {
  id: string;
  name: string;
  categoryKey: StatusCategoryKey;
}

/** Wave status (or `DELETED`) → Jira status id; statuses left out follow the category defaults. */
export type StatusMapping = Readonly<Partial<Record<string, string>>>;

/** The Jira project a record syncs into, with what the planner needs to know about its workflow. */
export interface ProjectTarget {
  projectKey: string;
  issueTypeId: string;
  statusMapping: StatusMapping;
  /** In workflow order. */
  statuses: readonly ProjectStatus[];
  /** The status a newly created issue starts in. */
  initialStatusId: string;
}

export const DEFAULT_WORKLOG_SECONDS = 60;
export const MIN_WORKLOG_SECONDS = 60;

export interface WorklogSettings {
  /** Off: no worklogs, but the ledger keeps counting (see PaymentLedger.skippedMinor). */
  enabled: boolean;
  timeSpentSeconds: number;
}

export const DEFAULT_WORKLOG_SETTINGS: WorklogSettings = { enabled: true, timeSpentSeconds: DEFAULT_WORKLOG_SECONDS };

// ---- plan steps, in the order the use case executes them ----

export interface CreateIssueStep {
  kind: 'create-issue';
  projectKey: string;
  issueTypeId: string;
  summary: string;
  description: AdfDoc;
  properties: [{ key: typeof WAVE_LINK_PROPERTY_KEY; value: WaveLinkProperty }];
  /** Jira's own fields set on create (e.g. `duedate`). */
  fields?: Record<string, unknown>;
}

/** `PUT /issue/{id}` with only what changed. */
export interface EditIssueStep {
  kind: 'edit-issue';
  summary?: string;
  description?: AdfDoc;
  /**
   * The fingerprints of the summary and description the app last wrote: each is overwritten only while Jira
   * still shows exactly that (a person's edit is never replaced). Undefined: no check (an older link).
   */
  owned?: { summary?: string; description?: string };
  /** Jira's own fields (e.g. `duedate`). */
  fields?: Record<string, unknown>;
  properties?: Array<{ key: typeof WAVE_LINK_PROPERTY_KEY; value: WaveLinkProperty }>;
  addLabels?: string[];
}

/** One `POST /rest/api/3/app/field/value`; keys are manifest module keys, the adapter maps them to field ids. */
export interface SetFieldValuesStep {
  kind: 'set-field-values';
  values: FieldValues;
}

/** The use case walks the workflow hop by hop (`nextTransitionHop`); when the walk is blocked, `onTransitionBlocked`. */
export interface TransitionStep {
  kind: 'transition';
  fromStatusId: string | null;
  toStatusId: string;
  toStatusName: string;
  waveStatus: string;
}

/** `key`: stable per planned comment, for an adapter that wants to skip a comment already added. */
export interface AddCommentStep {
  kind: 'add-comment';
  key: string;
  body: AdfDoc;
}

export interface LinkIssuesStep {
  kind: 'link-issues';
  linkType: typeof RELATES_LINK_TYPE;
  otherIssue: IssueRef;
}

/** `key` is stored by the adapter as a worklog entity property: a worklog with that key already there is not added again. */
export interface AddWorklogStep {
  kind: 'add-worklog';
  key: string;
  started: string;
  timeSpentSeconds: number;
  comment: AdfDoc;
  amountMinor: number;
  currency: string;
}

/**
 * Links the billing issue to the work its invoice names (issue keys in its texts) and to the issue its customer is
 * mapped to; removes only links the app made that are no longer wanted. `appLinks`: those the app made before.
 */
export interface LinkWorkStep {
  kind: 'link-work';
  keys: string[];
  customerIssueKey: string | null;
  linkType: string;
  appLinks: AppMadeLink[];
}

export type PlanStep =
  | CreateIssueStep
  | EditIssueStep
  | SetFieldValuesStep
  | TransitionStep
  | AddCommentStep
  | LinkIssuesStep
  | LinkWorkStep
  | AddWorklogStep;

/**
 * Execute `steps` in order (create first, worklogs last). `issue` is the existing issue, or null when the
 * first step creates it. `writeAhead` is the link with the plan's worklogs pending: kept from the first
 * `add-worklog` step on and stored only if the delivery fails after it, so the retry looks for those worklogs
 * before adding them. After the last step save `withIssue(next, issue)`. `next === null`: save nothing.
 */
export interface SyncPlan<TDraft> {
  outcome: SyncOutcome;
  notes: string[];
  issue: IssueRef | null;
  steps: PlanStep[];
  next: TDraft | null;
  writeAhead: TDraft | null;
}

// ---- what is stored in KVS per Wave record ----

/**
 * Payments → worklogs, kept so that logged (net of refunds) always equals Wave's amountPaid, whichever of
 * `payment.received` and the invoice update reporting the same money comes first. All amounts in minor units.
 * Invariant: loggedMinor + skippedMinor − refundedMinor = wavePaidMinor + eventsAheadMinor.
 */
export interface PaymentLedger {
  currency: string;
  /** amountPaid of the last applied invoice state. */
  wavePaidMinor: number;
  /** Money from payment events already credited but not yet seen in an amountPaid. */
  eventsAheadMinor: number;
  /** Rises of amountPaid already credited that no payment event has claimed yet. */
  risesAheadMinor: number;
  /** Payment events already counted. */
  paymentIds: string[];
  loggedMinor: number;
  /** Credited while worklogs were turned off: counted, never logged (no back-fill when turned on again). */
  skippedMinor: number;
  /** Decreases of amountPaid: not logged, reported as notes. */
  refundedMinor: number;
  /** Worklogs planned so far on this issue: source of the idempotency keys. */
  seq: number;
  /** Worklogs written ahead and not yet confirmed; every plan re-emits them first. */
  pending: AddWorklogStep[];
}

interface LinkBase {
  v: 1;
  waveId: string;
  businessId: string;
  issue: IssueRef;
  projectKey: string;
  /** modifiedAt of the last applied Wave state. */
  modifiedAt: string;
  fingerprints: ContentFingerprints;
}

export interface InvoiceLink extends LinkBase {
  kind: 'invoice';
  invoiceNumber: string;
  waveStatus: string;
  /** The Jira status the app last put the issue in (the use case may refresh it from Jira issue events). */
  jiraStatusId: string | null;
  /** The customer issue this invoice issue is linked to ("Relates"). */
  customerIssueId: string | null;
  /** The links to the work the invoice bills: what they were decided from, and those the app made. */
  workLinks?: { fingerprint: string; appLinks: AppMadeLink[] };
  deleted: boolean;
  ledger: PaymentLedger;
}

export interface CustomerLink extends LinkBase {
  kind: 'customer';
}

/** A link before its issue is known (the plan creates it). */
export type Draft<TLink> = Omit<TLink, 'issue'>;
export type InvoiceLinkDraft = Draft<InvoiceLink>;
export type CustomerLinkDraft = Draft<CustomerLink>;
export type InvoicePlan = SyncPlan<InvoiceLinkDraft>;
export type CustomerPlan = SyncPlan<CustomerLinkDraft>;
