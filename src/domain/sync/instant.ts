/** ISO-8601 timestamps compared exactly (Wave may send microseconds, which `Date` would drop). */

export interface Instant {
  /** Whole seconds since the epoch, UTC. */
  epochSeconds: number;
  /** Fractional-second digits, right-trimmed of zeros ("123" for .123000). */
  fraction: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Date-only values ("2026-01-17") read as midnight UTC; a timestamp without offset reads as UTC. */
export function parseInstant(text: string): Instant | null {
  const match = ISO.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const millis = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s));
  const check = new Date(Date.UTC(year, month - 1, day));
  if (
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    return null;
  }
  return { epochSeconds: millis / 1000 - offsetSeconds(offset), fraction: fraction.replace(/0+$/, '') };
}

/** -1, 0 or 1; null when either side is not a timestamp. */
export function compareInstants(a: string, b: string): -1 | 0 | 1 | null {
  const left = parseInstant(a);
  const right = parseInstant(b);
  if (!left || !right) return null;
  if (left.epochSeconds !== right.epochSeconds) return left.epochSeconds < right.epochSeconds ? -1 : 1;
  const width = Math.max(left.fraction.length, right.fraction.length);
  const l = left.fraction.padEnd(width, '0');
  const r = right.fraction.padEnd(width, '0');
  return l === r ? 0 : l < r ? -1 : 1;
}

function offsetSeconds(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4) || '0') * 60);
}
