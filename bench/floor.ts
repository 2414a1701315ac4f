import type { WaveInvoice, WavePayment } from '../src/domain/wave-webhook';
import type { WaveDelivery } from '../test/support/wave-workload';
import type { BenchWorkflow } from './jira-workflow';
import { WRITE_KINDS, type WriteKind } from './request-kinds';

/** What one delivery lets the app know, in the order the deliveries arrive. */
export interface FloorEvent {
  eventId: string;
  invoiceId: string;
  /** The invoice the app applies for this event: the full envelope's, or Wave's answer when the event is a prompt. */
  invoice?: WaveInvoice;
  /** A `payment.received` event's amount (the full envelope); Wave's own format has none. */
  paymentMinor?: number;
}

export interface FloorOptions {
  /**
   * The app learns the customer's totals with each invoice (Wave's own format: the invoice is read with its
   * customer), so the account issue must follow them. The full envelope names the customer only.
   */
  accountTotals: boolean;
}

interface InvoiceState {
  newestMs: number;
  statusId: string;
  figures: string;
  owes: string;
}

const OWES_NOTHING = JSON.stringify([0, 0]);

/** The figures the app shows in fields and in the indexed `wave-link` property: a change needs both written. */
const figuresOf = (invoice: WaveInvoice): string =>
  JSON.stringify([
    invoice.status,
    invoice.invoiceNumber,
    invoice.total.raw,
    invoice.amountDue?.raw,
    invoice.amountPaid.raw,
    invoice.total.currency.code,
    invoice.dueDate,
    invoice.customer?.id,
    invoice.customer?.name,
  ]);

/** What the invoice adds to its customer's outstanding and overdue totals (Wave: approved invoices still owing). */
const owesOf = (invoice: WaveInvoice, today: string): string => {
  const due = invoice.amountDue?.raw ?? 0;
  const owing = invoice.status !== 'DRAFT' && due > 0 ? due : 0;
  return JSON.stringify([owing, invoice.dueDate && invoice.dueDate < today ? owing : 0]);
};

/** The full envelope's deliveries as the floor reads them: the invoice or payment each carries. */
export function floorEventsOf(deliveries: readonly WaveDelivery[]): FloorEvent[] {
  return deliveries.map((delivery) => {
    const { invoice, payment } = (
      JSON.parse(delivery.body) as { data: { invoice?: WaveInvoice; payment?: WavePayment } }
    ).data;
    return {
      eventId: delivery.eventId,
      invoiceId: delivery.invoiceId,
      ...(invoice ? { invoice } : {}),
      ...(payment ? { paymentMinor: payment.amount.raw } : {}),
    };
  });
}

/**
 * The Jira writes strictly needed to show what the deliveries tell, by kind (bench/README.md, "The floor"): per
 * invoice one create, and per newer Wave state with other figures one app-field write and one issue edit (the
 * create carries the first state's property, not the app's fields); the fewest transitions the workflow allows
 * to the status each state maps to; one worklog per payment; one link to the customer's account issue. Per
 * customer: the account issue's create and field write, then (with `accountTotals`) one field write and one edit
 * whenever an invoice changes what the customer owes. Nothing for a repeated event, a stale state, or reads.
 */
export function floorWrites(
  events: readonly FloorEvent[],
  workflow: BenchWorkflow,
  options: FloorOptions,
): Record<WriteKind, number> {
  const writes = Object.fromEntries(WRITE_KINDS.map((kind) => [kind, 0])) as Record<WriteKind, number>;
  const invoices = new Map<string, InvoiceState>();
  const logged = new Map<string, number>();
  const accounts = new Set<string>();
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.eventId)) continue;
    seen.add(event.eventId);
    if (event.paymentMinor !== undefined) {
      writes.worklog += 1;
      logged.set(event.invoiceId, (logged.get(event.invoiceId) ?? 0) + event.paymentMinor);
    }
    const known = invoices.get(event.invoiceId);
    const { invoice } = event;
    if (!invoice || (known && Date.parse(invoice.modifiedAt) <= known.newestMs)) continue;
    const today = invoice.modifiedAt.slice(0, 10);
    const state = known ?? {
      newestMs: Number.NEGATIVE_INFINITY,
      statusId: workflow.initialStatusId,
      figures: '',
      owes: OWES_NOTHING,
    };
    const customerId = invoice.customer?.id;
    const newAccount = customerId !== undefined && !accounts.has(customerId);
    if (!known) {
      writes.create += 1;
      writes.fields += 1;
      if (customerId !== undefined) writes.link += 1;
    } else if (figuresOf(invoice) !== state.figures) {
      writes.fields += 1;
      writes.edit += 1;
    }
    if (newAccount) {
      accounts.add(customerId);
      writes.create += 1;
      writes.fields += 1;
    } else if (options.accountTotals && customerId !== undefined && owesOf(invoice, today) !== state.owes) {
      writes.fields += 1;
      writes.edit += 1;
    }
    const target = workflow.targetFor(invoice.status, state.statusId);
    if (target) {
      writes.transition += workflow.hops(state.statusId, target);
      state.statusId = target;
    }
    if (invoice.amountPaid.raw > (logged.get(event.invoiceId) ?? 0)) {
      writes.worklog += 1;
      logged.set(event.invoiceId, invoice.amountPaid.raw);
    }
    Object.assign(state, {
      newestMs: Date.parse(invoice.modifiedAt),
      figures: figuresOf(invoice),
      owes: owesOf(invoice, today),
    });
    invoices.set(event.invoiceId, state);
  }
  return writes;
}
