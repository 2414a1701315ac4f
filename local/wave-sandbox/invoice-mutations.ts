import { invoiceUrls, numericIdOf, resourceGlobalId } from './ids';
import { invoiceInputSchema, type InvoiceInput } from './input-schemas';
import { itemRecords, itemsSubtotal } from './invoice-items';
import { minorToDecimal, type CurrencyInfo } from './money';
import { INVOICE_FIELDS_AS_GIVEN, type InvoiceRecord } from './records';
import { amountIn, definedFields, invoiceCurrency, parseInput, SandboxInputError } from './sandbox-input';
import type { WaveState } from './state';

const DAY_MS = 86_400_000;

/** Creates an invoice or merges the given fields into the one with that id; `before` is the stored one, if any. */
export function upsertInvoice(
  state: WaveState,
  rawInput: unknown,
): { invoice: InvoiceRecord; before: InvoiceRecord | undefined } {
  const input = parseInput(invoiceInputSchema, rawInput, 'invoice');
  return state.transaction(() => {
    const existing = input.id === undefined ? undefined : state.invoices.get(input.id);
    const now = state.nowIso();
    const { total, amountPaid, amountDue, taxTotal } = input;
    const currency = invoiceCurrency(
      { total, amountPaid, amountDue, taxTotal },
      existing?.currencyCode ?? state.business.currencyCode,
    );
    const base = existing ?? newInvoice(state, input, now, currency);
    const customerId = input.customerId ?? input.customer?.id ?? base.customerId;
    if (!state.customers.get(customerId)) {
      throw new SandboxInputError(
        `invoice.customer: customer ${customerId} does not exist; create it with POST /wave/_sandbox/customers`,
      );
    }
    const items = input.items === undefined ? (base.items ?? null) : input.items && itemRecords(input.items, currency);
    const taxTotalRaw = amountIn(input.taxTotal, currency, 'invoice.taxTotal') ?? base.taxTotalRaw;
    const totalRaw =
      invoiceTotal(amountIn(input.total, currency, 'invoice.total'), items, taxTotalRaw, currency) ?? base.totalRaw;
    const amountPaidRaw = amountIn(input.amountPaid, currency, 'invoice.amountPaid') ?? base.amountPaidRaw;
    const invoice: InvoiceRecord = {
      ...base,
      ...definedFields(input, [...INVOICE_FIELDS_AS_GIVEN, 'memo', 'poNumber', 'subhead']),
      items,
      currencyCode: currency.code,
      customerId,
      totalRaw,
      amountPaidRaw,
      amountDueRaw: amountIn(input.amountDue, currency, 'invoice.amountDue') ?? totalRaw - amountPaidRaw,
      taxTotalRaw,
      modifiedAt: input.modifiedAt ?? now,
    };
    state.invoices.put(invoice.id, invoice);
    return { invoice, before: existing };
  });
}

/** With line items, Wave computes the total (items plus tax): a given total must agree. */
function invoiceTotal(
  given: number | undefined,
  items: InvoiceRecord['items'],
  taxTotalRaw: number,
  currency: CurrencyInfo,
): number | undefined {
  if (!items) return given;
  const computed = itemsSubtotal(items) + taxTotalRaw;
  if (given !== undefined && given !== computed) {
    const decimal = (raw: number) => minorToDecimal(raw, currency.exponent);
    throw new SandboxInputError(
      `invoice.total: ${decimal(given)} is not the items' ${decimal(itemsSubtotal(items))} plus taxTotal ${decimal(taxTotalRaw)}; leave total out to have it computed`,
    );
  }
  return computed;
}

function newInvoice(state: WaveState, input: InvoiceInput, now: string, currency: CurrencyInfo): InvoiceRecord {
  const { uuid } = state.business;
  const n = state.takeNumericId('nextInvoiceN');
  const invoiceDate = input.invoiceDate ?? state.today();
  const firstCustomer = state.customers.list()[0];
  const id = input.id ?? resourceGlobalId(uuid, 'Invoice', n);
  return {
    id,
    invoiceNumber: input.invoiceNumber ?? String(state.takeInvoiceNumber()),
    status: 'SAVED',
    title: 'Invoice',
    invoiceDate,
    dueDate: new Date(Date.parse(invoiceDate) + 30 * DAY_MS).toISOString().slice(0, 10),
    createdAt: now,
    modifiedAt: now,
    // A caller-chosen id in Wave's form links to its own number.
    ...invoiceUrls(uuid, numericIdOf(id, 'Invoice') ?? n),
    currencyCode: currency.code,
    totalRaw: 0,
    amountPaidRaw: 0,
    amountDueRaw: 0,
    taxTotalRaw: 0,
    customerId: firstCustomer?.id ?? '',
    memo: null,
    poNumber: null,
    subhead: null,
    items: null,
    lastSentAt: null,
    lastViewedAt: null,
  };
}

/** Removes an invoice and its payments, as deleting it in Wave does; false when there is none. */
export function deleteInvoice(state: WaveState, id: string): InvoiceRecord | undefined {
  return state.transaction(() => {
    const invoice = state.invoices.get(id);
    if (!invoice) return undefined;
    for (const payment of state.payments.list()) if (payment.invoiceId === id) state.payments.delete(payment.id);
    state.invoices.delete(id);
    return invoice;
  });
}
