import { getBackfill, type BackfillRecord } from '../../adapters/storage/backfill-state';

/** What the admin page shows of the backfill: its record without the walk position. */
export type BackfillProgress = Omit<BackfillRecord, 'position'>;

export function progressOf(record: BackfillRecord): BackfillProgress {
  const { position: _position, ...progress } = record;
  return progress;
}

/** The current or last backfill, or null when none has run. */
export async function getBackfillProgress(): Promise<BackfillProgress | null> {
  const record = await getBackfill();
  return record ? progressOf(record) : null;
}
