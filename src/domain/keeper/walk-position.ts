import { cursorFrom, type ChangeCursor } from './change-cursor';
import type { NewestFirstPosition } from './newest-first-walk';

/** Where a walk through Wave's changed records stands: the filtered walk, or the fallback one. */
export type WalkPosition =
  { order: 'oldest-first'; cursor: ChangeCursor } | ({ order: 'newest-first' } & NewestFirstPosition);

/** A walk over every record changed at or after `fromMs`, filtered by Wave (the fallback takes over if Wave refuses). */
export function walkFrom(fromMs: number): WalkPosition {
  return { order: 'oldest-first', cursor: cursorFrom(fromMs) };
}

export function fallbackWalkFrom(sinceMs: number): WalkPosition {
  return { order: 'newest-first', sinceMs, page: 1 };
}
