import { instantMs, type ChangedRecord } from './change-cursor';

/**
 * The fallback walk for a Wave that refuses `modifiedAtAfter`: pages sorted newest change first,
 * read until one reaches records older than `sinceMs`. Pure: the caller runs the queries.
 */
export interface NewestFirstPosition {
  sinceMs: number;
  page: number;
}

export interface NewestFirstStep<T> {
  /** The page's records changed at or after `sinceMs`, newest first. */
  fresh: T[];
  next: NewestFirstPosition;
  finished: boolean;
}

export function stepNewestFirst<T extends ChangedRecord>(
  position: NewestFirstPosition,
  items: readonly T[],
  pageSize: number,
): NewestFirstStep<T> {
  const isRecent = (item: T): boolean => (instantMs(item.modifiedAt) ?? Number.POSITIVE_INFINITY) >= position.sinceMs;
  const fresh = items.filter(isRecent);
  const finished = items.length < pageSize || fresh.length < items.length;
  return { fresh, finished, next: { sinceMs: position.sinceMs, page: position.page + 1 } };
}
