import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signWaveWebhook } from '../../src/domain/wave-webhook';
import type { ResolverApi, ResolverName, ResolverResult } from '../../src/entry/resolvers/api';
import { seedLocalApp } from '../../local/seed-app';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../local/server';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export interface Delivery {
  status: number;
  body: { status?: string; issueKey?: string; error?: string; reason?: string };
  headers: Headers;
}

export interface TestStack {
  stack: LocalStack;
  dataDir: string;
  /** Signs (unless `signature` is given) and posts a raw body to the app's wave-webhook trigger. */
  post(rawBody: string, options?: { signature?: string | null; secret?: string; method?: string }): Promise<Delivery>;
  deliver(event: Record<string, unknown>): Promise<Delivery>;
  /** Like Wave: retries non-2xx answers (honouring Retry-After, capped) until a 2xx or `attempts` run out. */
  deliverUntilAccepted(event: Record<string, unknown>, attempts?: number): Promise<Delivery>;
  /** Calls a resolver as the admin page (or another module) would, through the runtime's bridge. */
  callResolver<N extends ResolverName>(
    name: N,
    payload: unknown,
    caller?: { accountId?: string; moduleKey?: string; projectKey?: string },
  ): Promise<ResolverResult<ResolverApi[N]['result']>>;
  close(): Promise<void>;
}

/**
 * The seeded local stack on a free port. `jiraSettings` and `runtimeSettings` change the platform's
 * behaviours for this stack, over the defaults (every behaviour on) and the pending app adaptations
 * (`pending-app-adaptations.ts`), section by section.
 */
export async function startTestStack(options: Partial<LocalStackOptions> = {}): Promise<TestStack> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wave-jira-'));
  const stack = await startLocalStack({
    port: 0,
    dataDir,
    quiet: true,
    env: {
      ...process.env,
      LOCAL_LOG: 'silent',
      WAVE_WEBHOOK_SECRET: TEST_SIGNING_SECRET,
      JIRA_BASE_URL: '',
      WAVE_REAL: '',
    },
    seed: seedLocalApp,
    ...options,
  });
  const url = stack.webhookUrl('wave-webhook');

  const post: TestStack['post'] = async (rawBody, postOptions = {}) => {
    const signature =
      postOptions.signature === undefined
        ? signWaveWebhook({ rawBody, secret: postOptions.secret ?? TEST_SIGNING_SECRET, timestamp: new Date() })
        : postOptions.signature;
    const response = await fetch(url, {
      method: postOptions.method ?? 'POST',
      headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'X-Wave-Signature': signature }) },
      ...(postOptions.method && postOptions.method !== 'POST' ? {} : { body: rawBody }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers };
  };
  const deliver: TestStack['deliver'] = (event) => post(JSON.stringify(event));
  const deliverUntilAccepted: TestStack['deliverUntilAccepted'] = async (event, attempts = 30) => {
    let last: Delivery | undefined;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      last = await deliver(event);
      if (last.status >= 200 && last.status < 300) return last;
      const retryAfter = Number(last.headers.get('retry-after') ?? '0');
      await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(retryAfter * 1000, 50), 500)));
    }
    return last as Delivery;
  };
  const callResolver: TestStack['callResolver'] = async (name, payload, caller = {}) => {
    const origin = {
      moduleKey: caller.moduleKey ?? (caller.projectKey ? 'project-settings-page' : 'admin-page'),
      ...(caller.accountId ? { accountId: caller.accountId } : {}),
      ...(caller.projectKey ? { projectKey: caller.projectKey } : {}),
    };
    const response = await fetch(`${stack.baseUrl}/_local/bridge/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ origin, payload: { functionKey: name, payload } }),
    });
    const answer = (await response.json()) as { ok: boolean; value?: unknown; error?: string };
    if (!answer.ok) throw new Error(`the bridge refused ${name}: ${answer.error ?? response.status}`);
    return answer.value as ResolverResult<ResolverApi[typeof name]['result']>;
  };
  return {
    stack,
    dataDir,
    post,
    deliver,
    deliverUntilAccepted,
    callResolver,
    close: async () => {
      await stack.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The BILL issues of one Wave record (by the app's `wave-id` field). */
export const issuesFor = (t: TestStack, waveId: string) =>
  t.stack.jira.listIssues('BILL').filter((issue) => issue.appFields['wave-id'] === waveId);
