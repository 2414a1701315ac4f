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

/** "in 3 h", "5 min ago". */
export function relativeTime(epochMs: number, now: number = Date.now()): string {
  const delta = epochMs - now;
  const abs = Math.abs(delta);
  const minutes = Math.round(abs / MINUTE_MS);
  const hours = Math.round(abs / HOUR_MS);
  const amount =
    abs < MINUTE_MS
      ? 'less than a minute'
      : minutes < 60
        ? `${minutes} min`
        : hours < 48
          ? `${hours} h`
          : `${Math.round(abs / DAY_MS)} days`;
  return delta >= 0 ? `in ${amount}` : `${amount} ago`;
}
