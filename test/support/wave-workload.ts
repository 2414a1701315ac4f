import { eventBody } from '../../local/wave-sandbox/events';
import type { WaveSandboxControl } from '../../local/wave-sandbox';
import type { WaveInvoice, WavePayment } from '../../src/domain/wave-webhook';
import { waveBody } from './wave-format';
import type { TestStack } from './test-stack';

/** One webhook event as Wave would send it: its id, the invoice it is about, the exact body. */
export interface WaveDelivery {
  eventId: string;
  type: string;
  invoiceId: string;
  body: string;
}

/**
 * What happens to an invoice in Wave, in order: state changes send `invoice.created|sent|viewed`;
 * `partial-payment` pays 40% and `paid` the rest, `paid` sending `invoice.paid`.
 */
export type LifecycleStep = 'created' | 'sent' | 'viewed' | 'partial-payment' | 'paid';

export interface LifecycleOptions {
  /** Invoice total in minor units (USD). */
  totalMinor?: number;
  /** Every payment also sends `payment.received` (default true). */
  paymentReceived?: boolean;
  /** A partial payment also sends `invoice.updated` with the PARTIAL invoice (default true). */
  invoiceUpdateForPartial?: boolean;
}

const MINUTE_MS = 60_000;
const STATE_EVENT: Record<'created' | 'sent' | 'viewed', { type: string; status: string }> = {
  created: { type: 'invoice.created', status: 'SAVED' },
  sent: { type: 'invoice.sent', status: 'SENT' },
  viewed: { type: 'invoice.viewed', status: 'VIEWED' },
};

const usd = (minor: number) => ({ value: (minor / 100).toFixed(2), currency: { code: 'USD' } });

/** A change stamps the invoice with the clock's millisecond: two in one millisecond would look like one state. */
async function afterLastChange(invoice: WaveInvoice): Promise<void> {
  while (Date.now() <= Date.parse(invoice.modifiedAt)) await new Promise((resolve) => setTimeout(resolve, 1));
}

/**
 * Takes one new invoice through `steps` in the Wave sandbox (which keeps the truth) and returns the
 * events Wave sends for it, in order. States before the payments get `modifiedAt` in the past, a minute
 * apart; payments stamp the invoice with the sandbox's clock, so every state is newer than the last.
 */
export async function runInvoiceLifecycle(
  wave: WaveSandboxControl,
  steps: readonly LifecycleStep[],
  options: LifecycleOptions = {},
): Promise<WaveDelivery[]> {
  const total = options.totalMinor ?? 125_000;
  const start = Date.now() - 6 * 60 * MINUTE_MS;
  const deliveries: WaveDelivery[] = [];
  let invoice: WaveInvoice | undefined;
  let paidMinor = 0;
  const emit = (
    type: string,
    resourceKey: 'invoice' | 'payment',
    resource: WaveInvoice | WavePayment,
    invoiceId: string,
  ) => {
    const { eventId, body } = eventBody({
      type,
      occurredAt: new Date().toISOString(),
      businessId: wave.businessId,
      resourceKey,
      resource,
    });
    deliveries.push({ eventId, type, invoiceId, body });
  };

  for (const [index, step] of steps.entries()) {
    if (step === 'created' || step === 'sent' || step === 'viewed') {
      const { type, status } = STATE_EVENT[step];
      const modifiedAt = new Date(start + index * MINUTE_MS).toISOString();
      const input = invoice
        ? { id: invoice.id, status, modifiedAt }
        : { status, modifiedAt, total: usd(total), title: 'Consulting, month end' };
      invoice = (await wave.api.invoice({ invoice: input })).invoice as WaveInvoice;
      emit(type, 'invoice', invoice, invoice.id);
      continue;
    }
    if (!invoice) throw new Error(`lifecycle step ${step} needs the invoice to be created first`);
    const amount = step === 'paid' ? total - paidMinor : Math.round(total * 0.4);
    await afterLastChange(invoice);
    const answer = await wave.api.payment({
      invoiceId: invoice.id,
      amount: usd(amount),
      paymentMethod: 'bank transfer',
    });
    paidMinor += amount;
    invoice = answer.invoice as WaveInvoice;
    if (options.paymentReceived ?? true) emit('payment.received', 'payment', answer.payment as WavePayment, invoice.id);
    if (step === 'paid') emit('invoice.paid', 'invoice', invoice, invoice.id);
    else if (options.invoiceUpdateForPartial ?? true) emit('invoice.updated', 'invoice', invoice, invoice.id);
  }
  return deliveries;
}

/** The same event again (same id, same body): what Wave sends when it retries or double-fires. */
export function duplicateOf(delivery: WaveDelivery): WaveDelivery {
  return { ...delivery };
}

/** An older state of the invoice arriving late, as a new event (`invoice.updated`, a fresh id). */
export function lateCopyOf(delivery: WaveDelivery, wave: WaveSandboxControl): WaveDelivery {
  const resource = (JSON.parse(delivery.body) as { data: { invoice: WaveInvoice } }).data.invoice;
  const { eventId, body } = eventBody({
    type: 'invoice.updated',
    occurredAt: new Date().toISOString(),
    businessId: wave.businessId,
    resourceKey: 'invoice',
    resource,
  });
  return { eventId, type: 'invoice.updated', invoiceId: delivery.invoiceId, body };
}

/** The event Wave sends (its own format: no created, customer or payment events) when an invoice reaches a status. */
const WAVE_EVENT_BY_STATUS: Record<string, string> = {
  SAVED: 'invoice.approved',
  SENT: 'invoice.sent',
  VIEWED: 'invoice.viewed',
  PARTIAL: 'invoice.partially_paid',
  PAID: 'invoice.paid',
  OVERPAID: 'invoice.overpaid',
};

export function waveEventType(status: string): string {
  const type = WAVE_EVENT_BY_STATUS[status];
  if (!type) throw new Error(`Wave sends no event when an invoice becomes ${status}`);
  return type;
}

/** One delivery in Wave's own format: thin (the invoice's number only), so the app reads the invoice from Wave. */
export function waveFormatDelivery(t: TestStack, type: string, invoiceId: string): WaveDelivery {
  const { eventId, body } = waveBody(t, type, invoiceId);
  return { eventId, type, invoiceId, body };
}

/** What a Wave user does to an invoice: sends it, sees it viewed, records a payment (in minor units). */
export type InvoiceChange = { status: 'SENT' | 'VIEWED' } | { payMinor: number };

/** Makes one change to an invoice in the Wave sandbox without any webhook (the caller delivers the event); answers the invoice after it. */
export async function changeInvoice(
  wave: WaveSandboxControl,
  invoice: WaveInvoice,
  change: InvoiceChange,
): Promise<WaveInvoice> {
  await afterLastChange(invoice);
  if ('status' in change) {
    return (await wave.api.invoice({ invoice: { id: invoice.id, status: change.status }, deliver: false }))
      .invoice as WaveInvoice;
  }
  const answer = await wave.api.payment({
    invoiceId: invoice.id,
    amount: usd(change.payMinor),
    paymentMethod: 'bank transfer',
    deliver: false,
  });
  return answer.invoice as WaveInvoice;
}

/** A new approved (SAVED) invoice in the Wave sandbox, without any webhook. */
export async function approveInvoice(
  wave: WaveSandboxControl,
  options: { totalMinor: number; customerId?: string },
): Promise<WaveInvoice> {
  const invoice = {
    status: 'SAVED',
    total: usd(options.totalMinor),
    title: 'Consulting, month end',
    ...(options.customerId ? { customerId: options.customerId } : {}),
  };
  return (await wave.api.invoice({ invoice, deliver: false })).invoice as WaveInvoice;
}
