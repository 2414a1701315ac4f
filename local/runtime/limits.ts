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

/** How long one invocation of a module may run. */
export function invocationTimeoutMs(kind: ModuleKind, timeoutSeconds: number | undefined, limits: TimeLimits): number {
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
