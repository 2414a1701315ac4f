import type { WaveCustomer, WaveInvoice, WavePayment } from '../../src/domain/wave-webhook';
import { currencyInfo, money, type CurrencyInfo } from './money';
import { INVOICE_FIELDS_AS_GIVEN, type CustomerRecord, type InvoiceRecord, type PaymentRecord } from './records';
import type { WaveState } from './state';

/** Wave's shapes (as webhooks and /_sandbox answers carry them) built from the stored records. */

export function currencyOf(code: string): CurrencyInfo {
  const currency = currencyInfo(code);
  if (!currency) throw new Error(`unsupported currency ${code}`);
  return currency;
}

function pick<T, K extends keyof T>(record: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, record[key]])) as Pick<T, K>;
}

export function invoiceView(state: WaveState, invoice: InvoiceRecord): WaveInvoice {
  const currency = currencyOf(invoice.currencyCode);
  const customer = state.customers.get(invoice.customerId);
  return {
    ...pick(invoice, INVOICE_FIELDS_AS_GIVEN),
    total: money(invoice.totalRaw, currency),
    amountDue: money(invoice.amountDueRaw, currency),
    amountPaid: money(invoice.amountPaidRaw, currency),
    taxTotal: money(invoice.taxTotalRaw, currency),
    customer: customer
      ? { id: customer.id, name: customer.name, email: customer.email, displayId: customer.displayId }
      : { id: invoice.customerId },
  };
}

export function customerView(customer: CustomerRecord): WaveCustomer {
  return {
    id: customer.id,
    name: customer.name,
    email: customer.email,
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayId: customer.displayId,
    createdAt: customer.createdAt,
    modifiedAt: customer.modifiedAt,
  };
}

export function paymentView(payment: PaymentRecord): WavePayment {
  return {
    id: payment.id,
    invoiceId: payment.invoiceId,
    amount: money(payment.amountRaw, currencyOf(payment.currencyCode)),
    paymentDate: payment.paymentDate,
    paymentMethod: payment.paymentMethod,
  };
}
