import { parseInstant } from '../sync/instant';

/**
 * Walking Wave's records oldest change first, one page at a time, without missing any: Wave's
 * `modifiedAtAfter` is strict and records can share a modification time, so each query starts one
 * millisecond before the last time seen and the records already handled at that time are skipped.
 * Pure: the caller runs the queries.
 */
export interface ChangeCursor {
  /** Records modified at or after this time (epoch ms) are still to come. */
  fromMs: number;
  /** Page of the query from `fromMs`; above 1 only while a whole page shared one modification time. */
  page: number;
  /** Records modified exactly at `fromMs` that were already handled. */
  handledAtFrom: string[];
}

export interface ChangedRecord {
  id: string;
  modifiedAt: string;
}

export interface CursorStep<T> {
  /** The records of the page not handled before, oldest first. */
  fresh: T[];
  next: ChangeCursor;
  /** The page was the last one: nothing newer exists (for now). */
  finished: boolean;
}

export function cursorFrom(fromMs: number): ChangeCursor {
  return { fromMs, page: 1, handledAtFrom: [] };
}

/** The `modifiedAtAfter` argument for the cursor's next query. */
export function modifiedAtAfterFor(cursor: ChangeCursor): string {
  return new Date(cursor.fromMs - 1).toISOString();
}

/** Epoch ms of a Wave timestamp (finer digits dropped), or null when it is not one. */
export function instantMs(text: string): number | null {
  const instant = parseInstant(text);
  if (!instant) return null;
  return instant.epochSeconds * 1000 + Number(instant.fraction.padEnd(3, '0').slice(0, 3));
}

/** What one page (sorted oldest change first) adds, and where the next query starts. */
export function stepCursor<T extends ChangedRecord>(
  cursor: ChangeCursor,
  items: readonly T[],
  pageSize: number,
): CursorStep<T> {
  const handled = new Set(cursor.handledAtFrom);
  const fresh = items.filter((item) => !(instantMs(item.modifiedAt) === cursor.fromMs && handled.has(item.id)));
  const finished = items.length < pageSize;
  const times = items.map((item) => instantMs(item.modifiedAt)).filter((ms): ms is number => ms !== null);
  const latest = times.length > 0 ? Math.max(...times) : cursor.fromMs;
  if (latest > cursor.fromMs) {
    const atLatest = items.filter((item) => instantMs(item.modifiedAt) === latest).map((item) => item.id);
    return { fresh, finished, next: { fromMs: latest, page: 1, handledAtFrom: atLatest } };
  }
  // The whole page shares the cursor's time: the next page of the same query holds the rest.
  const next = finished
    ? cursor
    : { fromMs: cursor.fromMs, page: cursor.page + 1, handledAtFrom: [...handled, ...items.map((item) => item.id)] };
  return { fresh, finished, next };
}

/** How many records the query behind `cursor` still holds beyond those already handled. */
export function remainingAfter(
  cursor: ChangeCursor,
  totalCount: number,
  pageSize: number,
  handledOnPage: number,
): number {
  return Math.max(0, totalCount - (cursor.page - 1) * pageSize - handledOnPage);
}
