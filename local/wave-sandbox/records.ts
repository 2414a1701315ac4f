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
  /** Absent on invoices stored before these fields existed: read them with `?? null`. */
  poNumber?: string | null;
  subhead?: string | null;
  /** Line items as given; null: one line made from the title and totals. */
  items?: InvoiceItemRecord[] | null;
  lastSentAt: string | null;
  lastViewedAt: string | null;
}

/** The invoice's fields kept as given and shown as kept (amounts, currency, customer and items are stored otherwise). */
export const INVOICE_FIELDS_AS_GIVEN = [
  'id',
  'invoiceNumber',
  'status',
  'title',
  'invoiceDate',
  'dueDate',
  'createdAt',
  'modifiedAt',
  'viewUrl',
  'pdfUrl',
  'lastSentAt',
  'lastViewedAt',
] as const satisfies readonly (keyof InvoiceRecord)[];

/** One line of an invoice: quantity as a decimal string, amounts in minor units of the invoice's currency. */
export interface InvoiceItemRecord {
  description: string | null;
  quantity: string;
  unitPriceRaw: number;
  subtotalRaw: number;
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
  /** Numeric ids (19 digits, as strings; a data directory from before keeps its numbers). */
  nextInvoiceN: string | number;
  nextCustomerN: string | number;
  nextPaymentN: string | number;
  /** Absent in data directories from before estimate events: starts at the seed's value. */
  nextEstimateN?: string;
  nextInvoiceNumber: number;
}

/** What a Wave business has that decides whether Wave sends webhooks at all (`/_sandbox/settings`). */
export interface SandboxSettings {
  /** `starter`: no webhooks and no OAuth consent (OAuth is for Pro and Wave Advisor businesses). */
  plan: 'pro' | 'starter';
  /** False: no webhook was ever registered for the app in Wave's developer portal. */
  webhooks: boolean;
}
