import { DEFAULT_WORK_LINK_TYPE, resolveProjectKey, type AppConfig } from '../../adapters/storage/config';
import { ownValue } from '../../shared/own';
import { WaveBusinessNotReadableError } from '../../adapters/wave/wave-errors';
import {
  onTransitionBlocked,
  planInvoiceDeleted,
  planInvoiceRecreate,
  planInvoiceState,
  planPaymentReceived,
  type CustomerLink,
  type InvoiceContext,
  type InvoiceLink,
  type InvoicePlan,
  type ProjectTarget,
} from '../../domain/sync';
import type { InvoiceEvent, PaymentEvent, WaveCustomer, WaveInvoice } from '../../domain/wave-webhook/types';
import type { SyncContext } from '../sync-context';
import { customerLinkForInvoice } from './customer-of-invoice';
import { loadProjectTarget } from './project-target';
import { syncRecord, type RecordKind } from './sync-record';
import type { SyncResult } from './sync-result';

type InvoiceOrPaymentEvent = InvoiceEvent | PaymentEvent;

/** What Wave says about the invoice, with what the plan needs beside it. */
interface InvoiceFacts {
  invoice: WaveInvoice | undefined;
  customerLink: CustomerLink | null;
  notes: string[];
}

const invoiceIdOf = (event: InvoiceOrPaymentEvent): string =>
  'payment' in event ? event.payment.invoiceId : event.invoice.id;

/**
 * Wave's own deliveries (thin) and every payment are prompts: the invoice is read from Wave and that truth is
 * applied, status, fields and payments together. The full envelope's invoice is applied as sent.
 */
async function readWave(
  ctx: SyncContext,
  event: InvoiceOrPaymentEvent,
  businessId: string,
): Promise<{ invoice: WaveInvoice | undefined; customer: WaveCustomer | null }> {
  if (!('payment' in event) && !('thin' in event.invoice)) return { invoice: event.invoice, customer: null };
  if (event.type === 'invoice.deleted') return { invoice: undefined, customer: null };
  const read = await ctx.wave().getInvoice(businessId, invoiceIdOf(event));
  return { invoice: read?.invoice, customer: read?.customer ?? null };
}

function invoiceRecord(
  ctx: SyncContext,
  event: InvoiceOrPaymentEvent,
  businessId: string,
): RecordKind<InvoiceLink, InvoiceFacts> {
  const invoiceId = invoiceIdOf(event);
  const context = (project: ProjectTarget, facts: InvoiceFacts): InvoiceContext => ({
    project,
    businessId,
    worklogs: { enabled: ctx.config.features.paymentWorklogs, timeSpentSeconds: ctx.config.worklogSeconds },
    customerLink: facts.customerLink,
    ...(ctx.config.features.issueLinks
      ? { workLinks: workLinksFor(ctx.config, project.projectKey, facts.invoice?.customer?.id) }
      : {}),
  });
  return {
    kind: 'invoice',
    read: async (link) => {
      let read;
      try {
        read = await readWave(ctx, event, businessId);
      } catch (error) {
        if (!(error instanceof WaveBusinessNotReadableError)) throw error;
        return { finished: { outcome: 'ignored', notes: [`Wave business ${businessId}: ${error.message}.`] } };
      }
      const paymentOnLinkedInvoice = 'payment' in event && link !== null;
      if (read.invoice === undefined && event.type !== 'invoice.deleted' && !paymentOnLinkedInvoice) {
        const which = link?.invoiceNumber ?? invoiceId;
        return {
          finished: {
            outcome: 'gone',
            issueKey: link?.issue.key,
            invoiceNumber: link?.invoiceNumber,
            notes: [`Wave no longer knows invoice ${which} (deleted?); nothing to sync.`],
          },
        };
      }
      const notes: string[] = [];
      if (paymentOnLinkedInvoice && read.invoice === undefined) {
        notes.push(`Wave no longer knows invoice ${link?.invoiceNumber}; the payment is logged from the event alone.`);
      }
      const customerLink = await customerLinkForInvoice(ctx, read.invoice, read.customer, businessId, notes);
      return { invoice: read.invoice, customerLink, notes };
    },
    project: (link) =>
      loadProjectTarget(
        ctx,
        link?.projectKey ?? resolveProjectKey(ctx.config, businessId),
        ctx.config.invoiceIssueType,
      ),
    plan: (facts, link, project) => planFor(event, facts.invoice, link, context(project, facts)),
    recreate: (facts, link, project) =>
      facts.invoice ? planInvoiceRecreate({ ...context(project, facts), invoice: facts.invoice, link }) : undefined,
    unconfirmedWorklogKeys: (link) => new Set(link?.ledger.pending.map((step) => step.key) ?? []),
    onTransitionBlocked,
    result: (executed, facts, link) => ({
      outcome: executed.plan.outcome,
      issueKey: executed.issue?.key ?? link?.issue.key,
      invoiceNumber: facts.invoice?.invoiceNumber ?? link?.invoiceNumber,
      notes: [...facts.notes, ...executed.plan.notes],
    }),
  };
}

/** The project's link type for the work invoices bill, and the issue the invoice's customer is mapped to. */
function workLinksFor(config: AppConfig, projectKey: string, customerId: string | undefined) {
  const settings = ownValue(config.workLinks, projectKey);
  const customerIssueKey = customerId ? ownValue(settings?.customerIssues, customerId) : undefined;
  return { linkType: settings?.linkType ?? DEFAULT_WORK_LINK_TYPE, customerIssueKey: customerIssueKey ?? null };
}

/**
 * One invoice event or payment: serialised per invoice, applied once, in order. Answers only when
 * Jira reflects what Wave says (or the event changes nothing).
 */
export async function syncInvoiceEvent(ctx: SyncContext, event: InvoiceOrPaymentEvent): Promise<SyncResult> {
  const businessId = event.businessId ?? (await ctx.connectedBusinessId());
  return syncRecord(ctx, invoiceRecord(ctx, event, businessId), { waveId: invoiceIdOf(event), eventId: event.id });
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
