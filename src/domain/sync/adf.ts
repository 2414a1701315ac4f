/** The subset of Atlassian Document Format the app writes. Every string goes into a text node. */

import { COMMENT_MAX, truncate, withoutControls } from './text';

export interface AdfLinkMark {
  type: 'link';
  attrs: { href: string };
}
export interface AdfStrongMark {
  type: 'strong';
}
export type AdfMark = AdfLinkMark | AdfStrongMark;

export interface AdfText {
  type: 'text';
  text: string;
  marks?: AdfMark[];
}
export interface AdfParagraph {
  type: 'paragraph';
  content: AdfText[];
}
export interface AdfListItem {
  type: 'listItem';
  content: [AdfParagraph];
}
export interface AdfBulletList {
  type: 'bulletList';
  content: AdfListItem[];
}
export type AdfBlock = AdfParagraph | AdfBulletList;

export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfBlock[];
}

/** A labelled line such as "Amount: USD 5.00"; `label` is bold. */
export interface AdfField {
  label: string;
  value: string;
}

export function adfDoc(content: AdfBlock[]): AdfDoc {
  return { type: 'doc', version: 1, content };
}

/** Text nodes may not be empty in ADF, so blank strings yield no node. */
export function adfText(text: string, marks?: AdfMark[]): AdfText[] {
  const clean = withoutControls(text);
  if (clean.trim() === '') return [];
  return marks && marks.length > 0 ? [{ type: 'text', text: clean, marks }] : [{ type: 'text', text: clean }];
}

export function adfParagraph(...parts: AdfText[][]): AdfParagraph {
  return { type: 'paragraph', content: parts.flat() };
}

export function adfFieldList(fields: readonly AdfField[]): AdfBulletList {
  return {
    type: 'bulletList',
    content: fields.map((field) => ({
      type: 'listItem',
      content: [adfParagraph(adfText(`${field.label}: `, [{ type: 'strong' }]), adfText(field.value))],
    })),
  };
}

/** Only http(s) URLs become link marks; anything else (javascript:, data:, junk) stays plain text. */
export function adfLink(label: string, href: string | null | undefined): AdfText[] {
  const url = safeHttpUrl(href);
  return url === null ? adfText(label) : adfText(label, [{ type: 'link', attrs: { href: url } }]);
}

export function safeHttpUrl(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** A one-paragraph document, the shape of comments and worklog comments; cut at COMMENT_MAX characters. */
export function adfSentence(text: string): AdfDoc {
  return adfDoc([adfParagraph(adfText(truncate(text, COMMENT_MAX)))]);
}

/**
 * The text of a document: its text nodes, blocks on lines of their own, spacing collapsed. What the app compares
 * to know whether a person edited a description it wrote (Jira may store the same text in a different structure).
 */
export function adfPlainText(doc: unknown): string {
  const lines: string[] = [];
  let line = '';
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown };
    if (typeof text === 'string') line += text;
    if (Array.isArray(content)) for (const child of content) walk(child);
    if (type === 'paragraph' || type === 'heading' || type === 'listItem') {
      lines.push(line);
      line = '';
    }
  };
  walk(doc);
  lines.push(line);
  return lines
    .map((text) => text.replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '')
    .join('\n');
}
