/**
 * The payments the app recorded on an invoice issue, read back from Jira: a worklog per payment carrying the
 * worklog property `wave-payment` (`{amountMinor, currency}`) and the sentence "Payment received: USD 500.00,
 * invoice 1042, bank transfer"; where Jira refused worklogs (time tracking off, a closed issue), a comment with
 * that sentence. Only entries an app wrote count: a person's worklog or comment saying the same is not a payment.
 */

import type { PaymentView } from '../../shared/billing-views';
import { adfPlainText, currencyExponent, decimalToMinor } from '../sync';
import { dateOfJiraTimestamp } from './calendar';

/** A worklog or comment of the issue, as Jira lists it. */
export interface IssueEntry {
  source: 'worklog' | 'comment';
  /** The author is an app (Jira's `accountType: 'app'`). */
  byApp: boolean;
  /** Jira's timestamp: a worklog's `started`, a comment's `created`. */
  at: string;
  /** ADF (Jira's comment format). */
  comment: unknown;
  /** The worklog's `wave-payment` property, when it has one. */
  paymentProperty?: unknown;
}

/** `date`: the entry's day as Jira shows its time. */
export type Payment = PaymentView;

const SENTENCE = /^Payment received: ([A-Z]{3}) (-?[\d,]+(?:\.\d+)?), invoice (.*)$/;

/** The parts of the sentence the sync writes (`paymentSentence`), or null when the text is not one. */
export function parsePaymentSentence(text: string): { currency: string; amountMinor: number; rest: string } | null {
  const match = SENTENCE.exec(text.trim());
  if (!match) return null;
  const [, currency = '', amount = '', rest = ''] = match;
  const amountMinor = decimalToMinor(amount.replace(/,/g, ''), currencyExponent(currency));
  return amountMinor === null ? null : { currency, amountMinor, rest };
}

/** What follows "invoice <number>, " in the sentence: the payment method, if any. */
function methodOf(rest: string, invoiceNumber: string | undefined): string | null {
  const afterNumber =
    invoiceNumber !== undefined && rest.startsWith(invoiceNumber)
      ? rest.slice(invoiceNumber.length)
      : rest.slice(Math.max(0, rest.indexOf(',')));
  const method = afterNumber.replace(/^,\s*/, '').trim();
  return afterNumber.startsWith(',') && method !== '' ? method : null;
}

function propertyAmount(property: unknown): { amountMinor: number; currency: string } | null {
  if (typeof property !== 'object' || property === null) return null;
  const { amountMinor, currency } = property as { amountMinor?: unknown; currency?: unknown };
  return Number.isSafeInteger(amountMinor) && typeof currency === 'string' && /^[A-Z]{3}$/.test(currency)
    ? { amountMinor: amountMinor as number, currency }
    : null;
}

/** The payment an entry records, or null. The worklog property's amount wins over the sentence's. */
export function paymentOf(entry: IssueEntry, invoiceNumber?: string): Payment | null {
  if (!entry.byApp) return null;
  const date = dateOfJiraTimestamp(entry.at);
  const sentence = parsePaymentSentence(adfPlainText(entry.comment).split('\n')[0] ?? '');
  const amount = (entry.source === 'worklog' ? propertyAmount(entry.paymentProperty) : null) ?? sentence;
  if (date === null || amount === null) return null;
  return {
    date,
    amountMinor: amount.amountMinor,
    currency: amount.currency,
    method: sentence ? methodOf(sentence.rest, invoiceNumber) : null,
    source: entry.source,
  };
}

/** The payments among an issue's entries, oldest first. */
export function paymentsOf(entries: readonly IssueEntry[], invoiceNumber?: string): Payment[] {
  return entries
    .map((entry) => paymentOf(entry, invoiceNumber))
    .filter((payment): payment is Payment => payment !== null)
    .sort((a, b) => a.date.localeCompare(b.date));
}
