import * as z from '../../shared/zod';
import { MAX_ID_LENGTH } from './constants';
import type { Money, WaveCustomer, WaveInvoice, WavePayment } from './types';

/** Zod schemas for Wave resources as the webhook carries them. Strings are kept as sent (no trimming). */

/** Ids are bounded: one that long is no Wave id, and it could not key a storage record. */
export const idSchema = z
  .string()
  .check(
    z.minLength(1, 'must be a non-empty string'),
    z.maxLength(MAX_ID_LENGTH, `must have at most ${MAX_ID_LENGTH} characters`),
  );
const nonEmpty = z.string().check(z.minLength(1, 'must be a non-empty string'));
const dateTime = z.iso.datetime({
  offset: true,
  error: 'must be an ISO-8601 date-time with a zone, e.g. 2026-01-17T12:34:00Z',
});
const date = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
const optionalText = z.optional(z.nullable(z.string()));
const optionalNullable = <T extends z.core.SomeType>(schema: T) => z.optional(z.nullable(schema));

export const moneySchema: z.ZodMiniType<Money> = z.object({
  value: z.string().check(z.regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string like "1250.00"')),
  raw: z.int('must be an integer amount in minor units').check(z.refine(Number.isSafeInteger, 'is too large')),
  currency: z.object(
    {
      code: z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO-4217 code like "USD"')),
      symbol: z.optional(z.string()),
    },
    { error: 'must be an object {code, symbol}' },
  ),
});

/** Wave reports no negative totals or payments: such a figure is a sender's mistake. */
const nonNegativeMoneySchema = moneySchema.check(
  z.refine(
    (money: Money) => !money.value.trim().startsWith('-') && money.raw >= 0,
    'must not be negative (Wave reports no negative totals or payments)',
  ),
);

const customerRefSchema = z.object({
  id: idSchema,
  name: z.optional(z.string()),
  email: optionalText,
  displayId: optionalText,
});

export const invoiceSchema: z.ZodMiniType<WaveInvoice> = z.object({
  id: idSchema,
  invoiceNumber: z.string(),
  // Any string: Wave adds statuses (OVERPAID came later).
  status: nonEmpty,
  title: optionalText,
  invoiceDate: optionalNullable(date),
  dueDate: optionalNullable(date),
  createdAt: optionalNullable(dateTime),
  modifiedAt: dateTime,
  viewUrl: optionalText,
  pdfUrl: optionalText,
  total: nonNegativeMoneySchema,
  amountDue: optionalNullable(moneySchema),
  amountPaid: nonNegativeMoneySchema,
  taxTotal: optionalNullable(moneySchema),
  customer: optionalNullable(customerRefSchema),
  lastSentAt: optionalNullable(dateTime),
  lastViewedAt: optionalNullable(dateTime),
  memo: optionalText,
  poNumber: optionalText,
  subhead: optionalText,
  items: optionalNullable(
    z
      .array(z.object({ description: optionalText, quantity: optionalText, unitPrice: optionalText }))
      .check(z.maxLength(1_000, 'must have at most 1000 items')),
  ),
});

export const customerSchema: z.ZodMiniType<WaveCustomer> = z.object({
  id: idSchema,
  name: z.string(),
  email: optionalText,
  firstName: optionalText,
  lastName: optionalText,
  displayId: optionalText,
  createdAt: optionalNullable(dateTime),
  modifiedAt: dateTime,
});

export const paymentSchema: z.ZodMiniType<WavePayment> = z.object({
  id: idSchema,
  invoiceId: idSchema,
  amount: moneySchema,
  paymentDate: z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: 'must be a date YYYY-MM-DD or an ISO-8601 date-time',
  }),
  paymentMethod: optionalText,
});
