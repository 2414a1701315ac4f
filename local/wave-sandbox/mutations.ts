import { resourceGlobalId } from './ids';
import { customerInputSchema, paymentInputSchema } from './input-schemas';
import type { CustomerRecord, InvoiceRecord, PaymentRecord } from './records';
import { definedFields, invoiceCurrency, parseInput, SandboxInputError, toMinor } from './sandbox-input';
import type { WaveState } from './state';

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
  const n = state.takeNumericId('nextCustomerN');
  return {
    id: id ?? resourceGlobalId(state.business.uuid, 'Customer', n),
    name: `Customer ${n.slice(-5)}`,
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
      id: resourceGlobalId(state.business.uuid, 'Payment', state.takeNumericId('nextPaymentN')),
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
      status: statusAfterPayment(invoice, amountPaidRaw),
      modifiedAt: now,
    };
    state.payments.put(payment.id, payment);
    state.invoices.put(updated.id, updated);
    return { payment, invoice: updated };
  });
}

/** PAID, OVERPAID, or PARTIAL; an overdue invoice still owing stays OVERDUE. */
function statusAfterPayment(invoice: InvoiceRecord, amountPaidRaw: number): string {
  if (amountPaidRaw > invoice.totalRaw) return 'OVERPAID';
  if (amountPaidRaw === invoice.totalRaw) return 'PAID';
  return invoice.status === 'OVERDUE' ? 'OVERDUE' : 'PARTIAL';
}
