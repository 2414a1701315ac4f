import { kvs } from './kvs';

/** Several keys in one KVS request, by the names the caller gave them (undefined: no such key). */
export async function batchRead<K extends string>(keys: Record<K, string>): Promise<Record<K, unknown>> {
  const { successfulKeys } = await kvs.batchGet<unknown>(Object.values<string>(keys).map((key) => ({ key })));
  const byKey = new Map(successfulKeys.map((item) => [item.key, item.value]));
  return Object.fromEntries(Object.entries<string>(keys).map(([name, key]) => [name, byKey.get(key)])) as Record<
    K,
    unknown
  >;
}
