import type { z } from 'zod';
import { compareScalars } from '../compare';
import { clauseMatches, filtersMatch, parseFilters, validateClause, WHERE_CONDITIONS } from '../conditions';
import { decodeCursor, encodeCursor } from '../cursor';
import { type EntityIndex, indexOf } from '../entity-schema';
import { kvsErrors } from '../errors';
import { itemBody } from '../item-body';
import type { StoredItem } from '../item-store';
import { type KvsContext, spaceOf } from '../items';
import { DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT } from '../limits';
import type { requestSchemas } from '../request-schemas';
import { type KvsResponse, ok } from '../response';

type EntityQueryRequest = z.infer<typeof requestSchemas.entityQuery>;

interface IndexEntry {
  item: StoredItem;
  attributes: Record<string, unknown>;
  range: unknown;
}

/**
 * `kvs.entity(name).query().index(name, {partition}).where(...).filters(...).sort(...)`:
 * walks the index in range order (ties by key); entities without the index's attributes
 * are not in it. As in DynamoDB, `limit` counts the index entries read and filters apply
 * to those, so a filtered page can hold fewer results than `limit` and still have a cursor.
 */
export function queryEntity(ctx: KvsContext, request: EntityQueryRequest): KvsResponse {
  const schema = ctx.entities.get(request.entityName);
  const index = indexOf(schema, request.indexName);
  const partition = partitionValues(index, request.partition);
  const limit = pageLimit(request.limit);
  const { range } = request;
  if (range) validateClause(range, WHERE_CONDITIONS);
  const filters = request.filters && parseFilters(request.filters);
  const direction = request.sort === 'DESC' ? -1 : 1;

  const entries = ctx.store
    .all(spaceOf({ kind: 'entity', schema }), ctx.now)
    .map((item) => toEntry(item, index))
    .filter((entry): entry is IndexEntry => entry !== undefined)
    .filter((entry) =>
      index.partition.every((attribute, i) => compareScalars(entry.attributes[attribute], partition[i]) === 0),
    )
    .filter((entry) => !range || clauseMatches(range, entry.range))
    .sort((a, b) => direction * compareEntries(a, b));

  const start = request.cursor === undefined ? 0 : firstAfter(entries, decodePosition(request.cursor), direction);
  const scanned = entries.slice(start, start + limit);
  const last = scanned[scanned.length - 1];
  const hasMore = start + limit < entries.length && last !== undefined;
  const results = filters ? scanned.filter((entry) => filtersMatch(filters, entry.attributes)) : scanned;
  const metadataFields = request.options?.metadataFields ?? request.metadataFields;
  return ok({
    data: results.map((entry) => itemBody(entry.item, metadataFields)),
    ...(hasMore ? { cursor: encodeCursor({ range: last.range, key: last.item.key }) } : {}),
  });
}

function toEntry(item: StoredItem, index: EntityIndex): IndexEntry | undefined {
  const attributes = item.value as Record<string, unknown>;
  const indexed = [index.range, ...index.partition].every((attribute) => Object.hasOwn(attributes, attribute));
  return indexed ? { item, attributes, range: attributes[index.range] } : undefined;
}

function partitionValues(index: EntityIndex, partition: unknown[] | undefined): unknown[] {
  const given = partition ?? [];
  if (given.length !== index.partition.length) {
    throw kvsErrors.badRequest(
      index.partition.length === 0
        ? `index '${index.name}' has no partition`
        : `index '${index.name}' needs a partition value for each of: ${index.partition.join(', ')}`,
    );
  }
  return given;
}

function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_QUERY_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT) {
    throw kvsErrors.complexQueryPageLimitNotInRange(`The page limit must be set between 1 and ${MAX_QUERY_LIMIT}`);
  }
  return limit;
}

interface Position {
  range: unknown;
  key: string;
}

function decodePosition(cursor: string): Position {
  const { range, key } = decodeCursor(cursor);
  if (typeof key !== 'string') throw kvsErrors.badRequest('the cursor is not one this store returned');
  return { range, key };
}

function firstAfter(entries: IndexEntry[], position: Position, direction: number): number {
  const at = entries.findIndex(
    (entry) => direction * comparePositions({ range: entry.range, key: entry.item.key }, position) > 0,
  );
  return at === -1 ? entries.length : at;
}

function compareEntries(a: IndexEntry, b: IndexEntry): number {
  return comparePositions({ range: a.range, key: a.item.key }, { range: b.range, key: b.item.key });
}

function comparePositions(a: Position, b: Position): number {
  return orderOf(a.range, b.range) || (compareScalars(a.key, b.key) ?? 0);
}

// An `any` attribute can hold values of several types: group them by type, then order within.
const TYPE_RANK = ['boolean', 'number', 'string', 'object'];
function orderOf(a: unknown, b: unknown): number {
  return compareScalars(a, b) ?? TYPE_RANK.indexOf(typeof a) - TYPE_RANK.indexOf(typeof b);
}
