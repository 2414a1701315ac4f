import { kvs } from './kvs';
import type { WalkPosition } from '../../domain/keeper/walk-position';
import type { BackfillProgressFields } from '../../shared/backfill-progress';
import { storageKeys } from './keys';

/** The one backfill of this installation: where it is, and what the admin page shows of it. */
export interface BackfillRecord extends BackfillProgressFields {
  runId: string;
  position: WalkPosition;
}

export async function getBackfill(): Promise<BackfillRecord | undefined> {
  return kvs.get<BackfillRecord>(storageKeys.backfill());
}

export async function saveBackfill(record: BackfillRecord): Promise<void> {
  await kvs.set(storageKeys.backfill(), record);
}
