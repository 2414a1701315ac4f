import { type KvsContext, KVS, SECRETS, targetFor } from './items';
import { batchDelete, batchGet, batchSet } from './ops/batch';
import { queryEntity } from './ops/entity-query';
import { queryKeys } from './ops/key-query';
import { deleteOne, getOne, setOne } from './ops/single-item';
import { runTransaction } from './ops/transaction';
import { parseRequest, requestSchemas as schemas } from './request-schemas';
import type { KvsOperationKind } from './quota';
import type { KvsResponse } from './response';

type Route = (ctx: KvsContext, body: unknown) => KvsResponse;

/** The `/api/v1/...` paths `@forge/kvs` 1.6.5 posts to (out/storage-api.js). */
export const routes: Readonly<Record<string, Route>> = {
  '/api/v1/get': (ctx, body) => {
    const { key, options } = parseRequest(schemas.get, body);
    return getOne(ctx, KVS, key, options?.metadataFields);
  },
  '/api/v1/set': (ctx, body) => {
    const { key, value, options } = parseRequest(schemas.set, body);
    return setOne(ctx, KVS, key, value, options);
  },
  '/api/v1/delete': (ctx, body) => deleteOne(ctx, KVS, parseRequest(schemas.delete, body).key),
  '/api/v1/query': (ctx, body) => queryKeys(ctx, parseRequest(schemas.query, body)),
  '/api/v1/secret/get': (ctx, body) => {
    const { key, options } = parseRequest(schemas.get, body);
    return getOne(ctx, SECRETS, key, options?.metadataFields);
  },
  '/api/v1/secret/set': (ctx, body) => {
    const { key, value, options } = parseRequest(schemas.set, body);
    return setOne(ctx, SECRETS, key, value, options);
  },
  '/api/v1/secret/delete': (ctx, body) => deleteOne(ctx, SECRETS, parseRequest(schemas.delete, body).key),
  '/api/v1/entity/get': (ctx, body) => {
    const { entityName, key, options } = parseRequest(schemas.entityGet, body);
    return getOne(ctx, targetFor(ctx, entityName), key, options?.metadataFields);
  },
  '/api/v1/entity/set': (ctx, body) => {
    const { entityName, key, value, options } = parseRequest(schemas.entitySet, body);
    return setOne(ctx, targetFor(ctx, entityName), key, value, options);
  },
  '/api/v1/entity/delete': (ctx, body) => {
    const { entityName, key } = parseRequest(schemas.entityDelete, body);
    return deleteOne(ctx, targetFor(ctx, entityName), key);
  },
  '/api/v1/entity/query': (ctx, body) => queryEntity(ctx, parseRequest(schemas.entityQuery, body)),
  '/api/v1/batch/set': (ctx, body) => batchSet(ctx, parseRequest(schemas.batchSet, body)),
  '/api/v1/batch/get': (ctx, body) => batchGet(ctx, parseRequest(schemas.batchGet, body)),
  '/api/v1/batch/delete': (ctx, body) => batchDelete(ctx, parseRequest(schemas.batchDelete, body)),
  '/api/v1/transaction': (ctx, body) => runTransaction(ctx, parseRequest(schemas.transaction, body)),
};

const READS = new Set([
  '/api/v1/get',
  '/api/v1/query',
  '/api/v1/secret/get',
  '/api/v1/entity/get',
  '/api/v1/entity/query',
  '/api/v1/batch/get',
]);

/** How Forge's quotas count an operation: gets and queries read, everything else writes. */
export function operationKind(path: string): KvsOperationKind {
  return READS.has(path) ? 'read' : 'write';
}
