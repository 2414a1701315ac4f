export { LocalKvs, type LocalKvsOptions } from './local-kvs';
export { createKvsFetch } from './fetch-adapter';
export type { EntityDefinition } from './entity-schema';
export type { KvsResponse } from './response';
export { FORGE_KVS_QUOTAS, type KvsQuotaSettings, type KvsUsage } from './quota';
