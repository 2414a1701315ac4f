/** Jira's worklog `started` format: `2026-01-17T12:34:00.000+0000` (always written in UTC). */

import { parseInstant } from './instant';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// A bare date becomes noon UTC so it shows on the same calendar day in (almost) every time zone.
const DATE_ONLY_HOUR_UTC = 12;

export function toJiraDateTime(text: string): string | null {
  const instant = parseInstant(text);
  if (!instant) return null;
  const seconds = DATE_ONLY.test(text.trim()) ? instant.epochSeconds + DATE_ONLY_HOUR_UTC * 3600 : instant.epochSeconds;
  const iso = new Date(seconds * 1000).toISOString(); // 2026-01-17T12:34:00.000Z
  const millis = instant.fraction.padEnd(3, '0').slice(0, 3);
  return `${iso.slice(0, 19)}.${millis}+0000`;
}

/** `YYYY-MM-DD` when the text starts with a valid calendar date, else null (Jira's date fields). */
export function toJiraDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const date = text.trim().slice(0, 10);
  return DATE_ONLY.test(date) && parseInstant(date) ? date : null;
}
