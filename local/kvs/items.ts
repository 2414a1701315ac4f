import { type EntityRegistry, type EntitySchema, validateEntityValue } from './entity-schema';
import { kvsErrors } from './errors';
import type { ItemStore, StoredItem } from './item-store';
import { validateKey, validateValue } from './limits';
import type { Ttl } from './request-schemas';

/**
 * Reading, writing and deleting one item with Forge's rules, shared by the single,
 * batch and transaction operations.
 */
export type Target = { kind: 'kvs' } | { kind: 'secret' } | { kind: 'entity'; schema: EntitySchema };

/** What one operation works with; `now` is read once from the injected clock per request. */
export interface KvsContext {
  store: ItemStore;
  entities: EntityRegistry;
  now: number;
}

export interface WriteOptions {
  ttl?: Ttl;
  keyPolicy?: 'OVERRIDE' | 'FAIL_IF_EXISTS';
}

const TTL_UNIT_MS: Record<Ttl['unit'], number> = {
  SECONDS: 1_000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000,
};

export const KVS: Target = { kind: 'kvs' };
export const SECRETS: Target = { kind: 'secret' };

/** Plain keys when no entity is named (batch and transaction items), else that entity. */
export function targetFor(ctx: KvsContext, entityName: string | undefined): Target {
  return entityName === undefined ? KVS : { kind: 'entity', schema: ctx.entities.get(entityName) };
}

export function spaceOf(target: Target): string {
  return target.kind === 'entity' ? `entity:${target.schema.name}` : target.kind;
}

export function validateTargetKey(target: Target, key: string): void {
  validateKey(key, target.kind === 'entity' ? 'EMPTY_KEY' : 'KEY_TOO_SHORT');
}

export function readItem(ctx: KvsContext, target: Target, key: string): StoredItem | undefined {
  validateTargetKey(target, key);
  return ctx.store.find(spaceOf(target), key, ctx.now);
}

export function writeItem(
  ctx: KvsContext,
  target: Target,
  key: string,
  value: unknown,
  options: WriteOptions = {},
): { previous?: StoredItem; current: StoredItem } {
  validateTargetKey(target, key);
  const serialized = validateValue(value);
  if (target.kind === 'entity') validateEntityValue(target.schema, value);

  const space = spaceOf(target);
  const previous = ctx.store.find(space, key, ctx.now);
  if (previous && options.keyPolicy === 'FAIL_IF_EXISTS') throw kvsErrors.keyConflict();

  const current: StoredItem = {
    key,
    value: JSON.parse(serialized),
    createdAt: previous?.createdAt ?? ctx.now,
    updatedAt: ctx.now,
    expiresAt: options.ttl ? ctx.now + options.ttl.value * TTL_UNIT_MS[options.ttl.unit] : null,
  };
  ctx.store.put(space, current, serialized);
  return previous ? { previous, current } : { current };
}

/** Answers whether a live item was deleted. */
export function deleteItem(ctx: KvsContext, target: Target, key: string): boolean {
  validateTargetKey(target, key);
  return ctx.store.remove(spaceOf(target), key, ctx.now);
}
