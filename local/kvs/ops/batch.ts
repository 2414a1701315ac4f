import { KvsError, kvsErrors } from '../errors';
import { itemBody } from '../item-body';
import { deleteItem, type KvsContext, readItem, targetFor, writeItem } from '../items';
import { MAX_OPERATIONS_PER_REQUEST } from '../limits';
import type { MetadataField, Ttl } from '../request-schemas';
import { type KvsResponse, ok } from '../response';

/**
 * batchSet / batchGet / batchDelete: up to 25 distinct keys (plain or entity); each item
 * succeeds or fails on its own, failures reported in `failedKeys` with Forge's error.
 * An empty batch, more than 25 items or a key named twice fails the whole request.
 */
interface BatchItem {
  key: string;
  entityName?: string;
}

type ItemOutcome = Record<string, unknown> | KvsError;

export function batchSet(
  ctx: KvsContext,
  items: Array<BatchItem & { value: unknown; options?: { ttl?: Ttl } }>,
): KvsResponse {
  return runBatch(items, (item) => {
    writeItem(ctx, targetFor(ctx, item.entityName), item.key, item.value, item.options);
    return {};
  });
}

export function batchGet(
  ctx: KvsContext,
  items: Array<BatchItem & { options?: { metadataFields?: MetadataField[] } }>,
): KvsResponse {
  return runBatch(items, (item) => {
    const found = readItem(ctx, targetFor(ctx, item.entityName), item.key);
    return found ? itemBody(found, item.options?.metadataFields) : kvsErrors.keyNotFound();
  });
}

export function batchDelete(ctx: KvsContext, items: BatchItem[]): KvsResponse {
  return runBatch(items, (item) =>
    deleteItem(ctx, targetFor(ctx, item.entityName), item.key) ? {} : kvsErrors.keyNotFound(),
  );
}

function runBatch<T extends BatchItem>(items: T[], run: (item: T) => ItemOutcome): KvsResponse {
  if (items.length === 0) throw kvsErrors.badRequest('a batch needs at least one item');
  if (items.length > MAX_OPERATIONS_PER_REQUEST)
    throw kvsErrors.badRequest(`a batch can hold at most ${MAX_OPERATIONS_PER_REQUEST} items`);
  assertDistinct(items);

  const successfulKeys: Record<string, unknown>[] = [];
  const failedKeys: Record<string, unknown>[] = [];
  for (const item of items) {
    const identity = { key: item.key, ...(item.entityName === undefined ? {} : { entityName: item.entityName }) };
    const outcome = outcomeOf(() => run(item));
    if (outcome instanceof KvsError) failedKeys.push({ ...identity, error: outcome.toBody() });
    else successfulKeys.push({ ...outcome, ...identity });
  }
  return ok({ successfulKeys, failedKeys });
}

function outcomeOf(run: () => ItemOutcome): ItemOutcome {
  try {
    return run();
  } catch (error) {
    if (error instanceof KvsError) return error;
    throw error;
  }
}

export function assertDistinct(items: readonly BatchItem[]): void {
  const seen = new Set<string>();
  for (const { key, entityName } of items) {
    const identity = JSON.stringify([entityName ?? null, key]);
    if (seen.has(identity))
      throw kvsErrors.badRequest(
        `key '${key}'${entityName ? ` of entity '${entityName}'` : ''} appears more than once`,
      );
    seen.add(identity);
  }
}
