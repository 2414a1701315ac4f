import { businessGlobalId, invoiceUrls, nextNumericId, resourceGlobalId, userGlobalId } from './ids';
import type { CustomerRecord, InvoiceRecord, PaymentRecord } from './records';
import type { WaveState } from './state';

export const SEED_BUSINESS_UUID = 'e226ca4e-7b4d-4890-bedc-5d4945ec0be6';
const USER_UUID = '5b0f7a52-93c4-4f7e-a1d8-2c6e0b9d4f13';
const DAY_MS = 86_400_000;
const SEED_FIRST_PAYMENT_N = '2501133418276435001';
export const SEED_NEXT_ESTIMATE_N = '2587310041955120001';

interface SeedCustomer {
  n: string;
  importTag?: string;
  name: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  displayId: string | null;
}

interface SeedInvoice {
  n: string;
  number: number;
  customer: string;
  status: string;
  title: string;
  total: number;
  paid: number;
  tax: number;
  ageDays: number;
  dueInDays: number;
}

// Names include quotes, markup, right-to-left text and non-Latin scripts on purpose: the app must carry them intact.
const CUSTOMERS: SeedCustomer[] = [
  {
    n: '4461228170000077001',
    name: 'Acme Robotics, Inc.',
    email: 'ap@acme-robotics.example',
    firstName: 'Ada',
    lastName: 'Ng',
    displayId: 'ACME-01',
  },
  {
    n: '4461228170000077002',
    name: 'Ōkami Studio 株式会社',
    email: 'keiri@okami.example',
    firstName: '健',
    lastName: '佐藤',
    displayId: 'OKM-7',
  },
  {
    n: '4461228170000077003',
    importTag: '~?>',
    name: 'O\'Brien & "Sons" <b>Ltd</b>',
    email: null,
    firstName: 'Seán',
    lastName: "O'Brien",
    displayId: null,
  },
  {
    n: '4461228170000077019',
    importTag: '~~??',
    name: '\u200fشركة الأمل للتجارة',
    email: 'finance@alamal.example',
    firstName: null,
    lastName: null,
    displayId: 'AM-19',
  },
];

const INVOICES: SeedInvoice[] = [
  {
    n: '2496756670638588934',
    number: 1001,
    customer: '4461228170000077001',
    status: 'SENT',
    title: 'Invoice',
    total: 125000,
    paid: 0,
    tax: 0,
    ageDays: 12,
    dueInDays: 18,
  },
  {
    n: '2496756670638588935',
    number: 1002,
    customer: '4461228170000077002',
    status: 'PAID',
    title: 'Website localisation (日本語)',
    total: 48000,
    paid: 48000,
    tax: 4000,
    ageDays: 40,
    dueInDays: -10,
  },
  {
    n: '2496756670638588936',
    number: 1003,
    customer: '4461228170000077003',
    status: 'PARTIAL',
    title: 'Q4 retainer <draft>',
    total: 200000,
    paid: 50000,
    tax: 0,
    ageDays: 20,
    dueInDays: 10,
  },
  {
    n: '2496756670638588937',
    number: 1004,
    customer: '4461228170000077001',
    status: 'OVERDUE',
    title: 'Invoice',
    total: 97550,
    paid: 0,
    tax: 7550,
    ageDays: 45,
    dueInDays: -15,
  },
  {
    n: '2496756670638588938',
    number: 1005,
    customer: '4461228170000077019',
    status: 'SAVED',
    title: 'عرض سعر \u2014 "Phase 2"',
    total: 340000,
    paid: 0,
    tax: 40000,
    ageDays: 2,
    dueInDays: 28,
  },
];

/** Fills an empty sandbox: one USD business, its owner, four customers, five invoices, two payments. */
export function seedWaveState(state: WaveState, nowMs: number): void {
  const iso = (ms: number) => new Date(ms).toISOString();
  const day = (ms: number) => iso(ms).slice(0, 10);
  const businessCreated = nowMs - 400 * DAY_MS;
  state.setBusiness({
    id: businessGlobalId(SEED_BUSINESS_UUID),
    uuid: SEED_BUSINESS_UUID,
    name: 'Northwind Consulting LLC',
    currencyCode: 'USD',
    timezone: 'America/Toronto',
    createdAt: iso(businessCreated),
    modifiedAt: iso(businessCreated),
    user: {
      id: userGlobalId(USER_UUID),
      defaultEmail: 'owner@northwind.example',
      firstName: 'Noor',
      lastName: 'Haddad',
    },
  });

  const customerIds = new Map<string, string>();
  CUSTOMERS.forEach((seed, index) => {
    const id = resourceGlobalId(SEED_BUSINESS_UUID, 'Customer', seed.n, seed.importTag);
    customerIds.set(seed.n, id);
    const created = nowMs - (300 - index * 30) * DAY_MS;
    const { n: _n, importTag: _tag, ...fields } = seed;
    const customer: CustomerRecord = {
      id,
      ...fields,
      phone: null,
      createdAt: iso(created),
      modifiedAt: iso(created + DAY_MS),
    };
    state.customers.put(id, customer);
  });

  let paymentN = SEED_FIRST_PAYMENT_N;
  INVOICES.forEach((seed, index) => {
    const id = resourceGlobalId(SEED_BUSINESS_UUID, 'Invoice', seed.n);
    const created = nowMs - seed.ageDays * DAY_MS;
    const invoice: InvoiceRecord = {
      id,
      invoiceNumber: String(seed.number),
      status: seed.status,
      title: seed.title,
      invoiceDate: day(created),
      dueDate: day(nowMs + seed.dueInDays * DAY_MS),
      createdAt: iso(created),
      // Distinct, increasing modification times so sorting and modifiedAtAfter have something to bite on.
      modifiedAt: iso(nowMs - (INVOICES.length - index) * 3_600_000),
      ...invoiceUrls(SEED_BUSINESS_UUID, seed.n),
      currencyCode: 'USD',
      totalRaw: seed.total,
      amountPaidRaw: seed.paid,
      amountDueRaw: seed.total - seed.paid,
      taxTotalRaw: seed.tax,
      customerId: customerIds.get(seed.customer) ?? '',
      memo: null,
      poNumber: null,
      subhead: null,
      items: null,
      lastSentAt: seed.status === 'SAVED' ? null : iso(created + 3_600_000),
      lastViewedAt: null,
    };
    state.invoices.put(id, invoice);
    if (seed.paid > 0) {
      const n = paymentN;
      paymentN = nextNumericId(paymentN);
      const payment: PaymentRecord = {
        id: resourceGlobalId(SEED_BUSINESS_UUID, 'Payment', n),
        invoiceId: id,
        amountRaw: seed.paid,
        currencyCode: 'USD',
        paymentDate: day(created + 5 * DAY_MS),
        paymentMethod: 'BANK_TRANSFER',
        createdAt: iso(created + 5 * DAY_MS),
      };
      state.payments.put(payment.id, payment);
    }
  });

  state.setCounters({
    nextInvoiceN: '2496756670638588939',
    nextInvoiceNumber: 1006,
    nextCustomerN: '4461228170000077020',
    nextPaymentN: paymentN,
    nextEstimateN: SEED_NEXT_ESTIMATE_N,
  });
}
