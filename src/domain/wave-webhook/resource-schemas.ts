import { z } from 'zod';
import { MAX_ID_LENGTH } from './constants';
import type { Money, WaveCustomer, WaveInvoice, WavePayment } from './types';

/** Zod schemas for Wave resources as the webhook carries them. Strings are kept as sent (no trimming). */

/** Ids are bounded: one that long is no Wave id, and it could not key a storage record. */
export const idSchema = z
  .string()
  .min(1, 'must be a non-empty string')
  .max(MAX_ID_LENGTH, `must have at most ${MAX_ID_LENGTH} characters`);
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

/** Wave reports no negative totals or payments: such a figure is a sender's mistake. */
const nonNegativeMoneySchema = moneySchema.refine(
  (money) => !money.value.trim().startsWith('-') && money.raw >= 0,
  'must not be negative (Wave reports no negative totals or payments)',
);

const customerRefSchema = z.object({
  id: idSchema,
  name: z.string().optional(),
  email: optionalText,
  displayId: optionalText,
});

export const invoiceSchema: z.ZodType<WaveInvoice> = z.object({
  id: idSchema,
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
  total: nonNegativeMoneySchema,
  amountDue: moneySchema.nullable().optional(),
  amountPaid: nonNegativeMoneySchema,
  taxTotal: moneySchema.nullable().optional(),
  customer: customerRefSchema.nullable().optional(),
  lastSentAt: dateTime.nullable().optional(),
  lastViewedAt: dateTime.nullable().optional(),
  memo: optionalText,
  poNumber: optionalText,
  subhead: optionalText,
  items: z
    .array(z.object({ description: optionalText, quantity: optionalText, unitPrice: optionalText }))
    .max(1_000, 'must have at most 1000 items')
    .nullable()
    .optional(),
});

export const customerSchema: z.ZodType<WaveCustomer> = z.object({
  id: idSchema,
  name: z.string(),
  email: optionalText,
  firstName: optionalText,
  lastName: optionalText,
  displayId: optionalText,
  createdAt: dateTime.nullable().optional(),
  modifiedAt: dateTime,
});

export const paymentSchema: z.ZodType<WavePayment> = z.object({
  id: idSchema,
  invoiceId: idSchema,
  amount: moneySchema,
  paymentDate: z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: 'must be a date YYYY-MM-DD or an ISO-8601 date-time',
  }),
  paymentMethod: optionalText,
});
