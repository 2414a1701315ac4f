/** New money on an invoice → one worklog step (or a skipped credit when worklogs are off). */

import { adfSentence } from './adf';
import { formatMoney } from './money';
import { singleLine } from './text';
import {
  DEFAULT_WORKLOG_SECONDS,
  MIN_WORKLOG_SECONDS,
  type AddWorklogStep,
  type PaymentLedger,
  type WorklogSettings,
} from './types';

export interface CreditDetails {
  /** Already in Jira's format (`toJiraDateTime`). */
  started: string;
  invoiceNumber: string;
  paymentMethod?: string | null;
}

export function creditNewMoney(
  ledger: PaymentLedger,
  amountMinor: number,
  details: CreditDetails,
  settings: WorklogSettings,
): { ledger: PaymentLedger; worklog: AddWorklogStep | null } {
  if (amountMinor <= 0) return { ledger, worklog: null };
  if (!settings.enabled)
    return { ledger: { ...ledger, skippedMinor: ledger.skippedMinor + amountMinor }, worklog: null };
  const seq = ledger.seq + 1;
  return {
    ledger: { ...ledger, seq, loggedMinor: ledger.loggedMinor + amountMinor },
    worklog: {
      kind: 'add-worklog',
      key: `wave-payment-${seq}`,
      started: details.started,
      timeSpentSeconds: worklogSeconds(settings.timeSpentSeconds),
      comment: adfSentence(paymentSentence(amountMinor, ledger.currency, details)),
      amountMinor,
      currency: ledger.currency,
    },
  };
}

/** "Payment received: USD 500.00, invoice 1042, bank transfer". */
export function paymentSentence(
  amountMinor: number,
  currency: string,
  details: Omit<CreditDetails, 'started'>,
): string {
  const parts = [
    `Payment received: ${formatMoney(amountMinor, currency)}`,
    `invoice ${singleLine(details.invoiceNumber)}`,
  ];
  const method = humanPaymentMethod(details.paymentMethod);
  if (method !== '') parts.push(method);
  return parts.join(', ');
}

/** Whole seconds, at least Jira's minimum of 60. */
export function worklogSeconds(configured: number): number {
  if (!Number.isFinite(configured)) return DEFAULT_WORKLOG_SECONDS;
  return Math.max(MIN_WORKLOG_SECONDS, Math.round(configured));
}

/** "BANK_TRANSFER" → "bank transfer"; free text stays as written. */
function humanPaymentMethod(method: string | null | undefined): string {
  const text = singleLine(method);
  return /^[A-Z][A-Z0-9_]*$/.test(text) ? text.toLowerCase().replace(/_/g, ' ') : text;
}
