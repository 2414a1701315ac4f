/** Jira's wire formats for dates and times. The sandbox renders every time in UTC. */

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `2026-01-17T12:34:00.000+0000`, the format Jira sends and expects for worklog `started`. */
export function formatJiraDateTime(epochMs: number): string {
  const date = new Date(epochMs);
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}+0000`
  );
}

export function formatJiraDate(epochMs: number): string {
  return formatJiraDateTime(epochMs).slice(0, 10);
}

const JIRA_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})([+-])(\d{2})(\d{2})$/;

/** Parses `yyyy-MM-dd'T'HH:mm:ss.SSSZ` strictly (Jira refuses `Z` and `+00:00` here); undefined if it is not that. */
export function parseJiraDateTime(value: string): number | undefined {
  const match = JIRA_DATE_TIME.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second, millis, , offsetHours, offsetMinutes] = match
    .slice(1)
    .map(Number) as number[];
  const utc = Date.UTC(year as number, (month as number) - 1, day, hour, minute, second, millis);
  const check = new Date(utc);
  if (check.getUTCMonth() !== (month as number) - 1 || check.getUTCDate() !== day) return undefined;
  const offsetMs = ((offsetHours as number) * 60 + (offsetMinutes as number)) * 60_000;
  return match[8] === '+' ? utc - offsetMs : utc + offsetMs;
}

/** A calendar date `yyyy-MM-dd` that exists. */
export function isValidDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}
