import type { Clock } from '../clock';
import { DocStore } from '../persistence/doc-store';
import { openDatabase, type SqliteDatabase } from '../persistence/sqlite';
import type { BusinessRecord, Counters, CustomerRecord, InvoiceRecord, PaymentRecord } from './records';
import { seedWaveState } from './seed';

const META_BUSINESS = 'business';
const META_COUNTERS = 'counters';

/** The sandbox's durable data: one business, its customers, invoices and payments (DATA_DIR/wave.sqlite). */
export class WaveState {
  readonly db: SqliteDatabase;
  readonly customers: DocStore<CustomerRecord>;
  readonly invoices: DocStore<InvoiceRecord>;
  readonly payments: DocStore<PaymentRecord>;
  private readonly meta: DocStore<unknown>;

  constructor(
    dataDir: string,
    readonly clock: Clock,
  ) {
    this.db = openDatabase(dataDir, 'wave.sqlite');
    this.customers = new DocStore(this.db, 'customers');
    this.invoices = new DocStore(this.db, 'invoices');
    this.payments = new DocStore(this.db, 'payments');
    this.meta = new DocStore(this.db, 'meta');
    if (!this.meta.get(META_BUSINESS)) this.meta.transaction(() => seedWaveState(this, clock.now()));
  }

  get business(): BusinessRecord {
    return this.meta.get(META_BUSINESS) as BusinessRecord;
  }

  setBusiness(business: BusinessRecord): void {
    this.meta.put(META_BUSINESS, business);
  }

  /** Takes the next value of one counter (call inside a transaction with the write that uses it). */
  take(counter: keyof Counters): number {
    const counters = this.meta.get(META_COUNTERS) as Counters;
    const value = counters[counter];
    this.meta.put(META_COUNTERS, { ...counters, [counter]: value + 1 });
    return value;
  }

  setCounters(counters: Counters): void {
    this.meta.put(META_COUNTERS, counters);
  }

  nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }

  /** Today's date (UTC) on the runtime clock, YYYY-MM-DD. */
  today(): string {
    return this.nowIso().slice(0, 10);
  }

  transaction<R>(fn: () => R): R {
    return this.meta.transaction(fn);
  }

  close(): void {
    this.db.close();
  }
}
