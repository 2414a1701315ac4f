import path from 'node:path';
import express from 'express';
import type { RuntimeClock } from '../clock';
import { handleBridgeCall, type BridgeOptions } from './bridge';
import { createControlRouter, type TimeControlAnswer } from './control-router';
import { createPageRouter, extensionFrameUrl, MODULE_FRAMES_PATH } from './custom-ui';
import type { ExtensionFrame, ExtensionHost } from './extension-host';
import { createEgressFetch } from './egress';
import { createForgeFetch } from './forge-fetch';
import { installClockAsDate } from './clock-date';
import { installForgeGlobals, originalFetch } from './forge-globals';
import { loadHandlers } from './handlers';
import { contextAriOf, installationIdentity, type InstallationIdentity } from './invocation-runtime';
import { Invoker, type InvocationOutcome, type InvocationRecord, type InvokeRequest } from './invoker';
import { createJiraTarget, type RealJiraSite } from './jira-target';
import type { KvsUsage } from '../kvs';
import { DEFAULT_QUEUE_CONCURRENCY, type TimeLimits } from './limits';
import type { RuntimeLog } from './log';
import { loadManifest, type AppManifest } from './manifest';
import { PlatformSettings } from './platform-settings';
import type { QueueUsage } from './queue-limits';
import { QueueService } from './queue-service';
import { RuntimeStateFile } from './runtime-state';
import { Scheduler } from './scheduler';
import { Serial } from './serial';
import { createStargate } from './stargate';
import { createWebTriggerRouter } from './webtrigger-router';

export interface ForgeRuntimeOptions {
  /** Holds manifest.yml and src/ (handlers `index.<export>` load from src/index.ts). */
  appDir: string;
  dataDir: string;
  /** Its offset should already be restored with `restoreClock` (KVS and sandboxes share it). */
  clock: RuntimeClock;
  /** Public base of the stack, e.g. `http://127.0.0.1:8080`, known once the server listens. */
  baseUrl: () => string;
  kvsFetch: (path: string, init?: { body?: string | null }) => Promise<Response>;
  /** Set to use a real Jira site instead of the sandbox at `<baseUrl>/jira`. */
  realJiraSite?: RealJiraSite;
  /** True to let the app reach real Wave instead of the sandbox at `<baseUrl>/wave`. */
  realWave?: boolean;
  /** Who uses the Custom UI pages unless `POST /_local/actor` or `?as=` says otherwise. */
  defaultActorAccountId: string;
  log: RuntimeLog;
  /** Forge's limits (KVS quotas, queue limits, time limits), shared with the KVS; default: all on. */
  settings?: PlatformSettings;
  /** Shorter time limits, when `settings` is not given. */
  limits?: Partial<TimeLimits>;
  /** The KVS's usage counters, for `/_local/usage`. */
  kvsUsage?: { usage(): KvsUsage; resetUsage(): void };
  queueConcurrency?: number;
  /** Loaded from `<appDir>/manifest.yml` unless given. */
  manifest?: AppManifest;
  /** The Jira that hosts the app's issue contexts and gadgets (the sandbox), once it exists. */
  extensionHost?: () => ExtensionHost | undefined;
}

/** What the installation used of the platform since the start or the last reset (for the bench). */
export interface PlatformUsage {
  kvs?: KvsUsage;
  queue: QueueUsage;
}

/** A product event as Forge hands it to `trigger` modules (`eventType` like `avi:jira:updated:issue`). */
export interface ProductEvent {
  eventType: string;
  [field: string]: unknown;
}

/**
 * The Forge platform for one app on this machine: loads the manifest and handlers, and runs
 * web triggers, scheduled triggers, queue consumers, product triggers and Custom UI resolvers as
 * Forge invocations.
 */
export class LocalForgeRuntime {
  readonly manifest: AppManifest;
  readonly identity: InstallationIdentity;
  readonly settings: PlatformSettings;
  private readonly invoker: Invoker;
  private readonly queues: QueueService;
  private readonly scheduler: Scheduler;
  private readonly state: RuntimeStateFile;
  private readonly serial = new Serial();
  private readonly productInvocations = new Set<Promise<void>>();
  private readonly releaseGlobals: () => void;
  private readonly bridgeOptions: BridgeOptions;
  private actorAccountId: string;
  private ready = false;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: ForgeRuntimeOptions) {
    this.manifest = options.manifest ?? loadManifest(path.join(options.appDir, 'manifest.yml'));
    this.identity = installationIdentity(this.manifest);
    this.settings = options.settings ?? new PlatformSettings({}, options.limits);
    this.state = new RuntimeStateFile(options.dataDir);
    this.actorAccountId = options.defaultActorAccountId;
    const fetch = originalFetch();
    const jira = createJiraTarget({
      sandboxUrl: () => `${options.baseUrl()}/jira`,
      realSite: options.realJiraSite,
      fetch,
    });
    this.queues = new QueueService({
      consumers: this.manifest.consumers,
      clock: options.clock,
      invoke: (request) => this.invoke(request),
      consumerContext: () => this.invocationContext(),
      concurrency: options.queueConcurrency ?? DEFAULT_QUEUE_CONCURRENCY,
      log: options.log,
      limits: () => this.settings.current.queueLimits,
      timeoutSecondsOf: (functionKey) => this.manifest.functions.get(functionKey)?.timeoutSeconds,
    });
    const stargate = createStargate({
      webTriggerKeys: this.manifest.webTriggers.map((trigger) => trigger.key),
      webTriggerUrl: (key) => this.webTriggerUrl(key),
      queues: this.queues,
    });
    const releaseForgeGlobals = installForgeGlobals();
    const releaseClockDate = installClockAsDate(options.clock);
    this.releaseGlobals = () => {
      releaseClockDate();
      releaseForgeGlobals();
    };
    try {
      this.invoker = new Invoker({
        manifest: this.manifest,
        handlers: loadHandlers(options.appDir, this.manifest),
        identity: this.identity,
        timeLimits: () => this.settings.current.timeLimits,
        log: options.log,
        forgeFetch: createForgeFetch({ kvs: options.kvsFetch, jira, stargate }),
        egressFetch: createEgressFetch({
          allowed: this.manifest.egressBackend,
          waveSandboxUrl: () => (options.realWave ? undefined : `${options.baseUrl()}/wave`),
          fetch,
        }),
      });
    } catch (error) {
      this.releaseGlobals();
      throw error;
    }
    this.scheduler = new Scheduler({
      triggers: this.manifest.scheduledTriggers,
      clock: options.clock,
      state: this.state,
      invoke: (request) => this.invoke(request),
      triggerEvent: (moduleKey) => [
        { context: { cloudId: this.identity.cloudId, moduleKey } },
        this.invocationContext(),
      ],
      onDue: () => void this.serial.run(() => this.scheduler.runDue(() => this.idle())),
    });
    this.bridgeOptions = {
      modules: this.manifest.uiModules,
      identity: this.identity,
      baseUrl: options.baseUrl,
      host: () => options.extensionHost?.(),
      siteUrl: () => options.realJiraSite?.baseUrl ?? `${options.baseUrl()}/jira`,
      invoke: (request) => this.invoke(request),
      jira,
      actor: () => this.actorAccountId,
    };
  }

  /**
   * Mounts `/webtrigger`, `/_local`, the Custom UI pages (`/admin`, `/projects/:key/settings`) and the frames
   * of issue contexts and gadgets (`/modules/<key>/`, `/modules/<key>/edit/`).
   */
  mount(app: express.Express): void {
    app.use(
      '/webtrigger',
      createWebTriggerRouter({
        webTriggers: this.manifest.webTriggers,
        warn: (message) => this.options.log.warn(message),
        cloudId: this.identity.cloudId,
        invoke: (request) => this.invoke(request),
        invocationContext: () => this.invocationContext(),
      }),
    );
    app.use(
      '/_local',
      createControlRouter({
        isReady: () => this.ready,
        now: () => this.options.clock.now(),
        advanceClock: (ms) => this.advanceClock(ms),
        runScheduled: (key) => this.runScheduled(key),
        actor: () => this.actorAccountId,
        setActor: (accountId) => {
          this.actorAccountId = accountId;
        },
        bridge: (name, origin, payload) => handleBridgeCall(this.bridgeOptions, name, origin, payload),
        settings: this.settings,
        usage: () => this.usage(),
        resetUsage: () => this.resetUsage(),
      }),
    );
    const mountPoints = { 'jira:adminPage': '/admin', 'jira:projectSettingsPage': '/projects/:key/settings' } as const;
    const resourceDir = (resource: string) =>
      path.resolve(this.options.appDir, this.manifest.resources.get(resource) as string);
    for (const type of Object.keys(mountPoints) as (keyof typeof mountPoints)[]) {
      const page = this.manifest.pages.find((candidate) => candidate.type === type);
      if (page) app.use(mountPoints[type], createPageRouter(page, resourceDir(page.resource)));
    }
    for (const module of [...this.manifest.issueContexts, ...this.manifest.dashboardGadgets]) {
      const mountPath = `${MODULE_FRAMES_PATH}/${module.key}`;
      if (module.type === 'jira:dashboardGadget' && module.editResource)
        app.use(`${mountPath}/edit`, createPageRouter(module, resourceDir(module.editResource), 'edit'));
      app.use(mountPath, createPageRouter(module, resourceDir(module.resource)));
    }
  }

  /** The URL (path and query) of an issue context's or a gadget's frame, for the page that hosts it. */
  extensionFrameUrl(frame: ExtensionFrame): string {
    return extensionFrameUrl(frame);
  }

  /** The user Custom UI acts as when a frame names none (`POST /_local/actor`; default the local admin). */
  actor(): string {
    return this.actorAccountId;
  }

  webTriggerUrl(key: string): string {
    return `${this.options.baseUrl()}/webtrigger/${key}`;
  }

  /** The last invocations (module, kind, outcome, ms), oldest first: for tests and diagnostics. */
  invocationHistory(): InvocationRecord[] {
    return this.invoker.history();
  }

  usage(): PlatformUsage {
    return { ...(this.options.kvsUsage ? { kvs: this.options.kvsUsage.usage() } : {}), queue: this.queues.usage() };
  }

  resetUsage(): void {
    this.options.kvsUsage?.resetUsage();
    this.queues.resetUsage();
  }

  /** Runs code (seeding, diagnostics) with the app's identity, KVS and product access. */
  runAsApp<T>(work: () => Promise<T>): Promise<T> {
    return this.invoker.runAsApp(work);
  }

  /** Health answers ok from now on. */
  markReady(): void {
    this.ready = true;
  }

  /** Invokes every `trigger` module listening to `event.eventType`; resolves when they have run. */
  deliverProductEvent(event: ProductEvent): Promise<void> {
    const delivery = (async () => {
      const triggers = this.manifest.productTriggers.filter((trigger) => trigger.events.includes(event.eventType));
      await Promise.all(
        triggers.map((trigger) =>
          this.invoke({
            functionKey: trigger.function,
            moduleKey: trigger.key,
            kind: 'trigger',
            args: [event, this.invocationContext()],
          }),
        ),
      );
    })();
    this.productInvocations.add(delivery);
    void delivery.finally(() => this.productInvocations.delete(delivery));
    return delivery;
  }

  /**
   * Moves the clock forward by `ms`, step by step: at each time a scheduled run or a delayed queue
   * event falls due, it runs it (in order) and waits for all queue work it started.
   */
  advanceClock(ms: number): Promise<TimeControlAnswer> {
    return this.serial.run(async () => {
      const { clock } = this.options;
      const target = clock.now() + ms;
      const runs = [];
      await this.idle();
      for (;;) {
        const next = Math.min(this.scheduler.nextDueAt() ?? Infinity, this.queues.nextDueAt() ?? Infinity);
        if (next > target) break;
        if (next > clock.now()) clock.advance(next - clock.now());
        this.state.saveClockOffset(clock.offset);
        runs.push(...(await this.scheduler.runDue(() => this.idle())));
        await this.idle();
      }
      if (target > clock.now()) clock.advance(target - clock.now());
      this.state.saveClockOffset(clock.offset);
      return { now: new Date(clock.now()).toISOString(), runs };
    });
  }

  /** Runs one scheduled trigger now and waits for the queue work it started. */
  runScheduled(key: string): Promise<TimeControlAnswer> {
    return this.serial.run(async () => {
      const run = await this.scheduler.runNow(key);
      await this.idle();
      return { now: new Date(this.options.clock.now()).toISOString(), runs: [run] };
    });
  }

  /** Resolves when no consumer or product trigger is running and no due queue event waits. */
  async idle(): Promise<void> {
    for (;;) {
      await this.queues.idle();
      if (this.productInvocations.size === 0) return;
      await Promise.allSettled([...this.productInvocations]);
    }
  }

  /** Stops timers, waits for running invocations, and releases the globals. Idempotent. */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    this.ready = false;
    this.scheduler.close();
    await this.serial.run(async () => {});
    this.queues.close();
    await this.invoker.drain();
    this.releaseGlobals();
  }

  private invoke(request: InvokeRequest): Promise<InvocationOutcome> {
    return this.invoker.invoke(request);
  }

  /** The second argument Forge passes to event-style handlers. */
  private invocationContext(): Record<string, unknown> {
    return { installContext: contextAriOf(this.identity) };
  }
}

/** Puts the clock back at the simulated time a previous run of the stack left it. */
export function restoreClock(clock: RuntimeClock, dataDir: string): void {
  clock.restoreOffset(new RuntimeStateFile(dataDir).clockOffsetMs);
}
