export { LocalKvs, type LocalKvsOptions } from './local-kvs';
export { createKvsFetch } from './fetch-adapter';
export type { EntityDefinition } from './entity-schema';
export type { KvsResponse } from './response';
