export {
  LocalForgeRuntime,
  restoreClock,
  type ForgeRuntimeOptions,
  type PlatformUsage,
  type ProductEvent,
} from './forge-runtime';
export {
  DEFAULT_RUNTIME_SETTINGS,
  PlatformSettings,
  type RuntimeSettings,
  type RuntimeSettingsUpdate,
} from './platform-settings';
export { InvocationKilledError } from './killed-invocation';
export type { QueueUsage } from './queue-limits';
export {
  loadManifest,
  type AppManifest,
  type DashboardGadgetModule,
  type IssueContextModule,
  type UiModule,
} from './manifest';
export type { ExtensionFrame, ExtensionHost, GadgetPlace, IssueContextPlace } from './extension-host';
export { originalFetch } from './forge-globals';
export { realJiraSiteFromEnv, type RealJiraSite } from './jira-target';
export { createRuntimeLog, isQuiet, type RuntimeLog } from './log';
export { FORGE_QUEUE_LIMITS, type QueueLimitSettings, type TimeLimits, type TimeLimitSettings } from './limits';
export type { TimeControlAnswer } from './control-router';
export type { ScheduledRun } from './scheduler';
export { LOCAL_CLOUD_ID, LOCAL_ENVIRONMENT_ID, LOCAL_INSTALLATION_ID } from './invocation-runtime';
export type { InvocationRecord } from './invoker';
export { LOCAL_FAILURE_HEADER } from './webtrigger-router';
