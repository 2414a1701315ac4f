import { jqlError } from './lexer';

const PERIOD_UNITS: Record<string, number> = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000 };

/**
 * A JQL date value as epoch ms: `2026-01-17`, `2026/01/17 12:30`, a period relative to now
 * (`-5d`, `4w 2d`), or `now()`, `startOfDay()`, `endOfDay()`. Times are UTC.
 */
export function parseJqlDate(text: string, fieldName: string, now: number): number {
  const absolute = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (absolute) {
    const [, year, month, day, hour, minute] = absolute;
    return Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0));
  }
  const period = /^([-+]?)((?:\d+[wdhm]\s*)+)$/.exec(text.trim());
  if (period) {
    const sign = period[1] === '-' ? -1 : 1;
    let offset = 0;
    for (const part of (period[2] ?? '').matchAll(/(\d+)([wdhm])/g))
      offset += Number(part[1]) * (PERIOD_UNITS[part[2] as string] as number);
    return now + sign * offset;
  }
  throw jqlError(
    `Date value '${text}' for field '${fieldName}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}

export function dateFunction(name: string, now: number): number | undefined {
  const startOfDay = Math.floor(now / 86_400_000) * 86_400_000;
  switch (name.toLowerCase()) {
    case 'now':
      return now;
    case 'startofday':
      return startOfDay;
    case 'endofday':
      return startOfDay + 86_400_000 - 1;
    default:
      return undefined;
  }
}
