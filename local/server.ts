import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import { RuntimeClock } from './clock';
import {
  createJiraSandbox,
  type JiraExtensionHost,
  type JiraSandboxControl,
  type JiraSettingsUpdate,
} from './jira-sandbox';
import type { CustomFieldModule } from './jira-sandbox/catalog/fields';
import type { EntityPropertyModule } from './jira-sandbox/types';
import { LOCAL_ADMIN_ACCOUNT_ID } from './jira-sandbox/users';
import { createKvsFetch, LocalKvs } from './kvs';
import {
  createRuntimeLog,
  isQuiet,
  LocalForgeRuntime,
  loadManifest,
  PlatformSettings,
  realJiraSiteFromEnv,
  restoreClock,
  type RuntimeSettingsUpdate,
  type TimeLimits,
} from './runtime';
import { afterClockAdvance, createWaveSandbox, type WaveSandboxControl } from './wave-sandbox';
import { WEB_TRIGGER_KEYS } from '../src/adapters/forge/web-triggers';

const REPO_ROOT = path.resolve(__dirname, '..');
const JIRA_SPEC = path.resolve(REPO_ROOT, '../shared/reference/jira-platform-v3.openapi.json');
const WAVE_SCHEMA = path.resolve(REPO_ROOT, '../shared/reference/wave-public-schema.partial.graphql');
const WAVE_WEBHOOK_SECRET_FILE = 'wave-webhook-secret';

export interface LocalStackOptions {
  /** 0 picks a free port. Default 8080. */
  port?: number;
  dataDir: string;
  /** PORT is read by start.ts; this reads HOST, WAVE_*, JIRA_*, LOCAL_LOG. Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** No runtime log lines (also LOCAL_LOG=silent). */
  quiet?: boolean;
  /** Pre-configures the app once everything is up, before health answers ok. */
  seed?: (stack: LocalStack) => Promise<void>;
  /** The app (manifest.yml + src/); default the repository root. */
  appDir?: string;
  /** Shorter Forge time limits, for tests (same as `runtimeSettings.timeLimits`). */
  limits?: Partial<TimeLimits>;
  /**
   * Scheduled triggers of the manifest that do not run (a test about the hourly keeper over 90 simulated days
   * would otherwise spend its time in 26,000 five-minute polls).
   */
  pausedScheduledTriggers?: readonly string[];
  /** Changes to the Jira sandbox's default settings (every Jira behaviour on) for this stack's life. */
  jiraSettings?: JiraSettingsUpdate;
  /** Changes to Forge's limits the runtime and KVS enforce (all on by default) for this stack's life. */
  runtimeSettings?: RuntimeSettingsUpdate;
}

export interface LocalStack {
  baseUrl: string;
  webhookUrl(key: string): string;
  clock: RuntimeClock;
  runtime: LocalForgeRuntime;
  kvs: LocalKvs;
  jira: JiraSandboxControl;
  wave: WaveSandboxControl;
  /** The OAuth client the app should be configured with: real Wave's (WAVE_CLIENT_ID/SECRET) or the sandbox's. */
  waveClient(): WaveClient;
  /** The secret the Wave sandbox signs webhooks with (seeded into the app; never printed). */
  waveSigningSecret: string;
  close(): Promise<void>;
}

export interface WaveClient {
  real: boolean;
  clientId: string;
  clientSecret: string;
}

/**
 * Everything on one port: the Jira sandbox at /jira, the Wave sandbox at /wave, and the Forge
 * runtime running the app (web triggers, /_local controls, Custom UI pages, and the frames of the
 * issue contexts and gadgets that the Jira sandbox's issue and dashboard pages host).
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const env = options.env ?? process.env;
  const appDir = options.appDir ?? REPO_ROOT;
  const log = createRuntimeLog(isQuiet(env, options.quiet));
  const clock = new RuntimeClock();
  restoreClock(clock, options.dataDir);
  const loaded = loadManifest(path.join(appDir, 'manifest.yml'));
  const paused = new Set(options.pausedScheduledTriggers ?? []);
  const manifest = {
    ...loaded,
    scheduledTriggers: loaded.scheduledTriggers.filter((trigger) => !paused.has(trigger.key)),
  };
  const closers: (() => unknown)[] = [];
  let baseUrl = '';

  try {
    const settings = new PlatformSettings(options.runtimeSettings, options.limits);
    const kvs = new LocalKvs({
      dataDir: options.dataDir,
      clock,
      entities: manifest.storageEntities,
      quotas: () => settings.current.kvsQuotas,
    });
    closers.push(() => kvs.close());
    const realJiraSite = realJiraSiteFromEnv(env);
    const realWave = env.WAVE_REAL === '1';
    // The runtime asks the Jira sandbox (created after it) about the places its frames are shown in.
    const jiraHost: { current?: JiraExtensionHost } = {};
    const runtime = new LocalForgeRuntime({
      appDir,
      dataDir: options.dataDir,
      clock,
      baseUrl: () => baseUrl,
      kvsFetch: createKvsFetch(kvs),
      realJiraSite,
      realWave,
      defaultActorAccountId: LOCAL_ADMIN_ACCOUNT_ID,
      log,
      settings,
      kvsUsage: kvs,
      manifest,
      extensionHost: () => jiraHost.current,
    });
    closers.push(() => runtime.close());
    const jira = createJiraSandbox({
      dataDir: options.dataDir,
      clock,
      specPath: JIRA_SPEC,
      baseUrl: () => `${baseUrl}/jira`,
      app: {
        appId: manifest.appAri,
        environmentId: runtime.identity.environmentId,
        customFields: manifest.customFields as unknown as CustomFieldModule[],
        entityProperties: manifest.entityProperties as unknown as EntityPropertyModule[],
      },
      // Forge delivers product events asynchronously; runtime.idle() still waits for them.
      onIssueEvent: (event) => {
        void runtime.deliverProductEvent(event);
      },
      settings: options.jiraSettings,
      extensions: {
        issueContexts: manifest.issueContexts,
        dashboardGadgets: manifest.dashboardGadgets.map((module) => ({
          ...module,
          editable: module.editResource !== undefined,
        })),
        frameUrl: (frame) => runtime.extensionFrameUrl(frame),
        viewer: () => runtime.actor(),
      },
    });
    closers.push(() => jira.close());
    jiraHost.current = jira.host;
    const waveSigningSecret = env.WAVE_WEBHOOK_SECRET || persistedSecret(options.dataDir, WAVE_WEBHOOK_SECRET_FILE);
    const wave = createWaveSandbox({
      dataDir: options.dataDir,
      clock,
      schemaPath: WAVE_SCHEMA,
      signingSecret: waveSigningSecret,
      webhookUrl: async () => runtime.webTriggerUrl(WEB_TRIGGER_KEYS.waveWebhook),
    });
    closers.push(() => wave.close());
    afterClockAdvance(clock, () => wave.control.catchUpWithClock());

    const app = express();
    app.disable('x-powered-by');
    app.use('/jira', jira.router);
    app.use('/wave', wave.router);
    runtime.mount(app);
    app.use((_req, res) => {
      res.status(404).json({ error: 'not found' });
    });

    const host = env.HOST || '127.0.0.1';
    const server = await listen(app, options.port ?? 8080, host);
    closers.push(() => stopServer(server, () => runtime.close()));
    const { port } = server.address() as AddressInfo;
    baseUrl = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;

    const stack: LocalStack = {
      baseUrl,
      webhookUrl: (key) => runtime.webTriggerUrl(key),
      clock,
      runtime,
      kvs,
      jira: jira.control,
      wave: wave.control,
      waveSigningSecret,
      waveClient: () =>
        realWave
          ? { real: true, clientId: env.WAVE_CLIENT_ID ?? '', clientSecret: env.WAVE_CLIENT_SECRET ?? '' }
          : { real: false, ...wave.control.oauthClient() },
      close: () => closeAll(closers),
    };
    if (realJiraSite) log.info(`Jira: product calls go to ${realJiraSite.baseUrl} (basic auth)`);
    if (realWave && !(env.WAVE_CLIENT_ID && env.WAVE_CLIENT_SECRET))
      log.warn('WAVE_REAL=1 without WAVE_CLIENT_ID and WAVE_CLIENT_SECRET');
    // Where "Connect to Wave" sends the browser: a Forge environment variable on a real install.
    if (!realWave) {
      const authorizeUrl = `${baseUrl}/wave/oauth2/authorize/`;
      process.env.WAVE_AUTHORIZE_URL = authorizeUrl;
      closers.push(() => {
        if (process.env.WAVE_AUTHORIZE_URL === authorizeUrl) delete process.env.WAVE_AUTHORIZE_URL;
      });
    }
    if (options.seed) await options.seed(stack);
    runtime.markReady();
    return stack;
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
}

/** A secret generated on first start and kept in DATA_DIR (readable by the owner only). */
function persistedSecret(dataDir: string, fileName: string): string {
  const file = path.join(dataDir, fileName);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function listen(app: express.Express, port: number, host: string): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    const server = http.createServer(app);
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/**
 * Stops taking connections, lets running invocations finish while the sandboxes still answer
 * (`drain`), then drops the remaining keep-alive connections.
 */
async function stopServer(server: http.Server, drain: () => Promise<void>): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  await drain();
  server.closeAllConnections();
  await closed;
}

/** Runs the closers last-registered first: the server, the runtime, the sandboxes, the KVS. */
async function closeAll(closers: (() => unknown)[]): Promise<void> {
  for (const close of closers.splice(0).reverse()) await close();
}
