import { instantMs, type ChangedRecord } from '../keeper/change-cursor';

/**
 * The five-minute poll's walk through one kind of Wave record (invoices or customers), pure: the caller reads
 * the pages. Wave lists records newest change first (`MODIFIED_AT_DESC`, no filter needed); the walk reads pages
 * until it reaches the watermark (everything modified at or before it is already applied), re-reading an overlap
 * before it for changes stamped in the same second or made visible late. A walk that runs out of time resumes at
 * the page it reached; only a finished walk moves the watermark, to the newest change it saw on its first page.
 */
export interface KindPoll {
  /** Epoch ms: every change of this kind modified at or before it is in Jira. */
  watermarkMs: number;
  /** A walk that did not finish in its run. */
  walk?: Walk;
}

export interface Walk {
  /** The next page to read (1-based). */
  page: number;
  /** Records changed before this are already applied: the walk ends when it reaches one. */
  stopAtMs: number;
  /** The newest change seen on the walk's first page: the watermark once the walk finishes. */
  newestMs: number;
}

/** Changes stamped in the same second as the watermark, or shown by Wave a little late, are read again. */
export const POLL_OVERLAP_MS = 60_000;

export function startWalk(state: KindPoll): Walk {
  return { page: 1, stopAtMs: state.watermarkMs - POLL_OVERLAP_MS, newestMs: state.watermarkMs };
}

export interface WalkStep<T> {
  /** Records of the page changed since the stop line, as listed (newest first). */
  fresh: T[];
  finished: boolean;
  walk: Walk;
}

const msOf = (record: ChangedRecord): number => instantMs(record.modifiedAt) ?? Number.POSITIVE_INFINITY;

/** What one page (newest change first) brings, and where the walk stands after it. */
export function stepWalk<T extends ChangedRecord>(walk: Walk, items: readonly T[], pageSize: number): WalkStep<T> {
  const fresh = items.filter((item) => msOf(item) >= walk.stopAtMs);
  const finished = items.length < pageSize || fresh.length < items.length;
  const readable = fresh.map(msOf).filter(Number.isFinite);
  const newestMs = walk.page === 1 && readable.length > 0 ? Math.max(walk.newestMs, ...readable) : walk.newestMs;
  return { fresh, finished, walk: { ...walk, page: walk.page + 1, newestMs } };
}

/** The kind's state once a walk finished: everything up to the newest change it saw is applied. */
export function finishWalk(state: KindPoll, walk: Walk): KindPoll {
  return { watermarkMs: Math.max(state.watermarkMs, walk.newestMs) };
}
