import { z } from 'zod';
import { KNOWN_INVOICE_STATUSES } from '../../src/domain/wave-webhook';
import { invoiceItemsInput } from './invoice-items';
import { isoDate, isoDateTime, moneyInput } from './sandbox-input';

/** What the /_sandbox endpoints accept for a customer, an invoice and a payment. */

const text = z.string();
const optionalText = z.string().nullable().optional();

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
  poNumber: optionalText,
  subhead: optionalText,
  items: invoiceItemsInput.nullable().optional(),
  lastSentAt: isoDateTime.nullable().optional(),
  lastViewedAt: isoDateTime.nullable().optional(),
});
export type InvoiceInput = z.infer<typeof invoiceInputSchema>;
