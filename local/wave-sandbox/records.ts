/** What the sandbox stores (amounts in minor units; the views turn them into Wave's shapes). */

export interface BusinessRecord {
  id: string;
  uuid: string;
  name: string;
  currencyCode: string;
  timezone: string;
  createdAt: string;
  modifiedAt: string;
  user: { id: string; defaultEmail: string; firstName: string; lastName: string };
}

export interface CustomerRecord {
  id: string;
  name: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  displayId: string | null;
  phone: string | null;
  createdAt: string;
  modifiedAt: string;
}

export interface InvoiceRecord {
  id: string;
  invoiceNumber: string;
  status: string;
  title: string;
  invoiceDate: string;
  dueDate: string;
  createdAt: string;
  modifiedAt: string;
  viewUrl: string;
  pdfUrl: string;
  currencyCode: string;
  totalRaw: number;
  amountPaidRaw: number;
  amountDueRaw: number;
  taxTotalRaw: number;
  customerId: string;
  memo: string | null;
  lastSentAt: string | null;
  lastViewedAt: string | null;
}

export interface PaymentRecord {
  id: string;
  invoiceId: string;
  amountRaw: number;
  currencyCode: string;
  paymentDate: string;
  paymentMethod: string | null;
  createdAt: string;
}

/** Counters for ids and invoice numbers; one document so they survive restarts. */
export interface Counters {
  nextInvoiceN: number;
  nextInvoiceNumber: number;
  nextCustomerN: number;
  nextPaymentN: number;
}
