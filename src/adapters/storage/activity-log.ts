import { randomUUID } from 'node:crypto';
import { ForgeKvsAPIError, Sort } from '@forge/kvs';
import { kvs } from './kvs';
import { BadRequestError } from '../../shared/errors';
import { storageKeys } from './keys';

/** The custom entity declared in manifest.yml (`app.storage.entities`). */
const ENTITY = 'delivery-log';
const RETENTION = { value: 30, unit: 'DAYS' } as const;
const MAX_TEXT = 500;
const MAX_PAGE = 100;

export const DELIVERY_OUTCOMES = [
  'processed',
  'duplicate',
  'stale',
  'unchanged',
  'ignored',
  'gone',
  'rejected',
  'failed',
] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/** Who brought the change: Wave's webhook, the five-minute poll, the import, an admin's replay or test event. */
export const DELIVERY_SOURCES = ['webhook', 'poll', 'import', 'replay', 'test', 'keeper', 'jira'] as const;
export type DeliverySource = (typeof DELIVERY_SOURCES)[number];

/** One webhook delivery as the admin page lists it. Callers put no secrets or payloads in here. */
export interface DeliveryRecord {
  receivedAt: number;
  outcome: DeliveryOutcome;
  source?: DeliverySource;
  /** `wave` (Wave's own delivery) or `full` (the full-object envelope), for webhook deliveries. */
  format?: string;
  /** The Wave business (global id) the change belongs to. */
  businessId?: string;
  reason?: string;
  eventType?: string;
  eventId?: string;
  invoiceNumber?: string;
  issueKey?: string;
}

export interface DeliveryPage {
  entries: DeliveryRecord[];
  nextCursor?: string;
}

const clip = (text: string): string => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);

/** The entity and retention of activity-log entries, for a transaction that writes one beside other keys. */
export function deliveryEntity(): { entity: string; ttl: typeof RETENTION } {
  return { entity: ENTITY, ttl: RETENTION };
}

/** An entry as stored: empty fields left out, texts clipped. */
export function storedDelivery(record: DeliveryRecord): DeliveryRecord {
  return withoutEmpty(record);
}

function withoutEmpty(record: DeliveryRecord): DeliveryRecord {
  const entries = Object.entries(record).filter(([, value]) => value !== undefined && value !== '');
  return Object.fromEntries(
    entries.map(([name, value]) => [name, typeof value === 'string' ? clip(value) : value]),
  ) as unknown as DeliveryRecord;
}

/** Appends a delivery; entries disappear after 30 days. */
export async function recordDelivery(record: DeliveryRecord): Promise<void> {
  await kvs
    .entity<DeliveryRecord>(ENTITY)
    .set(storageKeys.deliveryLog(record.receivedAt, randomUUID()), withoutEmpty(record), { ttl: RETENTION });
}

/** Newest first, optionally only one outcome; pass `nextCursor` back for the next page. */
export async function latestDeliveries(
  options: { limit?: number; outcome?: DeliveryOutcome; source?: DeliverySource; cursor?: string } = {},
): Promise<DeliveryPage> {
  const limit = Math.min(Math.max(1, options.limit ?? 20), MAX_PAGE);
  const entity = kvs.entity<DeliveryRecord>(ENTITY).query();
  let query = options.outcome
    ? entity.index('by-outcome', { partition: [options.outcome] })
    : options.source
      ? entity.index('by-source', { partition: [options.source] })
      : entity.index('by-time');
  query = query.sort(Sort.DESC).limit(limit);
  if (options.cursor) query = query.cursor(options.cursor);
  let page;
  try {
    page = await query.getMany();
  } catch (error) {
    // Storage refuses a cursor it did not hand out with a 400: the caller's input, not a fault.
    if (options.cursor && error instanceof ForgeKvsAPIError && error.responseDetails.status === 400) {
      throw new BadRequestError('the cursor is not one this list handed out; reload the list');
    }
    throw error;
  }
  return {
    entries: page.results.map((result) => result.value),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
