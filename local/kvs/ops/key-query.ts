import { validateClause } from '../conditions';
import { decodeCursor, encodeCursor } from '../cursor';
import { kvsErrors } from '../errors';
import { itemBody } from '../item-body';
import { KVS, type KvsContext, spaceOf } from '../items';
import { DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT } from '../limits';
import type { requestSchemas } from '../request-schemas';
import { type KvsResponse, ok } from '../response';
import type { z } from 'zod';

type QueryRequest = z.infer<typeof requestSchemas.query>;

/**
 * `kvs.query()`: plain keys only (never secrets or entities), in key order, at most one
 * `where('key', beginsWith(...))` (the only condition Forge's KVS query supports).
 */
export function queryKeys(ctx: KvsContext, request: QueryRequest): KvsResponse {
  const limit = pageLimit(request.limit);
  const prefix = keyPrefix(request.where ?? []);
  const afterKey = request.after === undefined ? undefined : cursorKey(request.after);

  const items = ctx.store.scanKeys(spaceOf(KVS), { prefix, afterKey, limit: limit + 1 }, ctx.now);
  const page = items.slice(0, limit);
  const last = page[page.length - 1];
  const hasMore = items.length > limit && last !== undefined;
  return ok({
    data: page.map((item) => itemBody(item, request.options?.metadataFields)),
    ...(hasMore ? { cursor: encodeCursor({ key: last.key }) } : {}),
  });
}

function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_QUERY_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw kvsErrors.badRequest('limit must be a positive integer');
  if (limit > MAX_QUERY_LIMIT)
    throw kvsErrors.listQueryLimitExceeded(`Limit for list query should be at most ${MAX_QUERY_LIMIT}`);
  return limit;
}

function keyPrefix(where: NonNullable<QueryRequest['where']>): string | undefined {
  if (where.length > 1) throw kvsErrors.queryWhereInvalid('KVS queries should contain only a single "where" clause');
  const clause = where[0];
  if (!clause) return undefined;
  if (clause.property !== 'key')
    throw kvsErrors.queryWhereFieldInvalid(`Field '${clause.property}' is not supported for filters`);
  validateClause(clause, ['BEGINS_WITH']);
  return String(clause.values[0]);
}

function cursorKey(cursor: string): string {
  const { key } = decodeCursor(cursor);
  if (typeof key !== 'string') throw kvsErrors.badRequest('the cursor is not one this store returned');
  return key;
}
