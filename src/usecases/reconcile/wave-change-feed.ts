import type { WaveGraphqlClient, WaveListOptions, WavePage } from '../../adapters/wave/wave-graphql';
import { WaveQueryNotSupportedError } from '../../adapters/wave/wave-errors';
import { modifiedAtAfterFor, remainingAfter, stepCursor, type ChangedRecord } from '../../domain/keeper/change-cursor';
import { stepNewestFirst } from '../../domain/keeper/newest-first-walk';
import { fallbackWalkFrom, type WalkPosition } from '../../domain/keeper/walk-position';
import type { WaveInvoice } from '../../domain/wave-webhook/types';

/** One page of Wave's changed records, as the import (backfill) reads them. */
export interface ChangePage<T> {
  /** Records not handled before on this walk. */
  fresh: T[];
  /** Where the next page starts. */
  position: WalkPosition;
  finished: boolean;
  /** Records the walk still holds after this page (an estimate on the fallback walk). */
  remaining: number;
}

export type WaveLister<T> = (options: Omit<WaveListOptions, 'businessId'>) => Promise<WavePage<T>>;

export const invoiceLister =
  (wave: WaveGraphqlClient, businessId: string): WaveLister<WaveInvoice> =>
  (options) =>
    wave.listInvoices({ businessId, ...options });

/**
 * Reads the next page of a walk. The filtered walk asks Wave for `modifiedAtAfter` oldest first; if
 * Wave's schema refuses that argument, the walk goes on newest first from the same time instead.
 */
export async function readChanges<T extends ChangedRecord>(
  list: WaveLister<T>,
  position: WalkPosition,
  pageSize: number,
): Promise<ChangePage<T>> {
  if (position.order === 'oldest-first') {
    const { cursor } = position;
    let page: WavePage<T>;
    try {
      page = await list({ modifiedAtAfter: modifiedAtAfterFor(cursor), page: cursor.page, pageSize });
    } catch (error) {
      if (!(error instanceof WaveQueryNotSupportedError)) throw error;
      return readChanges(list, fallbackWalkFrom(cursor.fromMs), pageSize);
    }
    const step = stepCursor(cursor, page.items, pageSize);
    const alreadyHandled = page.items.length - step.fresh.length;
    const remaining = step.finished
      ? 0
      : remainingAfter(cursor, page.totalCount ?? page.items.length, pageSize, alreadyHandled) - step.fresh.length;
    return {
      fresh: step.fresh,
      position: { order: 'oldest-first', cursor: step.next },
      finished: step.finished,
      remaining: Math.max(0, remaining),
    };
  }
  const page = await list({ newestFirst: true, page: position.page, pageSize });
  const step = stepNewestFirst(position, page.items, pageSize);
  const remaining = step.finished ? 0 : Math.max(0, (page.totalCount ?? 0) - position.page * pageSize);
  return { fresh: step.fresh, position: { order: 'newest-first', ...step.next }, finished: step.finished, remaining };
}
