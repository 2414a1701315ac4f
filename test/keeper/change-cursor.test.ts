import { cursorFrom, modifiedAtAfterFor, stepCursor, type ChangeCursor } from '../../src/domain/keeper/change-cursor';
import { stepNewestFirst } from '../../src/domain/keeper/newest-first-walk';

const at = (ms: number) => new Date(ms).toISOString();
const T0 = Date.UTC(2026, 0, 1);

/** Wave's strict `modifiedAtAfter`, oldest first, ties in a stable order: what the cursor is walked against. */
function waveQuery(records: { id: string; modifiedAt: string }[], cursor: ChangeCursor, pageSize: number) {
  const after = Date.parse(modifiedAtAfterFor(cursor));
  const matching = records
    .filter((record) => Date.parse(record.modifiedAt) > after)
    .sort((a, b) => Date.parse(a.modifiedAt) - Date.parse(b.modifiedAt));
  return matching.slice((cursor.page - 1) * pageSize, cursor.page * pageSize);
}

function walk(records: { id: string; modifiedAt: string }[], pageSize: number, from = T0): string[] {
  const seen: string[] = [];
  let cursor = cursorFrom(from);
  for (let guard = 0; guard < 100; guard += 1) {
    const step = stepCursor(cursor, waveQuery(records, cursor, pageSize), pageSize);
    seen.push(...step.fresh.map((record) => record.id));
    cursor = step.next;
    if (step.finished) return seen;
  }
  throw new Error('the walk did not finish');
}

describe('walking Wave changes oldest first', () => {
  it('sees every record once even when many share one modification time across pages', () => {
    const records = [
      ...Array.from({ length: 7 }, (_, n) => ({ id: `tie-${n}`, modifiedAt: at(T0 + 5_000) })),
      ...Array.from({ length: 5 }, (_, n) => ({ id: `later-${n}`, modifiedAt: at(T0 + 6_000 + n) })),
      { id: 'first', modifiedAt: at(T0 + 1) },
    ];
    const seen = walk(records, 3);
    expect([...seen].sort()).toEqual(records.map((record) => record.id).sort());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('includes records changed exactly at the starting time and reads finer digits as the same millisecond', () => {
    const records = [
      { id: 'at-start', modifiedAt: at(T0) },
      { id: 'micro', modifiedAt: '2026-01-01T00:00:00.000500+00:00' },
      { id: 'before', modifiedAt: at(T0 - 1) },
    ];
    expect(walk(records, 10).sort()).toEqual(['at-start', 'micro']);
  });

  it('finishes at the newest time seen, so the next walk starts there', () => {
    const step = stepCursor(
      cursorFrom(T0),
      [
        { id: 'a', modifiedAt: at(T0 + 10) },
        { id: 'b', modifiedAt: at(T0 + 20) },
      ],
      5,
    );
    expect(step).toMatchObject({ finished: true, next: { fromMs: T0 + 20, page: 1, handledAtFrom: ['b'] } });
  });
});

describe('the newest-first fallback walk', () => {
  it('keeps the records at or after the start and stops at the first older one', () => {
    const page = [
      { id: 'new', modifiedAt: at(T0 + 2) },
      { id: 'edge', modifiedAt: at(T0) },
      { id: 'old', modifiedAt: at(T0 - 1) },
    ];
    const step = stepNewestFirst({ sinceMs: T0, page: 1 }, page, 3);
    expect(step.fresh.map((record) => record.id)).toEqual(['new', 'edge']);
    expect(step.finished).toBe(true);
  });

  it('goes on to the next page while a full page is recent', () => {
    const step = stepNewestFirst(
      { sinceMs: T0, page: 1 },
      [
        { id: 'a', modifiedAt: at(T0 + 2) },
        { id: 'b', modifiedAt: at(T0 + 1) },
      ],
      2,
    );
    expect(step).toMatchObject({ finished: false, next: { page: 2 } });
  });
});
