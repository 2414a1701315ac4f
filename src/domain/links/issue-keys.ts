/** Jira issue keys written in free text ("Sprint 14: ACME-42, ACME-57"). */

/** At most this many distinct keys are taken from one invoice; the rest are ignored (and reported). */
export const MAX_KEYS_PER_INVOICE = 50;
/** At most this many characters of an invoice's texts are read, in field order; the rest are ignored (and reported). */
export const MAX_SCANNED_CHARACTERS = 1_000_000;

/**
 * A project key (a capital letter, then 1–9 capitals, digits or underscores: Jira's 2–10 characters in
 * practice), a dash, and an issue number without a leading zero (at most 10 digits). Not inside a word:
 * no letter, digit, underscore or dash right before (so "XACME-1" and the "DEF-1" of "ABC-DEF-1" are not
 * keys), no letter, digit or underscore right after ("ACME-1Y", "ACME-123456789012" are not keys).
 * Punctuation, spaces, markup and URL separators around a key are fine.
 */
const ISSUE_KEY = /(?<![\p{L}\p{N}\p{M}_-])[A-Z][A-Z0-9_]{1,9}-[1-9][0-9]{0,9}(?![\p{L}\p{N}\p{M}_])/gu;

/**
 * Invisible format characters: zero-width spaces and joiners, bidirectional marks and embeddings, the
 * byte-order mark, soft hyphens. A reader does not see them, so "ACME-4\u200B2" reads as ACME-42; left in,
 * it would match ACME-4, someone else's issue.
 */
const INVISIBLE = /\p{Cf}/gu;

export interface IssueKeyScan {
  /** Distinct keys in order of first appearance. */
  keys: string[];
  /** True when keys or text were left unread because of the bounds above. */
  truncated: boolean;
}

/**
 * The issue keys in `texts`, read in order: distinct, in order of first appearance, at most
 * `MAX_KEYS_PER_INVOICE`, reading at most `MAX_SCANNED_CHARACTERS` characters in all. Empty and missing
 * texts are skipped. Linear in the text read.
 */
export function extractIssueKeys(texts: readonly (string | null | undefined)[]): IssueKeyScan {
  const keys: string[] = [];
  const seen = new Set<string>();
  let budget = MAX_SCANNED_CHARACTERS;
  let truncated = false;
  for (const text of texts) {
    if (!text) continue;
    if (budget <= 0) return { keys, truncated: true };
    const readable = text.length > budget ? text.slice(0, budget) : text;
    if (readable.length < text.length) truncated = true;
    budget -= readable.length;
    for (const match of readable.replace(INVISIBLE, '').matchAll(ISSUE_KEY)) {
      const key = match[0];
      if (seen.has(key)) continue;
      if (keys.length === MAX_KEYS_PER_INVOICE) return { keys, truncated: true };
      seen.add(key);
      keys.push(key);
    }
  }
  return { keys, truncated };
}

/** True for a whole string that is one issue key (`ACME-42`). */
export function isIssueKey(text: string): boolean {
  return /^[A-Z][A-Z0-9_]{1,9}-[1-9][0-9]{0,9}$/.test(text);
}
