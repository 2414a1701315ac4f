import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ForgeRuntime, Metrics } from '@forge/api/out/api/runtime';
import type { ModuleKind } from './limits';
import type { AppManifest } from './manifest';

/** Who this local installation is: fixed ids, so stored data and URLs survive restarts. */
export interface InstallationIdentity {
  appId: string;
  environmentId: string;
  installationId: string;
  cloudId: string;
}

export const LOCAL_ENVIRONMENT_ID = '5c7a1d2e-0000-4000-8000-00000000e0e1';
export const LOCAL_INSTALLATION_ID = '5c7a1d2e-0000-4000-8000-000000001115';
export const LOCAL_CLOUD_ID = '5c7a1d2e-0000-4000-8000-0000000c10d1';
const LOCAL_APP_VERSION = '1.0.0';
const MAX_TIMER_MS = 2_147_483_647;

export function installationIdentity(manifest: AppManifest): InstallationIdentity {
  return {
    appId: manifest.appId,
    environmentId: LOCAL_ENVIRONMENT_ID,
    installationId: LOCAL_INSTALLATION_ID,
    cloudId: LOCAL_CLOUD_ID,
  };
}

export function contextAriOf(identity: InstallationIdentity): string {
  return `ari:cloud:jira::site/${identity.cloudId}`;
}

const noopMetrics: Metrics = {
  counter: () => ({ incr: () => {}, incrBy: () => {}, decr: () => {}, decrBy: () => {} }),
  timing: () => ({ measure: () => ({ stop: () => {} }) }),
  gauge: () => ({ set: () => {} }),
};

export interface InvocationDescription {
  moduleKey: string;
  moduleType: ModuleKind;
  functionKey: string;
  handler: string;
  timeoutMs: number;
}

/** The object `global.__forge_runtime__` returns while one invocation runs. */
export function createInvocationRuntime(
  identity: InstallationIdentity,
  manifest: AppManifest,
  invocation: InvocationDescription,
): ForgeRuntime {
  const contextAri = contextAriOf(identity);
  const invocationId = randomUUID();
  const deadline = performance.now() + invocation.timeoutMs;
  const installationAri = `ari:cloud:ecosystem::installation/${identity.installationId}`;
  const permissions = {
    scopes: manifest.scopes,
    external: { fetch: { backend: manifest.egressBackend.map((address) => ({ address })) } },
  };
  return {
    proxy: { token: 'local-runtime', url: 'http://local-runtime.invalid' },
    contextAri,
    container: { runtime: 'nodejs', handler: invocation.handler },
    appContext: {
      appId: identity.appId,
      appVersion: LOCAL_APP_VERSION,
      environmentId: identity.environmentId,
      environmentType: 'DEVELOPMENT',
      invocationId,
      installationId: identity.installationId,
      functionKey: invocation.functionKey,
      moduleType: invocation.moduleType,
      moduleKey: invocation.moduleKey,
      installation: {
        ari: {
          installationId: identity.installationId,
          toString: () => installationAri,
          toJSON: () => installationAri,
        },
        contexts: [{ cloudId: identity.cloudId, toString: () => contextAri }],
      },
      // @forge/api reads only `scopes` and `external`, and builds its own Permissions object.
      permissions: permissions as unknown as ForgeRuntime['appContext']['permissions'],
    },
    lambdaContext: {
      awsRequestId: invocationId,
      // Without a time limit (switched off locally), as much as a timer can count.
      getRemainingTimeInMillis: () => Math.max(0, Math.min(MAX_TIMER_MS, Math.round(deadline - performance.now()))),
    },
    tracing: { traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex') },
    realtime: {},
    metrics: noopMetrics,
    externalAuth: [],
    featureFlags: () => false,
  };
}
