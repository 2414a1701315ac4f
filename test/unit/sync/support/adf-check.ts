/** Structural ADF validation for what the app writes: doc/version, allowed nodes, non-empty text, known marks. */

export function adfProblems(doc: unknown): string[] {
  const problems: string[] = [];
  const node = doc as { type?: unknown; version?: unknown; content?: unknown };
  if (node.type !== 'doc' || node.version !== 1 || !Array.isArray(node.content)) return ['not a doc v1 with content'];
  node.content.forEach((block, i) => checkBlock(block, `content[${i}]`, problems));
  return problems;
}

function checkBlock(block: unknown, path: string, problems: string[]): void {
  const node = block as { type?: unknown; content?: unknown[] };
  if (node.type === 'paragraph') {
    (node.content ?? []).forEach((inline, i) => checkText(inline, `${path}.content[${i}]`, problems));
  } else if (node.type === 'bulletList') {
    if (!Array.isArray(node.content) || node.content.length === 0) problems.push(`${path}: empty list`);
    (node.content ?? []).forEach((item, i) => {
      const listItem = item as { type?: unknown; content?: unknown[] };
      if (listItem.type !== 'listItem' || !Array.isArray(listItem.content) || listItem.content.length === 0) {
        problems.push(`${path}.content[${i}]: not a listItem`);
        return;
      }
      listItem.content.forEach((child, j) => checkBlock(child, `${path}.content[${i}].content[${j}]`, problems));
    });
  } else {
    problems.push(`${path}: unexpected block ${String(node.type)}`);
  }
}

function checkText(inline: unknown, path: string, problems: string[]): void {
  const node = inline as { type?: unknown; text?: unknown; marks?: unknown[] };
  if (node.type !== 'text' || typeof node.text !== 'string' || node.text.length === 0) {
    problems.push(`${path}: not a non-empty text node`);
    return;
  }
  for (const mark of node.marks ?? []) {
    const m = mark as { type?: unknown; attrs?: { href?: unknown } };
    if (m.type === 'strong') continue;
    if (m.type === 'link' && typeof m.attrs?.href === 'string' && /^https?:\/\//.test(m.attrs.href)) continue;
    problems.push(`${path}: bad mark ${JSON.stringify(mark)}`);
  }
}

/** All text of a document, concatenated per paragraph. */
export function adfTexts(doc: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    const n = node as { type?: unknown; text?: unknown; content?: unknown[] };
    if (n.type === 'paragraph') out.push((n.content ?? []).map((t) => String((t as { text?: unknown }).text)).join(''));
    else for (const child of n.content ?? []) walk(child);
  };
  walk(doc);
  return out;
}
