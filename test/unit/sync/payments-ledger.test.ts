import {
  emptyLedger,
  ledgerBalance,
  recordAmountPaid,
  recordPaymentEvent,
} from '../../../src/domain/sync/payments-ledger';
import type { PaymentLedger } from '../../../src/domain/sync/types';

interface Step {
  ledger: PaymentLedger;
  newMoney: number | null;
  refund: number;
}

/** Credit what the ledger calls new money, as the planner does with worklogs on. */
function credited(ledger: PaymentLedger, newMoneyMinor: number): PaymentLedger {
  return { ...ledger, loggedMinor: ledger.loggedMinor + newMoneyMinor };
}

function paid(ledger: PaymentLedger, amountPaid: number): Step {
  const move = recordAmountPaid(ledger, amountPaid);
  return { ledger: credited(move.ledger, move.newMoneyMinor), newMoney: move.newMoneyMinor, refund: move.refundMinor };
}

function event(ledger: PaymentLedger, id: string, amount: number): Step {
  const move = recordPaymentEvent(ledger, id, amount);
  return move === null
    ? { ledger, newMoney: null, refund: 0 }
    : { ledger: credited(move.ledger, move.newMoneyMinor), newMoney: move.newMoneyMinor, refund: 0 };
}

function expectBalanced(ledger: PaymentLedger): void {
  const balance = ledgerBalance(ledger);
  expect(balance.creditedMinor).toBe(balance.expectedMinor);
}

describe('payment ledger', () => {
  it('counts a rise of amountPaid as new money', () => {
    const first = paid(emptyLedger('USD'), 50000);
    expect(first.newMoney).toBe(50000);
    expectBalanced(first.ledger);
  });

  it('does not count a payment event again after the invoice update reported it', () => {
    const update = paid(emptyLedger('USD'), 50000);
    const payment = event(update.ledger, 'p1', 50000);
    expect(payment.newMoney).toBe(0);
    expect(payment.ledger.loggedMinor).toBe(50000);
    expectBalanced(payment.ledger);
  });

  it('does not count an invoice update again after the payment event reported it', () => {
    const payment = event(emptyLedger('USD'), 'p1', 50000);
    expect(payment.newMoney).toBe(50000);
    const update = paid(payment.ledger, 50000);
    expect(update.newMoney).toBe(0);
    expect(update.ledger.loggedMinor).toBe(50000);
    expectBalanced(update.ledger);
  });

  it('counts only the part of a rise no payment event has claimed', () => {
    const p1 = event(emptyLedger('USD'), 'p1', 30000);
    const update = paid(p1.ledger, 50000); // p1 (300) + an unseen p2 (200)
    expect(update.newMoney).toBe(20000);
    const p2 = event(update.ledger, 'p2', 20000);
    expect(p2.newMoney).toBe(0);
    expect(p2.ledger.loggedMinor).toBe(50000);
    expectBalanced(p2.ledger);
  });

  it('ignores a payment event it has already counted', () => {
    const p1 = event(emptyLedger('USD'), 'p1', 30000);
    expect(recordPaymentEvent(p1.ledger, 'p1', 30000)).toBeNull();
  });

  it('logs nothing for a refund and counts later payments from the lower amount', () => {
    const full = paid(emptyLedger('USD'), 125000);
    const refunded = paid(full.ledger, 100000);
    expect([refunded.newMoney, refunded.refund]).toEqual([0, 25000]);
    expectBalanced(refunded.ledger);
    const repaid = paid(refunded.ledger, 125000);
    expect(repaid.newMoney).toBe(25000);
    expect(repaid.ledger.loggedMinor - repaid.ledger.refundedMinor).toBe(125000);
    expectBalanced(repaid.ledger);
  });

  it('treats an unchanged amountPaid as nothing new', () => {
    const first = paid(emptyLedger('USD'), 50000);
    const again = paid(first.ledger, 50000);
    expect(again.newMoney).toBe(0);
    expectBalanced(again.ledger);
  });
});
