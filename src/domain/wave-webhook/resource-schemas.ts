import * as v from 'valibot';
import { object } from '../../shared/validation';
import { MAX_ID_LENGTH } from './constants';
import { ISO_DATE, ISO_DATE_TIME } from './iso-formats';
import type { Money, WaveCustomer, WaveInvoice, WavePayment } from './types';

/** Schemas for Wave resources as the webhook carries them. Strings are kept as sent (no trimming). */

/** Ids are bounded: one that long is no Wave id, and it could not key a storage record. */
export const idSchema = v.pipe(
  v.string(),
  v.minLength(1, 'must be a non-empty string'),
  v.maxLength(MAX_ID_LENGTH, `must have at most ${MAX_ID_LENGTH} characters`),
);
const nonEmpty = v.pipe(v.string(), v.minLength(1, 'must be a non-empty string'));
const DATE_TIME_MESSAGE = 'must be an ISO-8601 date-time with a zone, e.g. 2026-01-17T12:34:00Z';
const dateTime = v.pipe(v.string(DATE_TIME_MESSAGE), v.regex(ISO_DATE_TIME, DATE_TIME_MESSAGE));
const date = v.pipe(v.string('must be a date YYYY-MM-DD'), v.regex(ISO_DATE, 'must be a date YYYY-MM-DD'));
const optionalText = v.nullish(v.string());

const INTEGER_AMOUNT = 'must be an integer amount in minor units';
export const moneySchema: v.GenericSchema<unknown, Money> = object({
  value: v.pipe(v.string(), v.regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string like "1250.00"')),
  raw: v.pipe(v.number(INTEGER_AMOUNT), v.integer(INTEGER_AMOUNT), v.safeInteger('is too large')),
  currency: object(
    {
      code: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'must be an ISO-4217 code like "USD"')),
      symbol: v.optional(v.string()),
    },
    'must be an object {code, symbol}',
  ),
});

/** Wave reports no negative totals or payments: such a figure is a sender's mistake. */
const nonNegativeMoneySchema = v.pipe(
  moneySchema,
  v.check(
    (money: Money) => !money.value.trim().startsWith('-') && money.raw >= 0,
    'must not be negative (Wave reports no negative totals or payments)',
  ),
);

const customerRefSchema = object({
  id: idSchema,
  name: v.optional(v.string()),
  email: optionalText,
  displayId: optionalText,
});

export const invoiceSchema: v.GenericSchema<unknown, WaveInvoice> = object({
  id: idSchema,
  invoiceNumber: v.string(),
  // Any string: Wave adds statuses (OVERPAID came later).
  status: nonEmpty,
  title: optionalText,
  invoiceDate: v.nullish(date),
  dueDate: v.nullish(date),
  createdAt: v.nullish(dateTime),
  modifiedAt: dateTime,
  viewUrl: optionalText,
  pdfUrl: optionalText,
  total: nonNegativeMoneySchema,
  amountDue: v.nullish(moneySchema),
  amountPaid: nonNegativeMoneySchema,
  taxTotal: v.nullish(moneySchema),
  customer: v.nullish(customerRefSchema),
  lastSentAt: v.nullish(dateTime),
  lastViewedAt: v.nullish(dateTime),
  memo: optionalText,
  poNumber: optionalText,
  subhead: optionalText,
  items: v.nullish(
    v.pipe(
      v.array(object({ description: optionalText, quantity: optionalText, unitPrice: optionalText })),
      v.maxLength(1_000, 'must have at most 1000 items'),
    ),
  ),
});

export const customerSchema: v.GenericSchema<unknown, WaveCustomer> = object({
  id: idSchema,
  name: v.string(),
  email: optionalText,
  firstName: optionalText,
  lastName: optionalText,
  displayId: optionalText,
  createdAt: v.nullish(dateTime),
  modifiedAt: dateTime,
});

const PAYMENT_DATE_MESSAGE = 'must be a date YYYY-MM-DD or an ISO-8601 date-time';
export const paymentSchema: v.GenericSchema<unknown, WavePayment> = object({
  id: idSchema,
  invoiceId: idSchema,
  amount: moneySchema,
  paymentDate: v.pipe(
    v.string(PAYMENT_DATE_MESSAGE),
    v.check((text) => ISO_DATE.test(text) || ISO_DATE_TIME.test(text), PAYMENT_DATE_MESSAGE),
  ),
  paymentMethod: optionalText,
});
