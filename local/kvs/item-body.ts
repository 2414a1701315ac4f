import type { StoredItem } from './item-store';
import type { MetadataField } from './request-schemas';

/**
 * An item as Forge returns it: `{key, value}` plus the metadata fields asked for.
 * `createdAt`/`updatedAt` are epoch seconds (the SDK's own fixtures use 1718236800; Forge
 * does not document the unit), `expireTime` an ISO 8601 instant, present only with a TTL.
 */
export function itemBody(item: StoredItem, metadataFields: readonly MetadataField[] = []): Record<string, unknown> {
  const body: Record<string, unknown> = { key: item.key, value: item.value };
  if (metadataFields.includes('CREATED_AT')) body.createdAt = Math.floor(item.createdAt / 1000);
  if (metadataFields.includes('UPDATED_AT')) body.updatedAt = Math.floor(item.updatedAt / 1000);
  if (metadataFields.includes('EXPIRE_TIME') && item.expiresAt !== null)
    body.expireTime = new Date(item.expiresAt).toISOString();
  return body;
}
