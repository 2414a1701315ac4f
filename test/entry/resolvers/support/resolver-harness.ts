import path from 'node:path';
import { createInvocationRuntime, installationIdentity } from '../../../../local/runtime/invocation-runtime';
import { loadManifest } from '../../../../local/runtime/manifest';
import { LOCAL_ADMIN_ACCOUNT_ID, LOCAL_USER_ACCOUNT_ID } from '../../../../local/jira-sandbox';
import { resolver } from '../../../../src/entry/resolvers';
import type { ResolverApi, ResolverName, ResolverResult } from '../../../../src/entry/resolvers/api';
import { startForgeHarness, type ForgeHarness } from '../../../adapters/support/forge-harness';
import { startJiraSandbox, type RunningJiraSandbox } from '../../../adapters/support/jira-sandbox-harness';

export { LOCAL_ADMIN_ACCOUNT_ID as ADMIN, LOCAL_USER_ACCOUNT_ID as PLAIN_USER };

/** Where this harness says the installation's web triggers are. */
export const TRIGGER_BASE = 'https://local.test/webtrigger';

export interface Caller {
  /** Undefined: an invocation without a user. */
  accountId?: string;
  moduleKey?: string;
  /** The project of a project settings page. */
  projectKey?: string;
}

export interface ResolverHarness {
  forge: ForgeHarness;
  jira: RunningJiraSandbox;
  call<N extends ResolverName>(
    name: N,
    payload: unknown,
    caller?: Caller,
  ): Promise<ResolverResult<ResolverApi[N]['result']>>;
  close(): Promise<void>;
}

type ForgeFetch = (target: { type: string; remote?: string }, path: string, init?: RequestInit) => Promise<Response>;
const globals = globalThis as unknown as { __forge_fetch__?: ForgeFetch; __forge_runtime__?: unknown };

/** `@forge/api` reads the invocation's runtime (metrics, app context) for platform calls such as `webTrigger.getUrl`. */
function installInvocationRuntime(): void {
  const manifest = loadManifest(path.join(__dirname, '../../../../manifest.yml'));
  globals.__forge_runtime__ = createInvocationRuntime(installationIdentity(manifest), manifest, {
    moduleKey: 'admin-page',
    moduleType: 'resolver',
    functionKey: 'resolver-fn',
    handler: 'index.resolver',
    timeoutMs: 25_000,
  });
}

/** `webTrigger.getUrl` goes to Forge's platform API (stargate); answer it as Forge would. */
function answerWebTriggerUrls(): void {
  const inner = globals.__forge_fetch__;
  globals.__forge_fetch__ = async (target, path, init) => {
    if (target.type === 'fpp' && target.remote === 'stargate' && path === '/graphql') {
      const body = JSON.parse(String(init?.body ?? '{}')) as { variables?: { input?: { triggerKey?: string } } };
      const url = `${TRIGGER_BASE}/${body.variables?.input?.triggerKey ?? ''}`;
      return new Response(JSON.stringify({ data: { createWebTriggerUrl: { url } } }), {
        headers: { 'content-type': 'application/json' },
      });
    }
    if (!inner) throw new Error('no forge fetch');
    return inner(target, path, init);
  };
}

/**
 * The resolver definitions as Forge invokes them (`{call, context}` plus the backend payload with the
 * principal), against a real local KVS and the Jira sandbox (real users and permissions).
 */
export async function startResolverHarness(): Promise<ResolverHarness> {
  const forge = startForgeHarness();
  const jira = await startJiraSandbox(forge);
  answerWebTriggerUrls();
  installInvocationRuntime();
  return {
    forge,
    jira,
    call: async (name, payload, caller = { accountId: LOCAL_ADMIN_ACCOUNT_ID }) => {
      const context = {
        moduleKey: caller.moduleKey ?? (caller.projectKey ? 'project-settings-page' : 'admin-page'),
        extension: caller.projectKey
          ? { type: 'jira:projectSettingsPage', project: { key: caller.projectKey } }
          : { type: 'jira:adminPage' },
      };
      const backend = caller.accountId ? { principal: { accountId: caller.accountId } } : {};
      return (await resolver(
        { call: { functionKey: name, payload: payload as never }, context: context as never },
        backend,
      )) as never;
    },
    close: async () => {
      await jira.stop();
      forge.close();
      delete globals.__forge_runtime__;
    },
  };
}
