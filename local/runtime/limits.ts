/** Forge's invocation limits (platform-facts.md, "Forge runtime"). */
export const WEB_TRIGGER_TIMEOUT_MS = 55_000;
export const FUNCTION_TIMEOUT_MS = 25_000;
/** `timeoutSeconds` may raise scheduled triggers and queue consumers up to this. */
export const LONG_RUNNING_MAX_TIMEOUT_MS = 900_000;
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Retries Forge grants one async event after its first delivery. */
export const MAX_EVENT_RETRIES = 4;
export const MAX_RETRY_AFTER_SECONDS = 900;
/** Consumer invocations running at once in this process. */
export const DEFAULT_QUEUE_CONCURRENCY = 5;
/** Forge refuses `timeoutSeconds` above this (manifest schema; forge docs: limits-invocation). */
export const MAX_TIMEOUT_SECONDS = 900;
/** Consumers with a longer timeout take smaller events (forge docs: limits-async-events). */
export const SHORT_CONSUMER_TIMEOUT_SECONDS = 55;

/** Async events limits per installation (forge docs: limits-async-events; `@forge/events` checks the per-push ones too). */
export interface QueueLimitSettings {
  enabled: boolean;
  eventsPerMinute: number;
  eventsPerPush: number;
  bytesPerPush: number;
  /** For consumers whose function's `timeoutSeconds` is above 55. */
  bytesPerEventLongConsumer: number;
}

export const FORGE_QUEUE_LIMITS: QueueLimitSettings = {
  enabled: true,
  eventsPerMinute: 500,
  eventsPerPush: 50,
  bytesPerPush: 200 * 1024,
  bytesPerEventLongConsumer: 100 * 1024,
};

export type ModuleKind = 'webtrigger' | 'resolver' | 'scheduledTrigger' | 'consumer' | 'trigger';

export interface TimeLimits {
  webTriggerMs: number;
  functionMs: number;
  longRunningMaxMs: number;
}

export const FORGE_TIME_LIMITS: TimeLimits = {
  webTriggerMs: WEB_TRIGGER_TIMEOUT_MS,
  functionMs: FUNCTION_TIMEOUT_MS,
  longRunningMaxMs: LONG_RUNNING_MAX_TIMEOUT_MS,
};

/** Forge's time limits, switchable: off, an invocation runs as long as it likes. */
export interface TimeLimitSettings extends TimeLimits {
  enabled: boolean;
}

/** How long one invocation of a module may run (Infinity with time limits off). */
export function invocationTimeoutMs(
  kind: ModuleKind,
  timeoutSeconds: number | undefined,
  limits: TimeLimitSettings,
): number {
  if (!limits.enabled) return Infinity;
  switch (kind) {
    case 'webtrigger':
      return limits.webTriggerMs;
    case 'scheduledTrigger':
    case 'consumer':
      return timeoutSeconds === undefined
        ? limits.functionMs
        : Math.min(timeoutSeconds * 1000, limits.longRunningMaxMs);
    default:
      return limits.functionMs;
  }
}
