import { seededRandom } from '../local/jira-sandbox/limits/prng';
import type { WaveInvoice } from '../src/domain/wave-webhook';
import type { TestStack } from '../test/support/test-stack';
import {
  changeInvoice,
  waveEventType,
  waveFormatDelivery,
  type InvoiceChange,
  type WaveDelivery,
} from '../test/support/wave-workload';

/** Where the business's invoices stand when its month-end begins (shares of the book). */
const BOOK_MIX: Array<[status: 'PAID' | 'PARTIAL' | 'VIEWED' | 'SENT' | 'SAVED', share: number]> = [
  ['PAID', 0.55],
  ['PARTIAL', 0.05],
  ['VIEWED', 0.1],
  ['SENT', 0.15],
  ['SAVED', 0.15],
];
/** The month-end's events: invoices sent, viewed, paid (a third of the payments partial). */
const EVENT_MIX = { send: 0.4, view: 0.25, pay: 0.35 };
const PARTIAL_PAYMENT_SHARE = 1 / 3;
const PARTIAL_PAYMENT = 0.4;

export interface QuotaDaySize {
  invoices: number;
  customers: number;
  events: number;
}

export interface MonthEnd {
  /** The book's invoice ids (every one should end in Jira as Wave has it). */
  invoiceIds: string[];
  /** Wave's deliveries in the order Wave sends them, in its own (thin) format. */
  deliveries: WaveDelivery[];
  /** The change in Wave each delivery reports, made when Wave first sends it. */
  changeFor(delivery: WaveDelivery): Promise<void>;
  events: { sends: number; views: number; payments: number };
}

interface Planned {
  invoice: WaveInvoice;
  status: string;
  paidMinor: number;
}

const usd = (minor: number) => ({ value: (minor / 100).toFixed(2), currency: { code: 'USD' } });

/**
 * The business's book in the Wave sandbox, without webhooks: `customers` customers and `invoices` invoices spread
 * over them at random (100 to 5,000 USD), in the states of `BOOK_MIX`. Each is created as it stands (Wave's API
 * has no payments list: a paid invoice is its amountPaid), so all of it changed after the app connected.
 */
async function createBook(t: TestStack, size: QuotaDaySize, random: () => number): Promise<Planned[]> {
  const { wave } = t.stack;
  const customers: string[] = [];
  for (let i = 0; i < size.customers; i += 1) {
    const answer = await wave.api.customer({ customer: { name: `Month-end customer ${i + 1}` } });
    customers.push((answer.customer as { id: string }).id);
  }
  const book: Planned[] = [];
  for (let i = 0; i < size.invoices; i += 1) {
    let pick = random();
    const [status] = BOOK_MIX.find(([, share]) => (pick -= share) < 0) ?? BOOK_MIX[0]!;
    const totalMinor = 10_000 + Math.floor(random() * 490_000);
    const paidMinor =
      status === 'PAID' ? totalMinor : status === 'PARTIAL' ? Math.round(totalMinor * PARTIAL_PAYMENT) : 0;
    const invoice = {
      status,
      total: usd(totalMinor),
      amountPaid: usd(paidMinor),
      title: 'Services',
      customerId: customers[Math.floor(random() * customers.length)] as string,
    };
    const answer = await wave.api.invoice({ invoice, deliver: false });
    book.push({ invoice: answer.invoice as WaveInvoice, status, paidMinor });
  }
  return book;
}

/** Picks and removes a random member of a pool (order does not matter). */
function take<T>(pool: T[], random: () => number): T | undefined {
  if (pool.length === 0) return undefined;
  const index = Math.floor(random() * pool.length);
  const [item] = pool.splice(index, 1, pool[pool.length - 1] as T);
  pool.pop();
  return item;
}

/**
 * A business with `size.invoices` invoices and its month-end: `size.events` events, `EVENT_MIX` of them, each on
 * an invoice whose state allows it (sent when approved, viewed when sent, paid when sent, viewed or partly paid),
 * in a seeded random order; an invoice can be sent, viewed and paid in one month-end.
 */
export async function createMonthEnd(t: TestStack, size: QuotaDaySize, seed: number): Promise<MonthEnd> {
  const random = seededRandom(seed);
  const book = await createBook(t, size, random);
  const latest = new Map(book.map((planned) => [planned.invoice.id, planned.invoice]));
  const pools = { SAVED: [] as Planned[], SENT: [] as Planned[], payable: [] as Planned[] };
  for (const planned of book) {
    if (planned.status === 'SAVED') pools.SAVED.push(planned);
    if (planned.status === 'SENT') pools.SENT.push(planned);
    if (['SENT', 'VIEWED', 'PARTIAL'].includes(planned.status)) pools.payable.push(planned);
  }
  const changes = new Map<string, { invoiceId: string; change: InvoiceChange }>();
  const deliveries: WaveDelivery[] = [];
  const events = { sends: 0, views: 0, payments: 0 };
  const plan = (planned: Planned, change: InvoiceChange, status: string) => {
    const delivery = waveFormatDelivery(t, waveEventType(status), planned.invoice.id);
    changes.set(delivery.eventId, { invoiceId: planned.invoice.id, change });
    deliveries.push(delivery);
    planned.status = status;
  };
  for (let misses = 0; deliveries.length < size.events; misses += 1) {
    if (misses > 100 * size.events) throw new Error('the book has too few invoices for the month-end asked');
    const pick = random();
    if (pick < EVENT_MIX.send) {
      const planned = take(pools.SAVED, random);
      if (!planned) continue;
      plan(planned, { status: 'SENT' }, 'SENT');
      pools.SENT.push(planned);
      pools.payable.push(planned);
      events.sends += 1;
    } else if (pick < EVENT_MIX.send + EVENT_MIX.view) {
      const planned = take(pools.SENT, random);
      if (!planned || planned.status !== 'SENT') continue;
      plan(planned, { status: 'VIEWED' }, 'VIEWED');
      events.views += 1;
    } else {
      const planned = take(pools.payable, random);
      if (!planned) continue;
      const totalMinor = planned.invoice.total.raw;
      const partial = planned.status !== 'PARTIAL' && random() < PARTIAL_PAYMENT_SHARE;
      const payMinor = partial ? Math.round(totalMinor * PARTIAL_PAYMENT) : totalMinor - planned.paidMinor;
      planned.paidMinor += payMinor;
      plan(planned, { payMinor }, partial ? 'PARTIAL' : 'PAID');
      if (partial) pools.payable.push(planned);
      events.payments += 1;
    }
  }
  // Changes to one invoice happen one after the other, in the order Wave sends their events.
  const lastChange = new Map<string, Promise<void>>();
  const changeFor = (delivery: WaveDelivery): Promise<void> => {
    const planned = changes.get(delivery.eventId);
    if (!planned) return Promise.resolve();
    const { invoiceId, change } = planned;
    const done = (lastChange.get(invoiceId) ?? Promise.resolve()).then(async () => {
      latest.set(invoiceId, await changeInvoice(t.stack.wave, latest.get(invoiceId) as WaveInvoice, change));
    });
    lastChange.set(invoiceId, done);
    return done;
  };
  return { invoiceIds: book.map((planned) => planned.invoice.id), deliveries, changeFor, events };
}
