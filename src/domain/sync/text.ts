/** Plain-text hygiene for strings that come from Wave and end up in Jira. */

/** Jira's limit for summaries and single-line text custom fields (Java string length: UTF-16 units). */
export const JIRA_SINGLE_LINE_MAX = 255;
/** One value in a description's field list (a title, a customer name): long enough for any real one. */
export const DESCRIPTION_VALUE_MAX = 500;
/** A comment or worklog comment the app writes. */
export const COMMENT_MAX = 2_000;

// C0/C1 control characters (newlines and tabs included) and Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

/** One line, controls turned into spaces, runs of whitespace collapsed, trimmed. Everything else stays literal. */
export function singleLine(text: string | null | undefined): string {
  return withoutControls(text).replace(/\s+/g, ' ').trim();
}

/** Controls (line breaks included) turned into spaces; spacing otherwise kept. */
export function withoutControls(text: string | null | undefined): string {
  return text ? text.replace(CONTROL_OR_BREAK, ' ') : '';
}

/** At most `max` UTF-16 units, ending with "…" when cut, never splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}

export function jiraSingleLine(text: string | null | undefined): string {
  return truncate(singleLine(text), JIRA_SINGLE_LINE_MAX);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** One line for a description value, cut to a sensible length (so no issue grows past Jira's limits). */
export function descriptionValue(text: string | null | undefined): string {
  return truncate(singleLine(text), DESCRIPTION_VALUE_MAX);
}
