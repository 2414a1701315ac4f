/** The worklog invariant under many delivery orders: total logged ends equal to Wave's amountPaid, never above it. */

import { ledgerBalance } from '../../../src/domain/sync/payments-ledger';
import type { WaveInvoice, WavePayment } from '../../../src/domain/wave-webhook/types';
import { invoiceAt, payment } from './support/fixtures';
import { InvoiceHarness } from './support/invoice-harness';

const TOTAL = 125000;

/** Deterministic PRNG (mulberry32), so a failing seed can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `fetched`: the invoice the use case may pass along; `current`: what it fetches when there is no link yet. */
type Delivery =
  | { kind: 'state'; invoice: WaveInvoice }
  | { kind: 'payment'; payment: WavePayment; fetched: WaveInvoice | null; current: WaveInvoice };

function scenario(seed: number): { deliveries: Delivery[]; finalPaid: number } {
  const rnd = random(seed);
  const count = 1 + Math.floor(rnd() * 4);
  const amounts: number[] = [];
  let left = TOTAL;
  for (let i = 0; i < count; i += 1) {
    const amount = i === count - 1 && rnd() < 0.5 ? left : 1 + Math.floor(rnd() * Math.max(left / 2, 1));
    if (amount <= 0 || left - amount < 0) break;
    amounts.push(amount);
    left -= amount;
  }
  const snapshots: WaveInvoice[] = [invoiceAt(0, 'SENT', 0)];
  let paid = 0;
  amounts.forEach((amount, i) => {
    paid += amount;
    snapshots.push(invoiceAt(i + 1, paid === TOTAL ? 'PAID' : 'PARTIAL', paid));
  });
  const finalSnapshot = snapshots[snapshots.length - 1] as WaveInvoice;
  const pick = (from: number): WaveInvoice =>
    snapshots[from + Math.floor(rnd() * (snapshots.length - from))] as WaveInvoice;

  const deliveries: Delivery[] = [];
  snapshots.forEach((invoice, i) => {
    if (i === snapshots.length - 1 || rnd() < 0.7) deliveries.push({ kind: 'state', invoice });
    if (rnd() < 0.2) deliveries.push({ kind: 'state', invoice }); // redelivered
  });
  amounts.forEach((amount, i) => {
    if (rnd() < 0.1) return; // Wave never sent this payment event
    const event = payment(`p${i + 1}`, amount, { paymentDate: `2026-01-1${i + 1}` });
    // The use case fetches the invoice for a payment; Wave answers with a state at least as new as the payment.
    const fetched = rnd() < 0.5 ? pick(i + 1) : null;
    deliveries.push({ kind: 'payment', payment: event, fetched, current: pick(i + 1) });
    if (rnd() < 0.2) deliveries.push({ kind: 'payment', payment: event, fetched: null, current: finalSnapshot });
  });
  for (let i = deliveries.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rnd() * (i + 1));
    [deliveries[i], deliveries[j]] = [deliveries[j] as Delivery, deliveries[i] as Delivery];
  }
  return { deliveries, finalPaid: paid };
}

describe('payments → worklogs under any delivery order', () => {
  it.each(Array.from({ length: 300 }, (_, seed) => seed))('seed %i', (seed) => {
    const { deliveries, finalPaid } = scenario(seed);
    const h = new InvoiceHarness();
    for (const delivery of deliveries) {
      if (delivery.kind === 'state') h.state(delivery.invoice);
      else h.payment(delivery.payment, h.store.link ? (delivery.fetched ?? undefined) : delivery.current);
      const balance = ledgerBalance(h.link.ledger);
      expect(balance.creditedMinor).toBe(balance.expectedMinor);
      expect(h.logged()).toBe(h.link.ledger.loggedMinor);
      expect(h.logged()).toBeLessThanOrEqual(finalPaid);
    }
    expect(h.logged()).toBe(finalPaid);
    const keys = h.issue.worklogs.map((worklog) => worklog.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
