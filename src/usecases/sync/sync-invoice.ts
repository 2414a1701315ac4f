import { findIssuesByWaveId } from '../../adapters/jira/issue-search';
import { resolveProjectKey } from '../../adapters/storage/config';
import { hasCreateIntent, markCreateIntent } from '../../adapters/storage/create-intent';
import { isEventDone, markEventDone } from '../../adapters/storage/event-dedupe';
import { withInvoiceLock } from '../../adapters/storage/invoice-lock';
import { deleteLink, getLink, putLink } from '../../adapters/storage/links';
import {
  planInvoiceDeleted,
  planInvoiceRecreate,
  planInvoiceState,
  onTransitionBlocked,
  planPaymentReceived,
  type CustomerLink,
  type InvoiceContext,
  type InvoiceLink,
  type InvoicePlan,
} from '../../domain/sync';
import type { InvoiceEvent, PaymentEvent, WaveInvoice } from '../../domain/wave-webhook/types';
import type { SyncContext } from '../sync-context';
import { executePlan, IssueGoneError, type PlanTarget } from './execute-plan';
import { recordIssueOwnership } from './new-issue-bookkeeping';
import { loadProjectTarget } from './project-target';
import type { SyncResult } from './sync-result';

type InvoiceOrPaymentEvent = InvoiceEvent | PaymentEvent;

const invoiceIdOf = (event: InvoiceOrPaymentEvent): string =>
  'payment' in event ? event.payment.invoiceId : event.invoice.id;

async function fetchInvoice(ctx: SyncContext, businessId: string, invoiceId: string): Promise<WaveInvoice | undefined> {
  return ctx.wave().getInvoice(businessId, invoiceId);
}

/** The complete invoice the event is about: as sent, or fetched from Wave for a thin event. */
async function completeInvoice(
  ctx: SyncContext,
  event: InvoiceEvent,
  businessId: string,
): Promise<WaveInvoice | undefined> {
  return 'thin' in event.invoice ? fetchInvoice(ctx, businessId, event.invoice.id) : event.invoice;
}

async function customerLinkFor(ctx: SyncContext, invoice: WaveInvoice | undefined): Promise<CustomerLink | null> {
  if (!ctx.config.features.issueLinks || !ctx.config.features.customerIssues) return null;
  const customerId = invoice?.customer?.id;
  if (!customerId) return null;
  return (await getLink<CustomerLink>('customer', customerId)) ?? null;
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
 * Jira reflects the event (or the event changes nothing).
 */
export async function syncInvoiceEvent(ctx: SyncContext, event: InvoiceOrPaymentEvent): Promise<SyncResult> {
  const invoiceId = invoiceIdOf(event);
  const businessId = event.businessId ?? (await ctx.connectedBusinessId());
  return withInvoiceLock(invoiceId, ctx.budget, async () => {
    const link = (await getLink<InvoiceLink>('invoice', invoiceId)) ?? null;
    if (await isEventDone(event.id))
      return { outcome: 'duplicate', issueKey: link?.issue.key, invoiceNumber: link?.invoiceNumber, notes: [] };

    const project = await loadProjectTarget(
      ctx,
      link?.projectKey ?? resolveProjectKey(ctx.config, businessId),
      ctx.config.invoiceIssueType,
    );
    const invoice = await invoiceFor(ctx, event, businessId, link);
    const invoiceNeeded = event.type !== 'invoice.deleted' && !('payment' in event && link);
    if (invoice === undefined && invoiceNeeded) {
      await markEventDone(event.id, { now: ctx.budget.now });
      return { outcome: 'ignored', notes: [`Wave has no invoice ${invoiceId} (deleted?); nothing to sync.`] };
    }
    const context: InvoiceContext = {
      project,
      businessId,
      worklogs: { enabled: ctx.config.features.paymentWorklogs, timeSpentSeconds: ctx.config.worklogSeconds },
      customerLink: await customerLinkFor(ctx, invoice),
    };
    const target: PlanTarget<InvoiceLink> = {
      project,
      save: (next) => putLink('invoice', invoiceId, next),
      beforeCreate: () => markCreateIntent('invoice', invoiceId),
      unconfirmedWorklogKeys: new Set(link?.ledger.pending.map((step) => step.key) ?? []),
      onTransitionBlocked,
      ...(link ? {} : { adopted: await findOrphanIssue(ctx, invoiceId) }),
    };

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
      notes: executed.plan.notes,
    };
  });
}

/** What the planner needs of the invoice: complete for state events, fetched for a first payment, optional after. */
async function invoiceFor(
  ctx: SyncContext,
  event: InvoiceOrPaymentEvent,
  businessId: string,
  link: InvoiceLink | null,
): Promise<WaveInvoice | undefined> {
  if ('payment' in event) return link ? undefined : fetchInvoice(ctx, businessId, event.payment.invoiceId);
  if (event.type === 'invoice.deleted') return 'thin' in event.invoice ? undefined : event.invoice;
  return completeInvoice(ctx, event, businessId);
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
  if (event.type === 'invoice.deleted') return planInvoiceDeleted({ link, project: context.project });
  return planInvoiceState({ ...context, invoice: invoice as WaveInvoice, link });
}
