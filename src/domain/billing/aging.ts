/** Aging of what is owed: how far past its due date each open invoice is. */

export const AGING_BUCKETS = [
  { key: 'current', label: 'Not yet due' },
  { key: 'days1to30', label: '1–30 days' },
  { key: 'days31to60', label: '31–60 days' },
  { key: 'days61to90', label: '61–90 days' },
  { key: 'over90', label: 'Over 90 days' },
] as const;

export type AgingKey = (typeof AGING_BUCKETS)[number]['key'];

/** The bucket of an invoice `daysPastDue` days past its due date (null: it has no due date, so it is not late). */
export function agingBucketOf(daysPastDue: number | null): AgingKey {
  if (daysPastDue === null || daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return 'days1to30';
  if (daysPastDue <= 60) return 'days31to60';
  if (daysPastDue <= 90) return 'days61to90';
  return 'over90';
}
