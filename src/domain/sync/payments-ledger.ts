/**
 * The payment ledger: how much new money an invoice state or a payment event brings, without counting the
 * same money twice. Wave has no payments list, so a payment shows up twice: as a `payment.received` event
 * and as a rise of the invoice's amountPaid, in either order. Each side first consumes what the other side
 * already credited (`eventsAheadMinor` / `risesAheadMinor`) and only the rest is new money. One of the two
 * is always zero, so (refunds aside) the credited total is max(amountPaid seen, sum of payment events seen):
 * never above Wave's real amountPaid, and equal to it once the state reporting the last payment is applied.
 */

import type { PaymentLedger } from './types';

export function emptyLedger(currency: string): PaymentLedger {
  return {
    currency,
    wavePaidMinor: 0,
    eventsAheadMinor: 0,
    risesAheadMinor: 0,
    paymentIds: [],
    loggedMinor: 0,
    skippedMinor: 0,
    refundedMinor: 0,
    seq: 0,
    pending: [],
  };
}

export interface LedgerMove {
  ledger: PaymentLedger;
  /** Money to credit now (log as a worklog). */
  newMoneyMinor: number;
  /** A decrease of amountPaid (refund): nothing is logged. */
  refundMinor: number;
}

/** Apply the amountPaid of a newer invoice state. */
export function recordAmountPaid(ledger: PaymentLedger, amountPaidMinor: number): LedgerMove {
  const rise = amountPaidMinor - ledger.wavePaidMinor;
  if (rise < 0) {
    const refundMinor = -rise;
    return {
      ledger: {
        ...ledger,
        wavePaidMinor: amountPaidMinor,
        risesAheadMinor: Math.min(ledger.risesAheadMinor, Math.max(amountPaidMinor, 0)),
        refundedMinor: ledger.refundedMinor + refundMinor,
      },
      newMoneyMinor: 0,
      refundMinor,
    };
  }
  const alreadyCredited = Math.min(rise, ledger.eventsAheadMinor);
  const newMoneyMinor = rise - alreadyCredited;
  return {
    ledger: {
      ...ledger,
      wavePaidMinor: amountPaidMinor,
      eventsAheadMinor: ledger.eventsAheadMinor - alreadyCredited,
      risesAheadMinor: ledger.risesAheadMinor + newMoneyMinor,
    },
    newMoneyMinor,
    refundMinor: 0,
  };
}

/** Apply a `payment.received` event; null when this payment was already counted. */
export function recordPaymentEvent(ledger: PaymentLedger, paymentId: string, amountMinor: number): LedgerMove | null {
  if (ledger.paymentIds.includes(paymentId)) return null;
  const alreadyCredited = Math.min(amountMinor, ledger.risesAheadMinor);
  const newMoneyMinor = amountMinor - alreadyCredited;
  return {
    ledger: {
      ...ledger,
      paymentIds: [...ledger.paymentIds, paymentId],
      risesAheadMinor: ledger.risesAheadMinor - alreadyCredited,
      eventsAheadMinor: ledger.eventsAheadMinor + newMoneyMinor,
    },
    newMoneyMinor,
    refundMinor: 0,
  };
}

/** Money credited (logged or skipped) net of refunds, and what Wave says is paid; equal when the ledger is sound. */
export function ledgerBalance(ledger: PaymentLedger): { creditedMinor: number; expectedMinor: number } {
  return {
    creditedMinor: ledger.loggedMinor + ledger.skippedMinor - ledger.refundedMinor,
    expectedMinor: ledger.wavePaidMinor + ledger.eventsAheadMinor,
  };
}
