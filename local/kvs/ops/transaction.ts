import type { z } from 'zod';
import { filtersMatch, parseFilters } from '../conditions';
import { kvsErrors } from '../errors';
import { deleteItem, type KvsContext, readItem, type Target, targetFor, writeItem } from '../items';
import { MAX_OPERATIONS_PER_REQUEST } from '../limits';
import type { Filters, requestSchemas } from '../request-schemas';
import { type KvsResponse, noContent } from '../response';
import { assertDistinct } from './batch';

type TransactionRequest = z.infer<typeof requestSchemas.transaction>;

/**
 * `kvs.transact()`: up to 25 set/delete/check operations on distinct keys, all applied or
 * none. Every condition is read before anything is written; the caller runs this inside one
 * SQLite transaction, so a failure at any point leaves nothing behind.
 */
export function runTransaction(ctx: KvsContext, request: TransactionRequest): KvsResponse {
  const sets = request.set ?? [];
  const deletes = request.delete ?? [];
  const checks = request.check ?? [];
  const operations = [...sets, ...deletes, ...checks];
  if (operations.length === 0) throw kvsErrors.badRequest('a transaction needs at least one operation');
  if (operations.length > MAX_OPERATIONS_PER_REQUEST) {
    throw kvsErrors.badRequest(`a transaction can hold at most ${MAX_OPERATIONS_PER_REQUEST} operations`);
  }
  assertDistinct(operations);

  for (const operation of operations) {
    if (operation.conditions) assertConditionMet(ctx, operation.key, operation.entityName, operation.conditions);
  }
  for (const operation of sets)
    writeItem(ctx, targetFor(ctx, operation.entityName), operation.key, operation.value, operation.options);
  // A transactional delete succeeds whether or not the key exists (forge docs: transactions).
  for (const operation of deletes) deleteItem(ctx, targetFor(ctx, operation.entityName), operation.key);
  return noContent;
}

function assertConditionMet(ctx: KvsContext, key: string, entityName: string | undefined, conditions: Filters): void {
  if (entityName === undefined) throw kvsErrors.badRequest(`conditions on key '${key}' need an entityName`);
  const target: Target = targetFor(ctx, entityName);
  const filters = parseFilters(conditions);
  const attributes = (readItem(ctx, target, key)?.value ?? {}) as Record<string, unknown>;
  if (!filtersMatch(filters, attributes)) {
    throw kvsErrors.conditionFailed(
      `Transaction cancelled: the condition on key '${key}' of entity '${entityName}' is not met`,
    );
  }
}
