/** Atlassian Document Format, as Jira v3 wants for descriptions, comments and worklog comments. */
export interface AdfDocument {
  type: 'doc';
  version: 1;
  content: unknown[];
}

export type RichText = string | AdfDocument;

/** Plain text to ADF: one paragraph per line, empty lines dropped. */
export function toAdf(text: RichText): AdfDocument {
  if (typeof text !== 'string') return text;
  const paragraphs = text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] }));
  return { type: 'doc', version: 1, content: paragraphs };
}
