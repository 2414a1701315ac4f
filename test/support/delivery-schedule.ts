import { seededRandom } from '../../local/jira-sandbox/limits/prng';
import { duplicateOf, type WaveDelivery } from './wave-workload';

export interface ScheduleOptions {
  /** PRNG seed: the same seed gives the same order. */
  seed: number;
  /** How many invoices start between two events of one invoice (spreads each lifecycle over the run). */
  spacing: number;
  /**
   * Random extra delay, in the same unit, added to every event: larger than `spacing` puts some events of an
   * invoice before the earlier ones (reordering).
   */
  jitter: number;
  /** Share of events sent again later (Wave double-firing or re-sending after a lost answer). */
  duplicateRate: number;
  /** Copies of a duplicated event, at most (at least 1). */
  maxCopies?: number;
}

export interface Schedule {
  deliveries: WaveDelivery[];
  /** Extra copies injected. */
  duplicates: number;
  /** Events sent before an earlier event of the same invoice. */
  reordered: number;
}

/**
 * Interleaves invoice lifecycles the way a month-end burst arrives: invoice i's k-th event is due at
 * i + k × spacing + U(0, jitter); duplicates are due somewhat after their original.
 */
export function scheduleDeliveries(lifecycles: readonly WaveDelivery[][], options: ScheduleOptions): Schedule {
  const random = seededRandom(options.seed);
  const due: Array<{ at: number; delivery: WaveDelivery; order: number; copy: boolean }> = [];
  let duplicates = 0;
  lifecycles.forEach((events, invoiceIndex) => {
    events.forEach((delivery, k) => {
      const at = invoiceIndex + k * options.spacing + random() * options.jitter;
      due.push({ at, delivery, order: k, copy: false });
      if (random() >= options.duplicateRate) return;
      const copies = 1 + Math.floor(random() * Math.max(1, options.maxCopies ?? 1));
      for (let copy = 0; copy < copies; copy += 1) {
        due.push({
          at: at + random() * (options.spacing + options.jitter),
          delivery: duplicateOf(delivery),
          order: k,
          copy: true,
        });
        duplicates += 1;
      }
    });
  });
  due.sort((a, b) => a.at - b.at);
  return { deliveries: due.map((entry) => entry.delivery), duplicates, reordered: countReordered(due) };
}

function countReordered(sorted: ReadonlyArray<{ delivery: WaveDelivery; order: number; copy: boolean }>): number {
  const highest = new Map<string, number>();
  let reordered = 0;
  for (const { delivery, order, copy } of sorted) {
    if (copy) continue;
    const seen = highest.get(delivery.invoiceId) ?? -1;
    if (order < seen) reordered += 1;
    highest.set(delivery.invoiceId, Math.max(seen, order));
  }
  return reordered;
}
