import { createHash } from 'node:crypto';
import { latestDeliveries, type DeliveryOutcome } from '../../../adapters/storage/activity-log';
import { BadRequestError } from '../../../shared/errors';
import { addAttempts, outcomeOf, type AttemptGroup } from './attempt-groups';

/** At least this many log entries per read, so a filtered page does not crawl. */
const MIN_READ = 20;
/** Bounds the KVS reads of one page (the lookahead for older attempts comes on top). */
const MAX_READS = 8;
const LOOKAHEAD = 50;
/** Events listed on a page whose older attempts the next page must not show again. */
const MAX_CARRIED = 60;

/** Our cursor: where the log's next read starts, and (digests of) the events already listed above it. */
interface CursorState {
  storage?: string;
  shown: string[];
}

const digest = (eventId: string): string => createHash('sha256').update(eventId).digest('base64url').slice(0, 8);

function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): CursorState {
  try {
    const state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorState>;
    if (
      (state.storage === undefined || typeof state.storage === 'string') &&
      Array.isArray(state.shown) &&
      state.shown.every((item) => typeof item === 'string')
    )
      return { ...(state.storage ? { storage: state.storage } : {}), shown: state.shown };
  } catch {
    // fall through: not a cursor of ours
  }
  throw new BadRequestError('the cursor is not one this list handed out; reload the list');
}

export interface ActivityGroupsPage {
  groups: AttemptGroup[];
  nextCursor?: string;
}

/**
 * About `limit` events, newest first, each with all its attempts (the last attempt's outcome is the event's; with
 * `outcome`, only events that ended so). Attempts older than the page are looked for in one more read and shown with
 * their event; the next page skips them.
 */
export async function activityGroups(input: {
  limit: number;
  outcome?: DeliveryOutcome;
  cursor?: string;
}): Promise<ActivityGroupsPage> {
  const start = input.cursor ? decodeCursor(input.cursor) : { shown: [] };
  const shown = new Set(start.shown);
  const groups = new Map<string, AttemptGroup>();
  const listed = () => [...groups.values()].filter((group) => !input.outcome || outcomeOf(group) === input.outcome);

  let storage = start.storage;
  let ended = false;
  for (let read = 0; read < MAX_READS && listed().length < input.limit; read += 1) {
    const needed = Math.max(MIN_READ, input.limit - listed().length);
    const page = await latestDeliveries({ limit: Math.min(100, needed), ...(storage ? { cursor: storage } : {}) });
    addAttempts(groups, page.entries, { openGroups: true, skipEvent: (eventId) => shown.has(digest(eventId)) });
    storage = page.nextCursor;
    if (!storage) {
      ended = true;
      break;
    }
  }
  if (!ended && storage) {
    const older = await latestDeliveries({ limit: LOOKAHEAD, cursor: storage });
    addAttempts(groups, older.entries, { openGroups: false });
  }
  const carried = [...groups.values()].flatMap((group) => (group.eventId ? [digest(group.eventId)] : []));
  return {
    groups: listed(),
    ...(ended ? {} : { nextCursor: encodeCursor({ storage, shown: carried.slice(-MAX_CARRIED) }) }),
  };
}
