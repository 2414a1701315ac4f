import type { Clock } from '../clock';
import { KvsError } from './errors';

/** Forge's per-installation limits for the KVS and Custom Entity Store (forge docs: "KVS and Custom Entity Store limits"). */
export interface KvsQuotaSettings {
  enabled: boolean;
  /** Read units (10 KB each, rounded up) per minute. */
  readsPerMinute: number;
  /** Write units (10 KB each, rounded up) per minute. */
  writesPerMinute: number;
  requestsPerSecond: number;
}

export const FORGE_KVS_QUOTAS: KvsQuotaSettings = {
  enabled: true,
  readsPerMinute: 4_000,
  writesPerMinute: 4_000,
  requestsPerSecond: 1_000,
};

/** Forge counts a request per started 10 KB of its payload: 65 KB is 7 units. */
export const UNIT_BYTES = 10 * 1024;

export type KvsOperationKind = 'read' | 'write';

export interface KvsUsage {
  requests: number;
  reads: number;
  writes: number;
  readUnits: number;
  writeUnits: number;
  /** Requests answered 429 RATE_LIMIT_EXCEEDED. */
  refused: number;
  byOperation: Record<string, number>;
}

const emptyUsage = (): KvsUsage => ({
  requests: 0,
  reads: 0,
  writes: 0,
  readUnits: 0,
  writeUnits: 0,
  refused: 0,
  byOperation: {},
});

/** A counter that starts over at each window of `ms` on the runtime clock. */
class Window {
  private start = -Infinity;
  private used = 0;

  constructor(private readonly ms: number) {}

  count(now: number): number {
    this.roll(now);
    return this.used;
  }

  add(now: number, amount: number): void {
    this.roll(now);
    this.used += amount;
  }

  private roll(now: number): void {
    const start = Math.floor(now / this.ms) * this.ms;
    if (start !== this.start) {
      this.start = start;
      this.used = 0;
    }
  }
}

const rateLimited = (what: string) =>
  new KvsError(429, 'RATE_LIMIT_EXCEEDED', `Rate limit exceeded: this installation has used its ${what}`);

/**
 * The installation's KVS quotas on the runtime clock (windows of one second and one minute), and the
 * usage counters the bench reads. Writes are charged by their request's size before they run; reads
 * by their answer's size once answered, so a read is refused only after the minute's budget is spent.
 */
export class KvsQuota {
  private readonly second = new Window(1_000);
  private readonly readMinute = new Window(60_000);
  private readonly writeMinute = new Window(60_000);
  private counters = emptyUsage();

  constructor(
    private readonly clock: Clock,
    private readonly settings: () => KvsQuotaSettings,
  ) {}

  /** Throws RATE_LIMIT_EXCEEDED when this request would pass a limit; else counts it. */
  admit(operation: string, kind: KvsOperationKind, requestBytes: number): void {
    const limits = this.settings();
    const now = this.clock.now();
    if (limits.enabled) {
      const refusal = this.refusal(limits, now, kind, units(requestBytes));
      if (refusal) {
        this.counters.refused += 1;
        throw refusal;
      }
    }
    this.second.add(now, 1);
    this.counters.requests += 1;
    this.counters.byOperation[operation] = (this.counters.byOperation[operation] ?? 0) + 1;
    if (kind === 'write') {
      this.writeMinute.add(now, units(requestBytes));
      this.counters.writes += 1;
      this.counters.writeUnits += units(requestBytes);
    } else this.counters.reads += 1;
  }

  /** Charges a read by the size of what it returned. */
  chargeRead(responseBytes: number): void {
    this.readMinute.add(this.clock.now(), units(responseBytes));
    this.counters.readUnits += units(responseBytes);
  }

  usage(): KvsUsage {
    return { ...this.counters, byOperation: { ...this.counters.byOperation } };
  }

  resetUsage(): void {
    this.counters = emptyUsage();
  }

  private refusal(limits: KvsQuotaSettings, now: number, kind: KvsOperationKind, cost: number): KvsError | undefined {
    if (this.second.count(now) >= limits.requestsPerSecond)
      return rateLimited(`${limits.requestsPerSecond} KVS requests for this second`);
    if (kind === 'write' && this.writeMinute.count(now) + cost > limits.writesPerMinute)
      return rateLimited(`${limits.writesPerMinute} KVS write units for this minute`);
    if (kind === 'read' && this.readMinute.count(now) >= limits.readsPerMinute)
      return rateLimited(`${limits.readsPerMinute} KVS read units for this minute`);
    return undefined;
  }
}

function units(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / UNIT_BYTES));
}
