const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Date and time in the viewer's locale and the user's Jira time zone, if known. */
export function formatDateTime(epochMs: number, timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat(undefined, {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(timeZone ? { timeZone } : {}),
    }).format(epochMs);
  } catch {
    return new Date(epochMs).toLocaleString();
  }
}

/** "in 3 h", "5 min ago", relative to `now`: the server's clock (`serverNow`), never the browser's. */
export function relativeTime(epochMs: number, now: number): string {
  const delta = epochMs - now;
  const abs = Math.abs(delta);
  const minutes = Math.round(abs / MINUTE_MS);
  const hours = Math.round(abs / HOUR_MS);
  if (abs < MINUTE_MS) return delta >= 0 ? 'in under a minute' : 'just now';
  const amount = minutes < 60 ? `${minutes} min` : hours < 48 ? `${hours} h` : `${Math.round(abs / DAY_MS)} days`;
  return delta >= 0 ? `in ${amount}` : `${amount} ago`;
}

/** The UTC day (YYYY-MM-DD) of a time. */
export const utcDay = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);

/** A UTC day (YYYY-MM-DD) in the viewer's words: "Dec 2, 2026". */
export function formatDay(day: string): string {
  try {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      Date.parse(`${day}T00:00:00Z`),
    );
  } catch {
    return day;
  }
}

/** "1 issue", "3 issues". */
export const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
