import { randomBytes } from 'node:crypto';
import express from 'express';
import type { Clock } from '../clock';
import { GraphqlTraffic } from './graphql-traffic';
import { DocStore } from '../persistence/doc-store';
import { graphqlRouter, loadWaveSchema } from './graphql-route';
import { WaveNotifier } from './notifier';
import { OAuthStore, type TokenResponse } from './oauth-store';
import { oauthRouter, type OAuthClient } from './oauth-routes';
import { SandboxApi } from './sandbox-api';
import { sandboxRouter } from './sandbox-routes';
import { WaveState } from './state';
import { DEFAULT_RETRY_POLICY, WebhookSender, type DeliveryStatus, type RetryPolicy } from './webhook-sender';

export const LOCAL_WAVE_CLIENT_ID = 'local-wave-client';
export const DEFAULT_WAVE_SCOPE = 'business:read customer:read invoice:read';

export interface WaveSandboxOptions {
  dataDir: string;
  clock: Clock;
  /** ../shared/reference/wave-public-schema.partial.graphql */
  schemaPath: string;
  /** The secret webhooks are signed with (WAVE_WEBHOOK_SECRET or the generated one in DATA_DIR). */
  signingSecret: string;
  /** The app's wave-webhook trigger URL, asked again before every attempt. */
  webhookUrl: () => Promise<string>;
  /** Secret of the seeded OAuth client `local-wave-client`; when absent one is generated once and kept in wave.sqlite. */
  clientSecret?: string;
  /** Webhook retry timing (tests shorten it). */
  retry?: Partial<RetryPolicy>;
}

export interface WaveSandboxControl {
  readonly businessId: string;
  /** The OAuth client the app is configured with locally. */
  oauthClient(): OAuthClient;
  /** A fresh token pair for the seeded business, as the token endpoint would return it. */
  issueTokens(scope?: string): TokenResponse;
  revokeAll(): void;
  expireAccessTokens(): void;
  /** refresh_token grants served since this sandbox started. */
  readonly refreshGrantCount: number;
  /** The /_sandbox endpoints, in-process: same input, same answers, same 400s as SandboxInputError. */
  readonly api: SandboxApi;
  deliveries(): DeliveryStatus[];
  whenDeliveriesSettled(): Promise<void>;
  /**
   * Turns invoices whose due date the clock has passed into OVERDUE and sends `invoice.overdue`.
   * Every sandbox call does it first; call it after moving the clock (`afterClockAdvance` wires that).
   */
  catchUpWithClock(): void;
  /** GraphQL requests served since the start (or `resetStats()`), faulted ones included. */
  readonly graphqlRequests: number;
  resetStats(): void;
  /** As `POST /_sandbox/faults`: `{graphql: {status, times, retryAfterSeconds?}}`; `times: 0` clears. */
  setFaults(input: unknown): { graphql: { status: number; times: number | null } | null };
}

export interface WaveSandbox {
  router: express.Router;
  control: WaveSandboxControl;
  close(): void;
}

/** Wave's GraphQL API, OAuth 2 and webhook sender, durable in DATA_DIR/wave.sqlite, mounted at /wave. */
export function createWaveSandbox(options: WaveSandboxOptions): WaveSandbox {
  const schema = loadWaveSchema(options.schemaPath);
  const state = new WaveState(options.dataDir, options.clock);
  const store = new OAuthStore(state.db, options.clock);
  const client: OAuthClient = {
    clientId: LOCAL_WAVE_CLIENT_ID,
    clientSecret: options.clientSecret ?? generatedClientSecret(state),
  };
  const sender = new WebhookSender({
    clock: options.clock,
    signingSecret: options.signingSecret,
    webhookUrl: options.webhookUrl,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
  });
  const notifier = new WaveNotifier(state, sender, () => store.latestGrantScope());
  const api = new SandboxApi(state, notifier, sender);
  const traffic = new GraphqlTraffic();

  let closed = false;
  const router = express.Router();
  // Wave keeps its invoices' statuses current; here the first request after the clock moved does it.
  router.use((_req, _res, next) => {
    api.catchUpWithClock();
    next();
  });
  router.use('/graphql/public', traffic.middleware);
  router.use(graphqlRouter(schema, state, store));
  router.get('/_sandbox/faults', (_req, res) => void res.json(traffic.faults()));
  router.post('/_sandbox/faults', (req, res) => void res.json(traffic.setFaults(req.body)));
  router.get('/_sandbox/stats', (_req, res) => void res.json({ graphqlRequests: traffic.requests }));
  router.use(oauthRouter(state, store, client));
  router.use(sandboxRouter(api, sender));

  const control: WaveSandboxControl = {
    businessId: state.business.id,
    oauthClient: () => ({ ...client }),
    issueTokens: (scope = DEFAULT_WAVE_SCOPE) =>
      store.issueTokens({
        clientId: client.clientId,
        businessId: state.business.id,
        userId: state.business.user.id,
        scope,
      }),
    revokeAll: () => store.revokeAll(),
    expireAccessTokens: () => store.expireAccessTokens(),
    get refreshGrantCount() {
      return store.refreshGrantCount;
    },
    api,
    deliveries: () => sender.list(),
    whenDeliveriesSettled: () => sender.whenSettled(),
    get graphqlRequests() {
      return traffic.requests;
    },
    resetStats: () => traffic.reset(),
    setFaults: (input) => traffic.setFaults(input),
    catchUpWithClock: () => {
      if (!closed) api.catchUpWithClock();
    },
  };

  return {
    router,
    control,
    close() {
      if (closed) return;
      closed = true;
      sender.close();
      state.close();
    },
  };
}

function generatedClientSecret(state: WaveState): string {
  const settings = new DocStore<{ clientSecret: string }>(state.db, 'oauth-client');
  const existing = settings.get(LOCAL_WAVE_CLIENT_ID);
  if (existing) return existing.clientSecret;
  const clientSecret = randomBytes(24).toString('base64url');
  settings.put(LOCAL_WAVE_CLIENT_ID, { clientSecret });
  return clientSecret;
}

export type { DeliveryStatus, RetryPolicy, WebhookFormat } from './webhook-sender';
export type { DeliveryAnswer } from './notifier';
export type { SandboxSettings } from './records';
export { afterClockAdvance } from './clock-hook';
export type { TokenResponse } from './oauth-store';
export type { OAuthClient } from './oauth-routes';
export { SandboxInputError } from './sandbox-input';
