import { kvsErrors } from '../errors';
import { itemBody } from '../item-body';
import { deleteItem, type KvsContext, readItem, type Target, writeItem } from '../items';
import type { ExtendedSetOptions, MetadataField } from '../request-schemas';
import { type KvsResponse, noContent, ok } from '../response';

/** get / set / delete of one key, for plain keys, secrets and entities alike. */
export function getOne(ctx: KvsContext, target: Target, key: string, metadataFields?: MetadataField[]): KvsResponse {
  const item = readItem(ctx, target, key);
  if (!item) throw kvsErrors.keyNotFound();
  return ok(itemBody(item, metadataFields));
}

/** Answers the previous or the new item when `returnValue` asks for it, else 204. */
export function setOne(
  ctx: KvsContext,
  target: Target,
  key: string,
  value: unknown,
  options: ExtendedSetOptions = {},
): KvsResponse {
  const { previous, current } = writeItem(ctx, target, key, value, options);
  if (!options.returnValue) return noContent;
  const returned = options.returnValue === 'LATEST' ? current : previous;
  return returned ? ok(itemBody(returned, options.returnMetadataFields)) : noContent;
}

/** A missing key answers KEY_NOT_FOUND, which the SDK turns into a quiet success. */
export function deleteOne(ctx: KvsContext, target: Target, key: string): KvsResponse {
  if (!deleteItem(ctx, target, key)) throw kvsErrors.keyNotFound();
  return noContent;
}
