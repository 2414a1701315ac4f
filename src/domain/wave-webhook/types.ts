/** Wave's data as the webhook contract carries it (Wave GraphQL field names). */

export interface Currency {
  code: string;
  symbol?: string;
}

/** Wave's Money: `value` is a decimal string ("1250.00"), `raw` the amount in minor units. */
export interface Money {
  value: string;
  raw: number;
  currency: Currency;
}

export interface WaveCustomerRef {
  id: string;
  name?: string;
  email?: string | null;
  displayId?: string | null;
}

/** Known statuses; Wave adds new ones (OVERPAID came later), so any string is accepted. */
export const KNOWN_INVOICE_STATUSES = [
  'DRAFT',
  'SAVED',
  'SENT',
  'VIEWED',
  'PARTIAL',
  'PAID',
  'OVERPAID',
  'OVERDUE',
  'UNPAID',
] as const;
export type KnownInvoiceStatus = (typeof KNOWN_INVOICE_STATUSES)[number];
export type InvoiceStatus = KnownInvoiceStatus | (string & {});

export interface WaveInvoice {
  id: string;
  invoiceNumber: string;
  status: InvoiceStatus;
  title?: string | null;
  invoiceDate?: string | null;
  dueDate?: string | null;
  createdAt?: string | null;
  modifiedAt: string;
  viewUrl?: string | null;
  pdfUrl?: string | null;
  total: Money;
  amountDue?: Money | null;
  amountPaid: Money;
  taxTotal?: Money | null;
  customer?: WaveCustomerRef | null;
  lastSentAt?: string | null;
  lastViewedAt?: string | null;
  /** Free texts where people write what the invoice bills for (issue keys among them). */
  memo?: string | null;
  poNumber?: string | null;
  subhead?: string | null;
  items?: WaveInvoiceItem[] | null;
}

export interface WaveInvoiceItem {
  description?: string | null;
  quantity?: string | null;
  unitPrice?: string | null;
}

export interface WaveCustomer {
  id: string;
  name: string;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  displayId?: string | null;
  createdAt?: string | null;
  modifiedAt: string;
  /** What the customer owes on its invoices, and of that what is past due (as Wave's API reports them). */
  outstandingAmount?: Money | null;
  overdueAmount?: Money | null;
}

export interface WavePayment {
  id: string;
  invoiceId: string;
  amount: Money;
  paymentDate: string;
  paymentMethod?: string | null;
}

export const INVOICE_EVENT_TYPES = [
  'invoice.created',
  'invoice.updated',
  'invoice.approved',
  'invoice.sent',
  'invoice.viewed',
  'invoice.paid',
  'invoice.partially_paid',
  'invoice.overpaid',
  'invoice.overdue',
  'invoice.deleted',
] as const;

/** Event types that report money arriving: they apply the invoice's current state, worklog included. */
export const INVOICE_PAYMENT_EVENT_TYPES = ['invoice.paid', 'invoice.partially_paid', 'invoice.overpaid'] as const;
export const CUSTOMER_EVENT_TYPES = ['customer.created', 'customer.updated'] as const;
export const PAYMENT_EVENT_TYPES = ['payment.received'] as const;

export type InvoiceEventType = (typeof INVOICE_EVENT_TYPES)[number];
export type CustomerEventType = (typeof CUSTOMER_EVENT_TYPES)[number];
export type PaymentEventType = (typeof PAYMENT_EVENT_TYPES)[number];

interface EnvelopeBase {
  /** Wave's event id: the idempotency key. */
  id: string;
  occurredAt: string;
  /** The business's GraphQL global id. */
  businessId?: string;
}

/** `invoice` is either complete or thin (`{id}` only: the app fetches the rest from Wave). */
export type InvoiceEvent = EnvelopeBase & { type: InvoiceEventType; invoice: WaveInvoice | ThinResource };
export type CustomerEvent = EnvelopeBase & { type: CustomerEventType; customer: WaveCustomer | ThinResource };
export type PaymentEvent = EnvelopeBase & { type: PaymentEventType; payment: WavePayment };
export type UnknownEvent = EnvelopeBase & { type: string; unknown: true };

export type WaveEvent = InvoiceEvent | CustomerEvent | PaymentEvent | UnknownEvent;

/** A resource that a thin event names by id only. */
export interface ThinResource {
  id: string;
  thin: true;
}

export function isThinResource(resource: object): resource is ThinResource {
  return (resource as Partial<ThinResource>).thin === true;
}
