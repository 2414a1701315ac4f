import {
  agingBucketOf,
  billingInvoiceOf,
  monthOf,
  paymentOf,
  summarizeReceivables,
  type BillingInvoice,
} from '../../../src/domain/billing';

const TODAY = '2026-03-15';
let n = 0;

function invoice(fields: Partial<BillingInvoice>): BillingInvoice {
  n += 1;
  return {
    issue: { id: String(10_000 + n), key: `BILL-${n}` },
    waveId: `wave-${n}`,
    businessId: 'b1',
    invoiceNumber: String(1000 + n),
    status: 'SENT',
    currency: 'USD',
    totalMinor: 10_000,
    paidMinor: 0,
    dueMinor: 10_000,
    dueDate: TODAY,
    customerId: 'c1',
    customerName: 'Acme',
    ...fields,
  };
}

describe('aging buckets', () => {
  it.each([
    [null, 'current'],
    [-3, 'current'],
    [0, 'current'],
    [1, 'days1to30'],
    [30, 'days1to30'],
    [31, 'days31to60'],
    [60, 'days31to60'],
    [61, 'days61to90'],
    [90, 'days61to90'],
    [91, 'over90'],
  ] as const)('%s days past due is %s', (days, bucket) => {
    expect(agingBucketOf(days)).toBe(bucket);
  });
});

describe('the receivables summary', () => {
  it('never adds amounts of different currencies', () => {
    const summary = summarizeReceivables({
      today: TODAY,
      invoices: [
        invoice({ currency: 'USD', dueMinor: 10_000, dueDate: '2026-03-20' }),
        invoice({ currency: 'USD', dueMinor: 5_000, dueDate: '2026-02-01' }),
        invoice({ currency: 'EUR', dueMinor: 7_000, dueDate: '2025-11-01', customerName: 'Beta', customerId: 'c2' }),
        invoice({ currency: 'JPY', dueMinor: 90_000, status: 'DRAFT' }),
        invoice({ currency: 'USD', dueMinor: 0, paidMinor: 10_000, status: 'PAID' }),
      ],
      payments: [
        { date: '2026-03-02', amountMinor: 10_000, currency: 'USD', method: null, source: 'worklog' },
        { date: '2026-02-27', amountMinor: 2_500, currency: 'USD', method: null, source: 'comment' },
        { date: '2026-01-31', amountMinor: 9_999, currency: 'USD', method: null, source: 'worklog' },
        { date: '2026-03-01', amountMinor: 300, currency: 'GBP', method: null, source: 'worklog' },
      ],
    });
    expect(summary.openCount).toBe(3);
    expect(summary.thisMonth).toBe('2026-03');
    expect(summary.lastMonth).toBe('2026-02');
    expect(
      summary.currencies.map((row) => [
        row.currency,
        row.outstandingMinor,
        row.overdueMinor,
        row.paidThisMonthMinor,
        row.paidLastMonthMinor,
      ]),
    ).toEqual([
      ['USD', 15_000, 5_000, 10_000, 2_500],
      ['EUR', 7_000, 7_000, 0, 0],
      ['GBP', 0, 0, 300, 0],
    ]);
    const usd = summary.currencies[0]?.aging.map((row) => [row.key, row.amountMinor]);
    expect(usd).toEqual([
      ['current', 10_000],
      ['days1to30', 0],
      ['days31to60', 5_000],
      ['days61to90', 0],
      ['over90', 0],
    ]);
    expect(summary.currencies[1]?.aging.find((row) => row.key === 'over90')?.amountMinor).toBe(7_000);
    expect(summary.topCustomers.map((row) => [row.currency, row.name, row.outstandingMinor])).toEqual([
      ['USD', 'Acme', 15_000],
      ['EUR', 'Beta', 7_000],
    ]);
    expect(summary.overdue.count).toBe(2);
    expect(summary.overdue.invoices.map((row) => [row.currency, row.daysPastDue])).toEqual([
      ['EUR', 134],
      ['USD', 42],
    ]);
  });

  it('lists at most the top customers and overdue invoices asked for', () => {
    const invoices = Array.from({ length: 12 }, (_, i) =>
      invoice({ customerId: `c${i}`, customerName: `Customer ${i}`, dueMinor: 100 * (i + 1), dueDate: '2026-01-01' }),
    );
    const summary = summarizeReceivables({ today: TODAY, invoices, payments: [], topCustomersPerCurrency: 3 });
    expect(summary.topCustomers.map((row) => row.name)).toEqual(['Customer 11', 'Customer 10', 'Customer 9']);
    expect(summary.overdue.count).toBe(12);
    expect(summary.overdue.invoices).toHaveLength(10);
  });

  it('months roll over years', () => {
    expect(monthOf('2026-01-31', -1)).toBe('2025-12');
    expect(() => monthOf('2026-02-30')).toThrow(RangeError);
  });
});

describe("reading the app's records back", () => {
  it('reads the wave-link property defensively', () => {
    const issue = { id: '1', key: 'BILL-1' };
    const property = { waveId: 'w', kind: 'invoice', currency: 'EUR', total: 120.5, amountPaid: 20, status: 'PARTIAL' };
    expect(billingInvoiceOf(issue, property)).toMatchObject({ totalMinor: 12_050, paidMinor: 2_000, dueMinor: 10_050 });
    expect(billingInvoiceOf(issue, { ...property, currency: undefined })).toBeNull();
    expect(billingInvoiceOf(issue, { ...property, kind: 'customer' })).toBeNull();
    expect(billingInvoiceOf(issue, 'nonsense')).toBeNull();
  });

  it("only the app's own payment entries count; the worklog property's amount wins", () => {
    const comment = (text: string) => ({
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
    });
    const sentence = comment('Payment received: USD 1,500.00, invoice 1042, bank transfer');
    const entry = { source: 'worklog' as const, byApp: true, at: '2026-03-02T10:00:00.000+0000', comment: sentence };
    expect(paymentOf({ ...entry, paymentProperty: { amountMinor: 150_000, currency: 'USD' } }, '1042')).toEqual({
      date: '2026-03-02',
      amountMinor: 150_000,
      currency: 'USD',
      method: 'bank transfer',
      source: 'worklog',
    });
    expect(paymentOf({ ...entry, source: 'comment' }, '1042')?.amountMinor).toBe(150_000);
    expect(paymentOf({ ...entry, byApp: false }, '1042')).toBeNull();
    expect(paymentOf({ ...entry, comment: comment('Thanks for paying!') }, '1042')).toBeNull();
  });
});
