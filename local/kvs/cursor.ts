import { kvsErrors } from './errors';

/**
 * Opaque paging cursors: the position of the last item a page returned, as base64url JSON.
 * Callers treat them as opaque strings, as Forge asks ("cursors shouldn't be persisted").
 */
export function encodeCursor(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Record<string, unknown> {
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (position !== null && typeof position === 'object' && !Array.isArray(position))
      return position as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw kvsErrors.badRequest('the cursor is not one this store returned');
}
