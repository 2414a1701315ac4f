import { z } from 'zod';
import type { Money, WaveCustomer, WaveInvoice, WavePayment } from './types';

/** Zod schemas for Wave resources as the webhook carries them. Strings are kept as sent (no trimming). */

const nonEmpty = z.string().min(1, 'must be a non-empty string');
const dateTime = z.iso.datetime({
  offset: true,
  error: 'must be an ISO-8601 date-time with a zone, e.g. 2026-01-17T12:34:00Z',
});
const date = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
const optionalText = z.string().nullable().optional();

export const moneySchema: z.ZodType<Money> = z.object({
  value: z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string like "1250.00"'),
  raw: z.number().int('must be an integer amount in minor units').refine(Number.isSafeInteger, 'is too large'),
  currency: z.object(
    {
      code: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO-4217 code like "USD"'),
      symbol: z.string().optional(),
    },
    { error: 'must be an object {code, symbol}' },
  ),
});

const customerRefSchema = z.object({
  id: nonEmpty,
  name: z.string().optional(),
  email: optionalText,
  displayId: optionalText,
});

export const invoiceSchema: z.ZodType<WaveInvoice> = z.object({
  id: nonEmpty,
  invoiceNumber: z.string(),
  // Any string: Wave adds statuses (OVERPAID came later).
  status: nonEmpty,
  title: optionalText,
  invoiceDate: date.nullable().optional(),
  dueDate: date.nullable().optional(),
  createdAt: dateTime.nullable().optional(),
  modifiedAt: dateTime,
  viewUrl: optionalText,
  pdfUrl: optionalText,
  total: moneySchema,
  amountDue: moneySchema.nullable().optional(),
  amountPaid: moneySchema,
  taxTotal: moneySchema.nullable().optional(),
  customer: customerRefSchema.nullable().optional(),
  lastSentAt: dateTime.nullable().optional(),
  lastViewedAt: dateTime.nullable().optional(),
});

export const customerSchema: z.ZodType<WaveCustomer> = z.object({
  id: nonEmpty,
  name: z.string(),
  email: optionalText,
  firstName: optionalText,
  lastName: optionalText,
  displayId: optionalText,
  createdAt: dateTime.nullable().optional(),
  modifiedAt: dateTime,
});

export const paymentSchema: z.ZodType<WavePayment> = z.object({
  id: nonEmpty,
  invoiceId: nonEmpty,
  amount: moneySchema,
  paymentDate: z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: 'must be a date YYYY-MM-DD or an ISO-8601 date-time',
  }),
  paymentMethod: optionalText,
});
