import { getLink } from '../../../adapters/storage/links';
import { numericIdOf } from '../../../domain/wave-webhook/wave-ids';

/** Base64 runs long enough to be one of Wave's global ids ("QnVzaW5lc3M6…"). */
const CANDIDATE = /[A-Za-z0-9+/]{20,}={0,2}/g;
/** The same, with the word before it when that word already says what it is. */
const NAMED_CANDIDATE = /(\b(?:invoice|customer|business)\s+)?([A-Za-z0-9+/]{20,}={0,2})/gi;
const MAX_LOOKUPS = 20;

const decoded = (text: string): string => Buffer.from(text, 'base64').toString('utf8');

/**
 * Turns Wave's global ids in texts into what a person knows them by: an invoice's number when the app has
 * synced it ("invoice 1042"), else the kind and Wave's short number; a business id into the start of its uuid, as Wave's own pages show it.
 * One link read per distinct invoice id, at most a few per page.
 */
export async function readableWaveIds(texts: ReadonlyArray<string | undefined>): Promise<(text: string) => string> {
  const ids = new Set<string>();
  for (const text of texts) for (const match of (text ?? '').matchAll(CANDIDATE)) ids.add(match[0]);
  /** `bare`: after a word that already names the kind ("invoice QnVz…" → "invoice 1042"). */
  const names = new Map<string, { label: string; bare: string }>();
  let lookups = 0;
  for (const id of ids) {
    const plain = decoded(id);
    const business = /^Business:([0-9a-f-]{36})$/i.exec(plain)?.[1];
    if (business) {
      names.set(id, { label: `Wave business ${business.slice(0, 8)}…`, bare: `${business.slice(0, 8)}…` });
      continue;
    }
    const numeric = numericIdOf(id);
    if (numeric === null) continue;
    const kind = /;Invoice:/i.test(plain) ? 'invoice' : /;Customer:/i.test(plain) ? 'customer' : 'record';
    const link =
      kind === 'invoice' && lookups < MAX_LOOKUPS
        ? ((lookups += 1), await getLink<{ invoiceNumber?: string }>('invoice', id))
        : undefined;
    const bare = link?.invoiceNumber ?? `with Wave id ${numeric}`;
    names.set(id, { label: link?.invoiceNumber ? `invoice ${bare}` : `Wave ${kind} ${numeric}`, bare });
  }
  return (text) =>
    text.replace(NAMED_CANDIDATE, (match, kindWord: string | undefined, id: string) => {
      const name = names.get(id);
      if (!name) return match;
      return kindWord ? `${kindWord}${name.bare}` : name.label;
    });
}
