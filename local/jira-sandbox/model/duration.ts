/**
 * Jira's time-tracking durations with its default settings: 1w = 5d, 1d = 8h.
 * `2h 30m` <-> 9000 seconds. A bare number means minutes, as in Jira.
 */
const UNIT_SECONDS: Record<string, number> = { w: 5 * 8 * 3600, d: 8 * 3600, h: 3600, m: 60 };

export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 60;
  const parts = trimmed.split(/\s+/);
  if (parts.length === 0 || parts[0] === '') return undefined;
  let total = 0;
  for (const part of parts) {
    const match = /^(\d+(?:\.\d+)?)([wdhm])$/.exec(part);
    if (!match) return undefined;
    total += Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number);
  }
  return Math.round(total);
}

export function formatDuration(seconds: number): string {
  let rest = Math.floor(seconds / 60) * 60;
  const parts: string[] = [];
  for (const unit of ['w', 'd', 'h', 'm']) {
    const size = UNIT_SECONDS[unit] as number;
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  return parts.length > 0 ? parts.join(' ') : '0m';
}
