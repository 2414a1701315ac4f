/**
 * Wave's invoice statuses as the sync sees them, the one home of their order: lifecycle order (the admin page's
 * rows), progress (which of two same-second states is further along), the status category an unmapped status
 * lands in, and which statuses can come just before each one (the preview of transitions).
 */

import type { KnownInvoiceStatus } from '../wave-webhook/types';
import type { StatusCategoryKey } from './types';

interface WaveStatusFacts {
  progress: number;
  category: StatusCategoryKey;
  /** The statuses an invoice can be in just before this one (the sync never moves back to an older state). */
  predecessors: readonly KnownInvoiceStatus[];
}

const FACTS: Readonly<Record<KnownInvoiceStatus, WaveStatusFacts>> = {
  DRAFT: { progress: 0, category: 'new', predecessors: [] },
  SAVED: { progress: 1, category: 'new', predecessors: ['DRAFT'] },
  SENT: { progress: 2, category: 'indeterminate', predecessors: ['DRAFT', 'SAVED'] },
  VIEWED: { progress: 3, category: 'indeterminate', predecessors: ['SENT'] },
  UNPAID: { progress: 3, category: 'indeterminate', predecessors: ['SENT', 'VIEWED'] },
  OVERDUE: { progress: 4, category: 'indeterminate', predecessors: ['SENT', 'VIEWED', 'UNPAID', 'PARTIAL'] },
  PARTIAL: { progress: 5, category: 'indeterminate', predecessors: ['SENT', 'VIEWED', 'UNPAID', 'OVERDUE'] },
  PAID: { progress: 6, category: 'done', predecessors: ['SENT', 'VIEWED', 'UNPAID', 'OVERDUE', 'PARTIAL'] },
  OVERPAID: {
    progress: 7,
    category: 'done',
    predecessors: ['SENT', 'VIEWED', 'UNPAID', 'OVERDUE', 'PARTIAL', 'PAID'],
  },
};

/** Wave's invoice statuses in lifecycle order. */
export const WAVE_INVOICE_STATUSES = (Object.keys(FACTS) as KnownInvoiceStatus[]).sort(
  (a, b) => FACTS[a].progress - FACTS[b].progress,
);

const factsOf = (status: string): WaveStatusFacts | undefined =>
  Object.hasOwn(FACTS, status) ? FACTS[status as KnownInvoiceStatus] : undefined;

/** How far along an invoice in this status is; -1 for a status Wave added later. */
export function statusProgress(status: string): number {
  return factsOf(status)?.progress ?? -1;
}

/** The category an unmapped Wave status lands in; undefined for a status Wave added later. */
export function defaultCategoryOf(status: string): StatusCategoryKey | undefined {
  return factsOf(status)?.category;
}

export function predecessorsOf(status: string): readonly string[] {
  return factsOf(status)?.predecessors ?? [];
}
