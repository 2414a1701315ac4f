/**
 * Jira's `~` text search, simplified: case-insensitive, word based. Every term of the query
 * must match a word of the text (a trailing `*` matches a prefix; plural and -ing/-ed
 * endings are stemmed away as Jira's English analyser does); a quoted phrase inside the
 * query must appear as is.
 */
export function textMatches(text: string, query: string): boolean {
  const haystack = text.toLowerCase();
  const words = new Set(tokens(haystack).map(stem));
  const phrases = [...query.matchAll(/"([^"]*)"/g)]
    .map((match) => (match[1] ?? '').toLowerCase().trim())
    .filter(Boolean);
  const rest = query.replace(/"[^"]*"/g, ' ');
  const terms = rest
    .toLowerCase()
    .split(/[^\p{L}\p{N}*]+/u)
    .filter(Boolean);
  if (phrases.length === 0 && terms.length === 0) return false;
  return (
    phrases.every((phrase) => haystack.includes(phrase)) &&
    terms.every((term) =>
      term.endsWith('*') ? [...words].some((word) => word.startsWith(stem(term.slice(0, -1)))) : words.has(stem(term)),
    )
  );
}

function tokens(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && (word.endsWith('ing') || word.endsWith('ed'))) return word.replace(/(ing|ed)$/, '');
  if (word.length > 3 && word.endsWith('es') && /(s|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
