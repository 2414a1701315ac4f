import { findIssuesByWaveId } from '../../adapters/jira/issue-search';
import { resolveProjectKey } from '../../adapters/storage/config';
import { hasCreateIntent, markCreateIntent } from '../../adapters/storage/create-intent';
import { isEventDone, markEventDone } from '../../adapters/storage/event-dedupe';
import { deleteLink, getLink, putLink } from '../../adapters/storage/links';
import { withRecordLock } from '../../adapters/storage/record-lock';
import { WaveBusinessNotReadableError } from '../../adapters/wave/wave-errors';
import {
  planInvoiceDeleted,
  planInvoiceRecreate,
  planInvoiceState,
  onTransitionBlocked,
  planPaymentReceived,
  type InvoiceContext,
  type InvoiceLink,
  type InvoicePlan,
} from '../../domain/sync';
import type { InvoiceEvent, PaymentEvent, WaveCustomer, WaveInvoice } from '../../domain/wave-webhook/types';
import type { SyncContext } from '../sync-context';
import { customerLinkForInvoice } from './customer-of-invoice';
import { executePlan, IssueGoneError, type PlanTarget } from './execute-plan';
import { recordIssueOwnership } from './new-issue-bookkeeping';
import { loadProjectTarget } from './project-target';
import type { SyncResult } from './sync-result';

type InvoiceOrPaymentEvent = InvoiceEvent | PaymentEvent;

const invoiceIdOf = (event: InvoiceOrPaymentEvent): string =>
  'payment' in event ? event.payment.invoiceId : event.invoice.id;

/** What Wave says about the invoice: as the event carries it, or re-read (with its customer) from Wave's API. */
interface WaveFacts {
  invoice: WaveInvoice | undefined;
  /** The whole customer, when the invoice was read from Wave. */
  customer: WaveCustomer | null;
}

/**
 * Wave's own deliveries (thin) and every payment are prompts: the invoice is read from Wave and that truth is
 * applied, status, fields and payments together. The full envelope's invoice is applied as sent.
 */
async function readWaveFacts(ctx: SyncContext, event: InvoiceOrPaymentEvent, businessId: string): Promise<WaveFacts> {
  if (!('payment' in event) && !('thin' in event.invoice)) return { invoice: event.invoice, customer: null };
  if (event.type === 'invoice.deleted') return { invoice: undefined, customer: null };
  const read = await ctx.wave().getInvoice(businessId, invoiceIdOf(event));
  return { invoice: read?.invoice, customer: read?.customer ?? null };
}

/** An issue that carries this invoice's id although no link points at it: a creation whose answer was lost. */
async function findOrphanIssue(ctx: SyncContext, invoiceId: string): Promise<PlanTarget<InvoiceLink>['adopted']> {
  if (!(await hasCreateIntent('invoice', invoiceId))) return undefined;
  const [found] = await findIssuesByWaveId(ctx.jira, invoiceId, { kind: 'invoice', fields: ['status'] });
  if (!found) return undefined;
  return { issue: { id: found.id, key: found.key }, statusId: found.fields.status?.id ?? null };
}

/**
 * One invoice event or payment: serialised per invoice, applied once, in order. Answers only when
 * Jira reflects what Wave says (or the event changes nothing).
 */
export async function syncInvoiceEvent(ctx: SyncContext, event: InvoiceOrPaymentEvent): Promise<SyncResult> {
  const invoiceId = invoiceIdOf(event);
  const businessId = event.businessId ?? (await ctx.connectedBusinessId());
  return withRecordLock('invoice', invoiceId, ctx.budget, async () => {
    const link = (await getLink<InvoiceLink>('invoice', invoiceId)) ?? null;
    if (await isEventDone(event.id))
      return { outcome: 'duplicate', issueKey: link?.issue.key, invoiceNumber: link?.invoiceNumber, notes: [] };

    let facts: WaveFacts;
    try {
      facts = await readWaveFacts(ctx, event, businessId);
    } catch (error) {
      if (!(error instanceof WaveBusinessNotReadableError)) throw error;
      await markEventDone(event.id, { now: ctx.budget.now });
      return { outcome: 'ignored', notes: [`Wave business ${businessId}: ${error.message}.`] };
    }
    const { invoice } = facts;
    const paymentOnLinkedInvoice = 'payment' in event && link !== null;
    if (invoice === undefined && event.type !== 'invoice.deleted' && !paymentOnLinkedInvoice) {
      await markEventDone(event.id, { now: ctx.budget.now });
      return {
        outcome: 'gone',
        issueKey: link?.issue.key,
        invoiceNumber: link?.invoiceNumber,
        notes: [`Wave no longer knows invoice ${link?.invoiceNumber ?? invoiceId} (deleted?); nothing to sync.`],
      };
    }

    const notes: string[] = [];
    const project = await loadProjectTarget(
      ctx,
      link?.projectKey ?? resolveProjectKey(ctx.config, businessId),
      ctx.config.invoiceIssueType,
    );
    const context: InvoiceContext = {
      project,
      businessId,
      worklogs: { enabled: ctx.config.features.paymentWorklogs, timeSpentSeconds: ctx.config.worklogSeconds },
      customerLink: await customerLinkForInvoice(ctx, invoice, facts.customer, businessId, notes),
    };
    const target: PlanTarget<InvoiceLink> = {
      project,
      save: (next) => putLink('invoice', invoiceId, next),
      beforeCreate: () => markCreateIntent('invoice', invoiceId),
      unconfirmedWorklogKeys: new Set(link?.ledger.pending.map((step) => step.key) ?? []),
      onTransitionBlocked,
      ...(link ? {} : { adopted: await findOrphanIssue(ctx, invoiceId) }),
    };
    if (paymentOnLinkedInvoice && invoice === undefined) {
      notes.push(`Wave no longer knows invoice ${link?.invoiceNumber}; the payment is logged from the event alone.`);
    }

    let executed;
    try {
      executed = await executePlan(ctx, planFor(event, invoice, link, context), target);
    } catch (error) {
      if (!(error instanceof IssueGoneError) || !link || !invoice) throw error;
      await deleteLink('invoice', invoiceId);
      executed = await executePlan(ctx, planInvoiceRecreate({ ...context, invoice, link }), {
        ...target,
        unconfirmedWorklogKeys: new Set(),
      });
    }
    await recordIssueOwnership({ kind: 'invoice', waveId: invoiceId }, link?.issue.id, executed.issue);
    await markEventDone(event.id, { now: ctx.budget.now });
    return {
      outcome: executed.plan.outcome,
      issueKey: executed.issue?.key ?? link?.issue.key,
      invoiceNumber: invoice?.invoiceNumber ?? link?.invoiceNumber,
      notes: [...notes, ...executed.plan.notes],
    };
  });
}

function planFor(
  event: InvoiceOrPaymentEvent,
  invoice: WaveInvoice | undefined,
  link: InvoiceLink | null,
  context: InvoiceContext,
): InvoicePlan {
  if ('payment' in event) {
    const facts = { ...context, payment: event.payment, occurredAt: event.occurredAt };
    return link
      ? planPaymentReceived({ ...facts, link, invoice: invoice ?? null })
      : planPaymentReceived({ ...facts, link: null, invoice: invoice as WaveInvoice });
  }
  if (event.type === 'invoice.deleted') {
    return planInvoiceDeleted({ link, project: context.project });
  }
  return planInvoiceState({ ...context, invoice: invoice as WaveInvoice, link });
}
