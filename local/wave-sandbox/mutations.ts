import { z } from 'zod';
import { KNOWN_INVOICE_STATUSES } from '../../src/domain/wave-webhook';
import { invoiceUrls, resourceGlobalId } from './ids';
import { currencyInfo, SUPPORTED_CURRENCIES, type CurrencyInfo } from './money';
import type { CustomerRecord, InvoiceRecord, PaymentRecord } from './records';
import {
  currencyCodeOf,
  isoDate,
  isoDateTime,
  moneyInput,
  parseInput,
  SandboxInputError,
  toMinor,
  type MoneyInput,
} from './sandbox-input';
import type { WaveState } from './state';

const DAY_MS = 86_400_000;
const text = z.string();
const optionalText = z.string().nullable().optional();

export const invoiceInputSchema = z.strictObject({
  id: z.string().min(1).optional(),
  invoiceNumber: text.min(1).optional(),
  // Only the statuses the served GraphQL schema knows, so every stored invoice can be queried back.
  status: z.enum(KNOWN_INVOICE_STATUSES).optional(),
  title: text.optional(),
  invoiceDate: isoDate.optional(),
  dueDate: isoDate.optional(),
  createdAt: isoDateTime.optional(),
  modifiedAt: isoDateTime.optional(),
  viewUrl: text.optional(),
  pdfUrl: text.optional(),
  total: moneyInput.optional(),
  amountPaid: moneyInput.optional(),
  amountDue: moneyInput.optional(),
  taxTotal: moneyInput.optional(),
  customer: z.looseObject({ id: z.string().min(1) }).optional(),
  customerId: z.string().min(1).optional(),
  memo: optionalText,
  lastSentAt: isoDateTime.nullable().optional(),
  lastViewedAt: isoDateTime.nullable().optional(),
});
export type InvoiceInput = z.infer<typeof invoiceInputSchema>;

export const customerInputSchema = z.strictObject({
  id: z.string().min(1).optional(),
  name: text.optional(),
  email: optionalText,
  firstName: optionalText,
  lastName: optionalText,
  displayId: optionalText,
  phone: optionalText,
  createdAt: isoDateTime.optional(),
  modifiedAt: isoDateTime.optional(),
});
export type CustomerInput = z.infer<typeof customerInputSchema>;

export const paymentInputSchema = z.object({
  invoiceId: z.string().min(1),
  amount: moneyInput,
  paymentDate: isoDate.optional(),
  paymentMethod: optionalText,
});
export type PaymentInput = z.infer<typeof paymentInputSchema>;

/** Creates an invoice or merges the given fields into the one with that id. */
export function upsertInvoice(state: WaveState, rawInput: unknown): { invoice: InvoiceRecord; created: boolean } {
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
    const totalRaw = amount(input.total, currency, 'invoice.total') ?? base.totalRaw;
    const amountPaidRaw = amount(input.amountPaid, currency, 'invoice.amountPaid') ?? base.amountPaidRaw;
    const invoice: InvoiceRecord = {
      ...base,
      ...definedFields(input, [
        'invoiceNumber',
        'status',
        'title',
        'invoiceDate',
        'dueDate',
        'createdAt',
        'viewUrl',
        'pdfUrl',
        'memo',
        'lastSentAt',
        'lastViewedAt',
      ]),
      currencyCode: currency.code,
      customerId,
      totalRaw,
      amountPaidRaw,
      amountDueRaw: amount(input.amountDue, currency, 'invoice.amountDue') ?? totalRaw - amountPaidRaw,
      taxTotalRaw: amount(input.taxTotal, currency, 'invoice.taxTotal') ?? base.taxTotalRaw,
      modifiedAt: input.modifiedAt ?? now,
    };
    state.invoices.put(invoice.id, invoice);
    return { invoice, created: !existing };
  });
}

function newInvoice(state: WaveState, input: InvoiceInput, now: string, currency: CurrencyInfo): InvoiceRecord {
  const { uuid } = state.business;
  const n = state.take('nextInvoiceN');
  const invoiceDate = input.invoiceDate ?? state.today();
  const firstCustomer = state.customers.list()[0];
  return {
    id: input.id ?? resourceGlobalId(uuid, 'Invoice', n),
    invoiceNumber: input.invoiceNumber ?? String(state.take('nextInvoiceNumber')),
    status: 'SAVED',
    title: 'Invoice',
    invoiceDate,
    dueDate: new Date(Date.parse(invoiceDate) + 30 * DAY_MS).toISOString().slice(0, 10),
    createdAt: now,
    modifiedAt: now,
    ...invoiceUrls(uuid, n),
    currencyCode: currency.code,
    totalRaw: 0,
    amountPaidRaw: 0,
    amountDueRaw: 0,
    taxTotalRaw: 0,
    customerId: firstCustomer?.id ?? '',
    memo: null,
    lastSentAt: null,
    lastViewedAt: null,
  };
}

/** Creates a customer or merges the given fields into the one with that id. */
export function upsertCustomer(state: WaveState, rawInput: unknown): { customer: CustomerRecord; created: boolean } {
  const input = parseInput(customerInputSchema, rawInput, 'customer');
  return state.transaction(() => {
    const existing = input.id === undefined ? undefined : state.customers.get(input.id);
    const now = state.nowIso();
    const base: CustomerRecord = existing ?? newCustomer(state, input.id, now);
    const customer: CustomerRecord = {
      ...base,
      ...definedFields(input, ['name', 'email', 'firstName', 'lastName', 'displayId', 'phone', 'createdAt']),
      modifiedAt: input.modifiedAt ?? now,
    };
    state.customers.put(customer.id, customer);
    return { customer, created: !existing };
  });
}

function newCustomer(state: WaveState, id: string | undefined, now: string): CustomerRecord {
  const n = state.take('nextCustomerN');
  return {
    id: id ?? resourceGlobalId(state.business.uuid, 'Customer', n),
    name: `Customer ${n}`,
    email: null,
    firstName: null,
    lastName: null,
    displayId: null,
    phone: null,
    createdAt: now,
    modifiedAt: now,
  };
}

/** Records a payment: raises the invoice's amountPaid and moves its status to PARTIAL, PAID or OVERPAID. */
export function recordPayment(state: WaveState, rawInput: unknown): { payment: PaymentRecord; invoice: InvoiceRecord } {
  const input = parseInput(paymentInputSchema, rawInput, '');
  return state.transaction(() => {
    const invoice = state.invoices.get(input.invoiceId);
    if (!invoice) throw new SandboxInputError(`invoiceId: invoice ${input.invoiceId} does not exist`);
    const currency = invoiceCurrency({ amount: input.amount }, invoice.currencyCode);
    if (currency.code !== invoice.currencyCode)
      throw new SandboxInputError(`amount: the invoice is in ${invoice.currencyCode}`);
    const amountRaw = toMinor(input.amount, currency, 'amount');
    if (amountRaw <= 0) throw new SandboxInputError('amount: must be more than zero');

    const now = state.nowIso();
    const payment: PaymentRecord = {
      id: resourceGlobalId(state.business.uuid, 'Payment', state.take('nextPaymentN')),
      invoiceId: invoice.id,
      amountRaw,
      currencyCode: currency.code,
      paymentDate: input.paymentDate ?? state.today(),
      paymentMethod: input.paymentMethod ?? 'BANK_TRANSFER',
      createdAt: now,
    };
    const amountPaidRaw = invoice.amountPaidRaw + amountRaw;
    const updated: InvoiceRecord = {
      ...invoice,
      amountPaidRaw,
      amountDueRaw: invoice.totalRaw - amountPaidRaw,
      status: amountPaidRaw > invoice.totalRaw ? 'OVERPAID' : amountPaidRaw === invoice.totalRaw ? 'PAID' : 'PARTIAL',
      modifiedAt: now,
    };
    state.payments.put(payment.id, payment);
    state.invoices.put(updated.id, updated);
    return { payment, invoice: updated };
  });
}

/** The one currency of all amounts in the input, else the fallback. */
function invoiceCurrency(amounts: Record<string, MoneyInput | undefined>, fallbackCode: string): CurrencyInfo {
  const codes = new Set(
    Object.values(amounts)
      .map(currencyCodeOf)
      .filter((code): code is string => code !== undefined),
  );
  if (codes.size > 1) throw new SandboxInputError('amounts: all amounts of an invoice must be in one currency');
  const code = [...codes][0] ?? fallbackCode;
  const currency = currencyInfo(code);
  if (!currency) throw new SandboxInputError(`currency.code: ${code} is not one of ${SUPPORTED_CURRENCIES.join(', ')}`);
  return currency;
}

function amount(input: MoneyInput | undefined, currency: CurrencyInfo, where: string): number | undefined {
  return input === undefined ? undefined : toMinor(input, currency, where);
}

function definedFields<T extends object, K extends keyof T>(input: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (input[key] !== undefined) out[key] = input[key];
  return out;
}
