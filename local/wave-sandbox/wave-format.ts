import { randomUUID } from 'node:crypto';
import { numericIdOf, type WaveIdKind } from './ids';
import { minorToDecimal } from './money';
import type { BusinessRecord, InvoiceRecord } from './records';
import { SandboxInputError } from './sandbox-input';
import { currencyOf } from './views';

/** How `business_id` is written: Wave sends either the business uuid or its global id. */
export type BusinessIdForm = 'uuid' | 'global';

export interface WaveBodyInput {
  eventId?: string;
  type: string;
  business: BusinessRecord;
  businessIdForm: BusinessIdForm;
  data: Record<string, string>;
}

/**
 * The raw body of one delivery in Wave's own format (snake_case, one line): numeric ids as strings
 * (19 digits do not survive a JS number), amounts as decimal strings.
 */
export function waveEventBody(input: WaveBodyInput): { eventId: string; body: string } {
  const eventId = input.eventId ?? randomUUID();
  const body = JSON.stringify({
    event_id: eventId,
    event_type: input.type,
    business_id: input.businessIdForm === 'uuid' ? input.business.uuid : input.business.id,
    data: input.data,
  });
  return { eventId, body };
}

/** `data` of an invoice event; `paidDate` (payment events only) is the date of the payment behind it. */
export function invoiceEventData(invoice: InvoiceRecord, paidDate?: string): Record<string, string> {
  const amount = decimalIn(invoice.currencyCode);
  return {
    invoice_id: numericId(invoice.id, 'Invoice', 'invoice'),
    customer_id: numericId(invoice.customerId, 'Customer', 'customer'),
    currency_code: invoice.currencyCode,
    total: amount(invoice.totalRaw),
    amount_due: amount(invoice.amountDueRaw),
    amount_paid: amount(invoice.amountPaidRaw),
    remaining_balance: amount(invoice.amountDueRaw),
    due_date: invoice.dueDate,
    ...(paidDate !== undefined && { paid_date: paidDate }),
  };
}

/** `data` of an event about a customer (Wave has none; sent only when a call forces an event type). */
export function customerEventData(customerId: string): Record<string, string> {
  return { customer_id: numericId(customerId, 'Customer', 'customer') };
}

/** `data` of an estimate event (estimates are not stored: the app only has to ignore them). */
export function estimateEventData(estimate: {
  n: string;
  customerId: string;
  currencyCode: string;
  totalRaw: number;
}): Record<string, string> {
  return {
    estimate_id: estimate.n,
    customer_id: numericId(estimate.customerId, 'Customer', 'customer'),
    currency_code: estimate.currencyCode,
    total: decimalIn(estimate.currencyCode)(estimate.totalRaw),
  };
}

function decimalIn(currencyCode: string): (raw: number) => string {
  const { exponent } = currencyOf(currencyCode);
  return (raw) => minorToDecimal(raw, exponent);
}

function numericId(id: string, kind: WaveIdKind, what: string): string {
  const n = numericIdOf(id, kind);
  if (n === undefined) {
    throw new SandboxInputError(
      `${what} ${id} has no Wave id (base64 of "Business:<uuid>;${kind}:<n>"), so Wave's format cannot name it; send it with "format": "full"`,
    );
  }
  return n;
}
