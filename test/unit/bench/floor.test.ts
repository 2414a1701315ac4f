import { floorWrites, type FloorEvent } from '../../../bench/floor';
import type { BenchWorkflow } from '../../../bench/jira-workflow';
import type { WaveInvoice } from '../../../src/domain/wave-webhook';

// To Do → In Progress → Done, one hop each way; SENT/VIEWED/PARTIAL in progress, PAID done.
const ORDER = ['todo', 'progress', 'done'];
const WORKFLOW: BenchWorkflow = {
  statuses: [],
  initialStatusId: 'todo',
  targetFor: (waveStatus, current) => {
    const target =
      waveStatus === 'PAID' ? 'done' : ['SENT', 'VIEWED', 'PARTIAL'].includes(waveStatus) ? 'progress' : null;
    return target === current ? null : target;
  },
  hops: (from, to) => Math.abs(ORDER.indexOf(from) - ORDER.indexOf(to)),
};

const usd = (raw: number) => ({ value: (raw / 100).toFixed(2), raw, currency: { code: 'USD' } });

function invoice(id: string, status: string, minute: number, paid = 0, customerId = 'c1'): WaveInvoice {
  return {
    id,
    invoiceNumber: id,
    status,
    dueDate: '2026-12-31',
    modifiedAt: new Date(Date.UTC(2026, 11, 1, 0, minute)).toISOString(),
    total: usd(10_000),
    amountDue: usd(10_000 - paid),
    amountPaid: usd(paid),
    customer: { id: customerId, name: customerId },
  };
}

let ids = 0;
const event = (state: WaveInvoice, paymentMinor?: number): FloorEvent => ({
  eventId: `e${(ids += 1)}`,
  invoiceId: state.id,
  invoice: state,
  ...(paymentMinor === undefined ? {} : { paymentMinor }),
});

describe('the floor: Jira writes the product requires', () => {
  it('creates an invoice with its fields, its link and its customer account issue', () => {
    expect(floorWrites([event(invoice('i1', 'SAVED', 1))], WORKFLOW, { accountTotals: false })).toEqual({
      create: 2,
      fields: 2,
      edit: 0,
      transition: 0,
      worklog: 0,
      link: 1,
    });
  });

  it('writes fields and an edit per newer state, the fewest transitions, one worklog per payment', () => {
    const events = [
      event(invoice('i1', 'SAVED', 1)),
      event(invoice('i1', 'SENT', 2)),
      event(invoice('i1', 'PAID', 3, 10_000), 10_000),
    ];
    expect(floorWrites(events, WORKFLOW, { accountTotals: false })).toEqual({
      create: 2,
      fields: 4,
      edit: 2,
      transition: 2,
      worklog: 1,
      link: 1,
    });
  });

  it('writes nothing for a repeated event, a stale state or a state with the same figures', () => {
    const sent = event(invoice('i1', 'SENT', 2));
    const once = floorWrites([event(invoice('i1', 'SAVED', 1)), sent], WORKFLOW, { accountTotals: false });
    const noisy = floorWrites(
      [event(invoice('i1', 'SAVED', 1)), sent, sent, event(invoice('i1', 'SAVED', 0)), event(invoice('i1', 'SENT', 3))],
      WORKFLOW,
      { accountTotals: false },
    );
    expect(noisy).toEqual(once);
  });

  it('follows what the customer owes on its account issue only when told the totals', () => {
    const events = [
      event(invoice('i1', 'SAVED', 1)),
      event(invoice('i2', 'SENT', 2)),
      event(invoice('i2', 'PAID', 3, 10_000)),
    ];
    const without = floorWrites(events, WORKFLOW, { accountTotals: false });
    const withTotals = floorWrites(events, WORKFLOW, { accountTotals: true });
    // i2's creation and its payment change what c1 owes: one field write and one edit each.
    expect(withTotals.fields - without.fields).toBe(2);
    expect(withTotals.edit - without.edit).toBe(2);
    // The payment is logged from the invoice's amountPaid when no payment event came.
    expect(without.worklog).toBe(1);
  });
});
