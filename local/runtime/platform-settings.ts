import { z } from 'zod';
import { parseInput } from '../input';
import { FORGE_KVS_QUOTAS, type KvsQuotaSettings } from '../kvs';
import {
  FORGE_QUEUE_LIMITS,
  FORGE_TIME_LIMITS,
  type QueueLimitSettings,
  type TimeLimits,
  type TimeLimitSettings,
} from './limits';

/** Forge's limits the local platform enforces, each on by default and switchable at runtime. */
export interface RuntimeSettings {
  kvsQuotas: KvsQuotaSettings;
  queueLimits: QueueLimitSettings;
  timeLimits: TimeLimitSettings;
}

const count = z.number().int().min(1).max(100_000_000);
const section = <T extends z.ZodRawShape>(shape: T) =>
  z.union([z.boolean(), z.object({ enabled: z.boolean().optional(), ...shape }).strict()]).optional();

/** A partial update: `false`/`true` switches a section, an object changes its numbers. */
export const runtimeSettingsUpdateSchema = z
  .object({
    kvsQuotas: section({
      readsPerMinute: count.optional(),
      writesPerMinute: count.optional(),
      requestsPerSecond: count.optional(),
    }),
    queueLimits: section({
      eventsPerMinute: count.optional(),
      eventsPerPush: count.optional(),
      bytesPerPush: count.optional(),
      bytesPerEventLongConsumer: count.optional(),
    }),
    timeLimits: section({
      webTriggerMs: count.optional(),
      functionMs: count.optional(),
      longRunningMaxMs: count.optional(),
    }),
  })
  .strict();

export type RuntimeSettingsUpdate = z.input<typeof runtimeSettingsUpdateSchema>;

export const DEFAULT_RUNTIME_SETTINGS: RuntimeSettings = {
  kvsQuotas: FORGE_KVS_QUOTAS,
  queueLimits: FORGE_QUEUE_LIMITS,
  timeLimits: { enabled: true, ...FORGE_TIME_LIMITS },
};

/** The live settings; not persisted: every start begins with Forge's limits (plus the given overrides). */
export class PlatformSettings {
  private settings: RuntimeSettings = structuredClone(DEFAULT_RUNTIME_SETTINGS);

  constructor(initial: RuntimeSettingsUpdate = {}, timeLimits: Partial<TimeLimits> = {}) {
    this.update({ ...initial, timeLimits: mergeTimeLimits(initial.timeLimits, timeLimits) });
  }

  get current(): RuntimeSettings {
    return this.settings;
  }

  /** Bad input throws InvalidInputError and changes nothing. */
  update(update: unknown): RuntimeSettings {
    const parsed = parseInput(runtimeSettingsUpdateSchema, update);
    const next = structuredClone(this.settings);
    for (const name of ['kvsQuotas', 'queueLimits', 'timeLimits'] as const) {
      const change = parsed[name];
      if (typeof change === 'boolean') next[name].enabled = change;
      else if (change)
        Object.assign(
          next[name],
          Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)),
        );
    }
    this.settings = next;
    return this.settings;
  }
}

/** The older `limits` option (shorter time limits for tests) folds into the `timeLimits` section. */
function mergeTimeLimits(
  section: RuntimeSettingsUpdate['timeLimits'],
  limits: Partial<TimeLimits>,
): RuntimeSettingsUpdate['timeLimits'] {
  if (Object.keys(limits).length === 0) return section;
  if (typeof section === 'boolean') return { enabled: section, ...limits };
  return { ...limits, ...section };
}
