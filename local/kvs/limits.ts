import { kvsErrors } from './errors';

/** Forge's storage limits (forge docs: storage limits, error handling for the KVS). */
export const MAX_KEY_LENGTH = 500;
export const MAX_VALUE_BYTES = 240 * 1024;
export const MAX_VALUE_DEPTH = 32;
export const MAX_OPERATIONS_PER_REQUEST = 25;
export const MAX_QUERY_LIMIT = 100;
export const DEFAULT_QUERY_LIMIT = 10;

// Forge's documented key rule, verbatim: not only whitespace; letters, digits, `: . _ - #` and whitespace.
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

/** Entity keys report an empty key as EMPTY_KEY, plain and secret keys as KEY_TOO_SHORT. */
export function validateKey(key: string, emptyKeyCode: 'KEY_TOO_SHORT' | 'EMPTY_KEY'): void {
  if (key.length === 0) {
    throw emptyKeyCode === 'EMPTY_KEY'
      ? kvsErrors.emptyKey('Key cannot be empty')
      : kvsErrors.keyTooShort('The key must be at least one character long');
  }
  if (key.length > MAX_KEY_LENGTH)
    throw kvsErrors.keyTooLong(`The key exceeds the maximum of ${MAX_KEY_LENGTH} characters`);
  if (!KEY_PATTERN.test(key)) {
    throw kvsErrors.invalidKey('The key must match /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/');
  }
}

/** A storable value: any JSON value but null, at most 240 KiB serialized and 32 levels deep. */
export function validateValue(value: unknown): string {
  if (value === undefined || value === null)
    throw kvsErrors.badRequest('value must be a string, number, boolean, array or object');
  if (isDeeperThan(value, MAX_VALUE_DEPTH))
    throw kvsErrors.maxDepth(`The value exceeds the maximum object depth of ${MAX_VALUE_DEPTH}`);
  const serialized = JSON.stringify(value);
  if (Buffer.byteLength(serialized, 'utf8') > MAX_VALUE_BYTES) {
    throw kvsErrors.maxSize(`The value exceeds the maximum size of ${MAX_VALUE_BYTES} bytes`);
  }
  return serialized;
}

/** An object or array counts one level; stops descending as soon as the limit is passed. */
function isDeeperThan(value: unknown, levels: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (levels === 0) return true;
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => isDeeperThan(child, levels - 1));
}
