/** Calendar dates (`YYYY-MM-DD`, UTC): the server's today, days past a due date, month boundaries. */

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar date of an instant, in UTC (the server's clock decides what "today" and "overdue" mean). */
export function dateOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Midnight UTC of a `YYYY-MM-DD` date, or null when it is not a real calendar date. */
export function dateEpoch(date: string | null | undefined): number | null {
  const match = DATE.exec(date ?? '');
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const epoch = Date.UTC(year, month - 1, day);
  const check = new Date(epoch);
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day
    ? epoch
    : null;
}

/** Whole days from `dueDate` to `today`: positive when past due, 0 on the day, negative before; null without a date. */
export function daysPastDue(dueDate: string | null | undefined, today: string): number | null {
  const due = dateEpoch(dueDate);
  const now = dateEpoch(today);
  if (due === null || now === null) return null;
  return Math.round((now - due) / DAY_MS);
}

/** `YYYY-MM` of a date, `offset` months later (negative: earlier). */
export function monthOf(date: string, offset = 0): string {
  const epoch = dateEpoch(date);
  if (epoch === null) throw new RangeError(`not a calendar date: ${date}`);
  const start = new Date(epoch);
  const shifted = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + offset, 1));
  return shifted.toISOString().slice(0, 7);
}

/** The calendar date at the start of a timestamp as Jira writes it (`2026-01-17T12:34:00.000+0000`), or null. */
export function dateOfJiraTimestamp(timestamp: string | null | undefined): string | null {
  const date = (timestamp ?? '').slice(0, 10);
  return dateEpoch(date) === null ? null : date;
}
