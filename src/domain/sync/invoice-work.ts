/** The invoice planners' shared accumulator: start from a link (or nothing), apply Wave facts, assemble the plan. */

import type { WaveInvoice, WavePayment } from '../wave-webhook/types';
import { extractInvoiceIssueKeys } from '../links';
import { contentSteps } from './content-diff';
import { fingerprint } from './fingerprint';
import {
  invoiceDescription,
  invoiceFieldValues,
  invoiceJiraFields,
  invoiceProperty,
  invoiceSummary,
  waveLink,
} from './invoice-content';
import { toJiraDateTime } from './jira-time';
import { formatMoney, moneyToMinor } from './money';
import { emptyLedger, recordAmountPaid, recordPaymentEvent, type LedgerMove } from './payments-ledger';
import { resolveTargetStatus } from './status-mapping';
import { creditNewMoney, type CreditDetails } from './worklogs';
import {
  RELATES_LINK_TYPE,
  type AddCommentStep,
  type AddWorklogStep,
  type ContentFingerprints,
  type CustomerLink,
  type InvoiceLink,
  type InvoiceLinkDraft,
  type InvoicePlan,
  type IssueRef,
  type LinkIssuesStep,
  type LinkWorkStep,
  type PlanStep,
  type ProjectTarget,
  type SyncOutcome,
  type TransitionStep,
  type WorklogSettings,
} from './types';

/** What every invoice planner needs besides the Wave facts. */
export interface InvoiceContext {
  project: ProjectTarget;
  businessId: string;
  worklogs: WorklogSettings;
  /** The link of the invoice's customer, when the use case has one: the invoice issue gets linked to it. */
  customerLink: CustomerLink | null;
  /** How the project links invoices to the work they bill; absent: no work links. */
  workLinks?: { linkType: string; customerIssueKey: string | null };
}

export interface InvoiceWork {
  issue: IssueRef | null;
  /** null until the issue exists or its creation is planned. */
  fingerprints: ContentFingerprints | null;
  draft: InvoiceLinkDraft;
  contentSteps: PlanStep[];
  transition: TransitionStep | null;
  comments: AddCommentStep[];
  links: LinkIssuesStep[];
  workLinks: LinkWorkStep[];
  /** Written ahead by an earlier plan, not confirmed: re-emitted first. */
  pending: AddWorklogStep[];
  worklogs: AddWorklogStep[];
  notes: string[];
}

export function workFromLink(link: InvoiceLink): InvoiceWork {
  const { issue, ...draft } = link;
  return { ...blankWork(draft), issue, fingerprints: link.fingerprints, pending: link.ledger.pending };
}

/** For an invoice with no issue yet: nothing applied, the issue starts in the workflow's initial status. */
export function workForNewIssue(invoice: WaveInvoice, ctx: InvoiceContext): InvoiceWork {
  return blankWork({
    v: 1,
    kind: 'invoice',
    waveId: invoice.id,
    businessId: ctx.businessId,
    projectKey: ctx.project.projectKey,
    invoiceNumber: invoice.invoiceNumber,
    modifiedAt: '',
    waveStatus: '',
    jiraStatusId: ctx.project.initialStatusId,
    fingerprints: { summary: '', description: '', fields: '' },
    customerIssueId: null,
    deleted: false,
    ledger: emptyLedger(invoice.amountPaid.currency.code),
  });
}

function blankWork(draft: InvoiceLinkDraft): InvoiceWork {
  return {
    issue: null,
    fingerprints: null,
    draft,
    contentSteps: [],
    transition: null,
    comments: [],
    links: [],
    workLinks: [],
    pending: [],
    worklogs: [],
    notes: [],
  };
}

/** Apply one invoice state (already known to be newer than the last applied one). */
export function applyInvoiceState(work: InvoiceWork, invoice: WaveInvoice, ctx: InvoiceContext): void {
  const content = {
    summary: invoiceSummary(invoice),
    description: invoiceDescription(invoice),
    fields: invoiceFieldValues(invoice),
    jiraFields: invoiceJiraFields(invoice),
    property: invoiceProperty(invoice, work.draft.businessId),
  };
  if (invoice.viewUrl && waveLink(invoice.viewUrl) === null) {
    work.notes.push(
      `Invoice ${invoice.invoiceNumber}: its link does not point to Wave (waveapps.com); it is not written.`,
    );
  }
  const planned = contentSteps(content, work.fingerprints, ctx.project);
  work.contentSteps.push(...planned.steps);
  work.fingerprints = planned.fingerprints;
  work.draft = { ...work.draft, fingerprints: planned.fingerprints, invoiceNumber: invoice.invoiceNumber };

  if (invoice.status !== work.draft.waveStatus) planStatus(work, invoice.status, ctx.project);
  applyAmountPaid(work, invoice, ctx.worklogs);
  planCustomerLink(work, ctx.customerLink);
  planWorkLinks(work, invoice, ctx);
  work.draft = { ...work.draft, modifiedAt: invoice.modifiedAt, waveStatus: invoice.status };
}

/**
 * Links to the work the invoice bills, decided again only when what they follow from changes (the keys its texts
 * name, the customer's mapped issue, the link type): a payment or a status change costs no link reads.
 */
export function planWorkLinks(work: InvoiceWork, invoice: WaveInvoice, ctx: InvoiceContext): void {
  if (!ctx.workLinks) return;
  const { keys } = extractInvoiceIssueKeys(invoice);
  const { linkType, customerIssueKey } = ctx.workLinks;
  const previous = work.draft.workLinks;
  const basis = fingerprint({ keys, customerIssueKey, linkType });
  if (previous?.fingerprint === basis) return;
  if (!previous && keys.length === 0 && customerIssueKey === null) return;
  const appLinks = previous?.appLinks ?? [];
  work.workLinks.push({ kind: 'link-work', keys, customerIssueKey, linkType, appLinks });
  work.draft = { ...work.draft, workLinks: { fingerprint: basis, appLinks } };
}

/** Plan the move for a Wave status (or `DELETED`) from the status the app last put the issue in. */
export function planStatus(work: InvoiceWork, waveStatus: string, project: ProjectTarget): void {
  const target = resolveTargetStatus({
    waveStatus,
    mapping: project.statusMapping,
    projectStatuses: project.statuses,
    initialStatusId: project.initialStatusId,
    currentStatusId: work.draft.jiraStatusId,
  });
  if (target.kind === 'none' && target.note !== null) work.notes.push(target.note);
  if (target.kind !== 'move') return;
  work.transition = {
    kind: 'transition',
    fromStatusId: work.draft.jiraStatusId,
    toStatusId: target.status.id,
    toStatusName: target.status.name,
    waveStatus,
  };
  work.draft = { ...work.draft, jiraStatusId: target.status.id };
}

function applyAmountPaid(work: InvoiceWork, invoice: WaveInvoice, settings: WorklogSettings): void {
  const paid = moneyToMinor(invoice.amountPaid);
  const currency = invoice.amountPaid.currency.code;
  if (paid === null) {
    work.notes.push(
      `Invoice ${invoice.invoiceNumber}: amountPaid "${invoice.amountPaid.value}" is unreadable; payments not checked.`,
    );
    return;
  }
  const ledger = ledgerIsUntouched(work) ? { ...work.draft.ledger, currency } : work.draft.ledger;
  if (ledger.currency !== currency) {
    work.notes.push(
      `Invoice ${invoice.invoiceNumber}: currency changed from ${ledger.currency} to ${currency} after payments; payments not logged.`,
    );
    return;
  }
  const move = recordAmountPaid(ledger, paid);
  if (move.refundMinor > 0) {
    work.notes.push(
      `Invoice ${invoice.invoiceNumber}: amount paid went down by ${formatMoney(move.refundMinor, currency)} (refund?); nothing logged.`,
    );
  }
  // modifiedAt was checked readable before the state was applied.
  const started = toJiraDateTime(invoice.modifiedAt) ?? invoice.modifiedAt;
  credit(work, move, { started, invoiceNumber: invoice.invoiceNumber }, settings);
}

function ledgerIsUntouched(work: InvoiceWork): boolean {
  const { ledger } = work.draft;
  return (
    ledger.wavePaidMinor === 0 && ledger.eventsAheadMinor === 0 && ledger.loggedMinor === 0 && ledger.skippedMinor === 0
  );
}

/** `already-counted`: an invoice state had already reported this money; only the ledger changes. */
export type PaymentApplication = 'processed' | 'already-counted' | 'duplicate' | 'ignored';

/** Apply a `payment.received` event; `occurredAt` (the envelope's) stands in for an unreadable payment date. */
export function applyPaymentEvent(
  work: InvoiceWork,
  payment: WavePayment,
  occurredAt: string,
  settings: WorklogSettings,
): PaymentApplication {
  const { ledger, invoiceNumber } = work.draft;
  const currency = payment.amount.currency.code;
  const amount = moneyToMinor(payment.amount);
  const started = toJiraDateTime(payment.paymentDate) ?? toJiraDateTime(occurredAt);
  if (currency !== ledger.currency || amount === null || amount <= 0 || started === null) {
    work.notes.push(
      `Payment ${payment.id} on invoice ${invoiceNumber} ignored: amount ${payment.amount.value} ${currency}, ` +
        `date ${payment.paymentDate} (the invoice is in ${ledger.currency}).`,
    );
    return 'ignored';
  }
  const move = recordPaymentEvent(ledger, payment.id, amount);
  if (move === null) return 'duplicate';
  credit(work, move, { started, invoiceNumber, paymentMethod: payment.paymentMethod }, settings);
  return move.newMoneyMinor > 0 ? 'processed' : 'already-counted';
}

function credit(work: InvoiceWork, move: LedgerMove, details: CreditDetails, settings: WorklogSettings): void {
  const result = creditNewMoney(move.ledger, move.newMoneyMinor, details, settings);
  work.draft = { ...work.draft, ledger: result.ledger };
  if (result.worklog) work.worklogs.push(result.worklog);
}

/** Links the invoice issue to its customer's account issue, once (again if the account issue changed). */
export function planCustomerLink(work: InvoiceWork, customerLink: CustomerLink | null): void {
  if (customerLink === null || work.draft.customerIssueId === customerLink.issue.id) return;
  work.links.push({ kind: 'link-issues', linkType: RELATES_LINK_TYPE, otherIssue: customerLink.issue });
  work.draft = { ...work.draft, customerIssueId: customerLink.issue.id };
}

/** Steps in the safe order: create/edit/fields, transition, comments, links, then worklogs (pending first). */
export function finishWork(work: InvoiceWork, outcome: SyncOutcome): InvoicePlan {
  const steps: PlanStep[] = [
    ...work.contentSteps,
    ...(work.transition ? [work.transition] : []),
    ...work.comments,
    ...work.links,
    ...work.workLinks,
    ...work.pending,
    ...work.worklogs,
  ];
  const withPending = (pending: AddWorklogStep[]): InvoiceLinkDraft => ({
    ...work.draft,
    ledger: { ...work.draft.ledger, pending },
  });
  return {
    outcome,
    notes: work.notes,
    issue: work.issue,
    steps,
    next: withPending([]),
    writeAhead: work.worklogs.length > 0 ? withPending([...work.pending, ...work.worklogs]) : null,
  };
}
