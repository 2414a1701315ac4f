import type { Clock } from '../clock';
import { DocStore } from '../persistence/doc-store';
import { openDatabase, type SqliteDatabase } from '../persistence/sqlite';
import { nextNumericId } from './ids';
import type {
  BusinessRecord,
  Counters,
  CustomerRecord,
  InvoiceRecord,
  PaymentRecord,
  SandboxSettings,
} from './records';
import { SEED_NEXT_ESTIMATE_N, seedWaveState } from './seed';

const META_BUSINESS = 'business';
const META_COUNTERS = 'counters';
const META_SETTINGS = 'settings';
const META_OVERDUE_CHECKED = 'overdue-checked-through';

export const DEFAULT_SETTINGS: SandboxSettings = { plan: 'pro', webhooks: true };

type NumericIdCounter = 'nextInvoiceN' | 'nextCustomerN' | 'nextPaymentN' | 'nextEstimateN';

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
    if (this.meta.get(META_OVERDUE_CHECKED) === undefined) this.setOverdueCheckedThrough(this.today());
  }

  get business(): BusinessRecord {
    return this.meta.get(META_BUSINESS) as BusinessRecord;
  }

  setBusiness(business: BusinessRecord): void {
    this.meta.put(META_BUSINESS, business);
  }

  /** Takes the next invoice number (call inside a transaction with the write that uses it). */
  takeInvoiceNumber(): number {
    const counters = this.meta.get(META_COUNTERS) as Counters;
    this.meta.put(META_COUNTERS, { ...counters, nextInvoiceNumber: counters.nextInvoiceNumber + 1 });
    return counters.nextInvoiceNumber;
  }

  /** Takes the next numeric id of one kind, as a string (call inside a transaction with the write that uses it). */
  takeNumericId(counter: NumericIdCounter): string {
    const counters = this.meta.get(META_COUNTERS) as Counters;
    const value = String(counters[counter] ?? SEED_NEXT_ESTIMATE_N);
    this.meta.put(META_COUNTERS, { ...counters, [counter]: nextNumericId(value) });
    return value;
  }

  setCounters(counters: Counters): void {
    this.meta.put(META_COUNTERS, counters);
  }

  settings(): SandboxSettings {
    return { ...DEFAULT_SETTINGS, ...(this.meta.get(META_SETTINGS) as Partial<SandboxSettings> | undefined) };
  }

  setSettings(settings: SandboxSettings): void {
    this.meta.put(META_SETTINGS, settings);
  }

  /** The last day (YYYY-MM-DD) whose passing due dates were turned into OVERDUE; today when never checked. */
  overdueCheckedThrough(): string {
    return (this.meta.get(META_OVERDUE_CHECKED) as string | undefined) ?? this.today();
  }

  setOverdueCheckedThrough(day: string): void {
    this.meta.put(META_OVERDUE_CHECKED, day);
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
