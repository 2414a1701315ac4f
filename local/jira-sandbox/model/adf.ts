/** Atlassian Document Format: REST v3 takes and returns rich text as `{type: 'doc', version: 1, content: [...]}`. */

export const NOT_ADF = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';

interface AdfNode {
  type: string;
  text?: string;
  content?: AdfNode[];
}

function isNode(value: unknown): value is AdfNode {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const node = value as Record<string, unknown>;
  if (typeof node.type !== 'string') return false;
  if (node.text !== undefined && typeof node.text !== 'string') return false;
  return node.content === undefined || (Array.isArray(node.content) && node.content.every(isNode));
}

/** A well-formed ADF document root (node types inside are not checked against the full ADF schema). */
export function isAdfDocument(value: unknown): boolean {
  if (!isNode(value)) return false;
  const doc = value as AdfNode & { version?: unknown };
  return doc.type === 'doc' && doc.version === 1 && Array.isArray(doc.content);
}

/** The plain text of a document, paragraphs separated by newlines (for JQL `~` and the dashboard). */
export function adfText(value: unknown): string {
  if (!isNode(value)) return '';
  if (value.text !== undefined) return value.text;
  const separator = value.type === 'doc' ? '\n' : '';
  return (value.content ?? []).map(adfText).join(separator);
}

interface AdfInline extends AdfNode {
  attrs?: { text?: unknown; shortName?: unknown; url?: unknown };
}

const CONTAINERS = new Set([
  'doc',
  'bulletList',
  'orderedList',
  'blockquote',
  'panel',
  'expand',
  'layoutSection',
  'layoutColumn',
  'table',
  'tableRow',
  'tableCell',
  'tableHeader',
  'listItem',
]);

/**
 * A document as the blocks a person reads: one string per paragraph, heading, code block or list item
 * (list items prefixed "• "), hard breaks as newlines, mentions, emoji and links as their text.
 */
export function adfBlocks(value: unknown): string[] {
  const blocks: string[] = [];
  const inline = (node: AdfInline): string => {
    if (node.type === 'text') return node.text ?? '';
    if (node.type === 'hardBreak') return '\n';
    if (node.type === 'mention' || node.type === 'emoji' || node.type === 'inlineCard') {
      const text = node.attrs?.text ?? node.attrs?.shortName ?? node.attrs?.url;
      return typeof text === 'string' ? text : '';
    }
    return (node.content ?? []).map(inline).join('');
  };
  const walk = (node: AdfNode, prefix: string): void => {
    if (CONTAINERS.has(node.type)) {
      const childPrefix = node.type === 'listItem' ? '• ' : prefix;
      (node.content ?? []).forEach((child, index) => walk(child, index === 0 ? childPrefix : prefix));
      return;
    }
    const text = inline(node);
    if (text.trim() !== '') blocks.push(prefix + text);
  };
  if (isNode(value)) walk(value, '');
  return blocks;
}
