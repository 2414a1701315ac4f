const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** "3 min", "5 h", "2 days": for health summaries, never more precise than needed. */
export function roughDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE_MS) return 'less than a minute';
  if (Math.round(abs / MINUTE_MS) < 60) return `${Math.round(abs / MINUTE_MS)} min`;
  if (Math.round(abs / HOUR_MS) < 48) return `${Math.round(abs / HOUR_MS)} h`;
  return `${Math.round(abs / DAY_MS)} days`;
}

/** "in 5 days", "3 h ago": a time relative to `now`. */
export function relativeTo(at: number, now: number): string {
  return at >= now ? `in ${roughDuration(at - now)}` : `${roughDuration(now - at)} ago`;
}
