import express from 'express';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { RuntimeClock } from '../../../local/clock';
import { createJiraSandbox, type ForgeJiraIssueEvent, type JiraSandboxControl } from '../../../local/jira-sandbox';
import type { JiraSandboxApp, JiraSettingsUpdate } from '../../../local/jira-sandbox/types';
import { LOCAL_ADMIN_ACCOUNT_ID, LOCAL_USER_ACCOUNT_ID } from '../../../local/jira-sandbox/users';
import { lateBound } from '../../support/late-bound';

export const SPEC_PATH = path.resolve(__dirname, '../../../../shared/reference/jira-platform-v3.openapi.json');
export const APP_UUID = '7d3c1c5e-5b0a-4c55-9a51-3f1f5a0c9e21';
export const ENVIRONMENT_ID = 'b7c1f9a2-0000-4000-8000-00000000e001';

export const TEST_APP: JiraSandboxApp = {
  appId: `ari:cloud:ecosystem::app/${APP_UUID}`,
  environmentId: ENVIRONMENT_ID,
  name: 'Wave Accounting sync',
  customFields: [
    { key: 'wave-invoice-number', name: 'Wave invoice number', type: 'string' },
    { key: 'wave-amount', name: 'Wave amount', type: 'number' },
    { key: 'wave-due-date', name: 'Wave due date', type: 'date' },
  ],
  entityProperties: [
    {
      key: 'wave-link-index',
      entityType: 'issue',
      propertyKey: 'wave-link',
      values: [
        { path: 'waveId', type: 'string', searchAlias: 'waveId' },
        { path: 'kind', type: 'string', searchAlias: 'waveKind' },
      ],
    },
  ],
};

export type Caller = 'app' | 'admin' | 'user' | 'none';

const PRINCIPALS: Record<Exclude<Caller, 'none'>, string> = {
  app: 'app',
  admin: `user:${LOCAL_ADMIN_ACCOUNT_ID}`,
  user: `user:${LOCAL_USER_ACCOUNT_ID}`,
};

/** Response bodies are arbitrary JSON that the assertions navigate freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface JiraResponse<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestSandbox {
  baseUrl: string;
  dataDir: string;
  clock: RuntimeClock;
  control: JiraSandboxControl;
  events: ForgeJiraIssueEvent[];
  call<T = Json>(
    method: string,
    path: string,
    options?: { as?: Caller; body?: unknown; rawBody?: string; contentType?: string },
  ): Promise<JiraResponse<T>>;
  /** Closes the server and the sandbox; the data dir stays for a reopen. */
  stop(): Promise<void>;
  /** Stops and removes the data dir. */
  close(): Promise<void>;
}

/** A fixed wall time: the runtime clock only moves when a test advances it. */
export const T0 = Date.UTC(2026, 0, 17, 12, 0, 0);

export interface SandboxOptions {
  dataDir?: string;
  clock?: RuntimeClock;
  rateLimits?: boolean;
  app?: JiraSandboxApp;
  /** Changes to the sandbox's default settings (every Jira behaviour on). */
  settings?: JiraSettingsUpdate;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  process.env.JIRA_SANDBOX_STRICT_RESPONSES = '1';
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'jira-sandbox-'));
  const clock = options.clock ?? new RuntimeClock(() => T0);
  const events: ForgeJiraIssueEvent[] = [];
  let baseUrl = '';
  const sandbox = createJiraSandbox({
    dataDir,
    clock,
    specPath: SPEC_PATH,
    baseUrl: () => `${baseUrl}/jira`,
    app: options.app ?? TEST_APP,
    onIssueEvent: (event) => {
      events.push(event);
    },
    webhookRetryDelaysMs: [20, 50],
    log: () => undefined,
    settings: options.settings,
  });
  if (options.rateLimits === false) sandbox.control.setRateLimitsEnabled(false);
  const app = express();
  app.use('/jira', sandbox.router);
  const server: Server = await new Promise((resolve) => {
    const started = app.listen(0, '127.0.0.1', () => resolve(started));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await sandbox.control.idle();
    await new Promise((resolve) => server.close(resolve));
    sandbox.close();
  };
  return {
    baseUrl,
    dataDir,
    clock,
    control: sandbox.control,
    events,
    async call(method, requestPath, callOptions = {}) {
      const headers: Record<string, string> = {};
      const as = callOptions.as ?? 'app';
      if (as !== 'none') headers['x-forge-principal'] = PRINCIPALS[as];
      let body: string | undefined;
      if (callOptions.rawBody !== undefined) body = callOptions.rawBody;
      else if (callOptions.body !== undefined) body = JSON.stringify(callOptions.body);
      if (body !== undefined) headers['content-type'] = callOptions.contentType ?? 'application/json';
      const response = await fetch(`${baseUrl}/jira${requestPath}`, { method, headers, body });
      const text = await response.text();
      const contentType = response.headers.get('content-type') ?? '';
      return {
        status: response.status,
        headers: response.headers,
        body: text && contentType.includes('json') ? JSON.parse(text) : text,
      };
    },
    stop,
    async close() {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The suite's sandbox: started before the file's tests (or before each test, with `each`), checked
 * for spec violations and closed after them. Call it at the top of the file; what it returns stands
 * for the current sandbox inside tests and later hooks.
 */
export function useJiraSandbox(options: SandboxOptions & { each?: boolean } = {}): TestSandbox {
  const { each = false, ...sandboxOptions } = options;
  let current: TestSandbox | undefined;
  (each ? beforeEach : beforeAll)(async () => {
    current = await startSandbox(sandboxOptions);
  });
  (each ? afterEach : afterAll)(async () => {
    if (!current) return;
    const sandbox = current;
    current = undefined;
    try {
      expectNoSpecViolations(sandbox);
    } finally {
      await sandbox.close();
    }
  });
  return lateBound(() => current, 'the Jira sandbox');
}

/** ADF for a paragraph of text. */
export function adf(text: string): unknown {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

export async function createIssue(
  sandbox: TestSandbox,
  fields: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): Promise<{ id: string; key: string }> {
  const response = await sandbox.call('POST', '/rest/api/3/issue', {
    body: {
      fields: { project: { key: 'BILL' }, issuetype: { name: 'Invoice' }, summary: 'Invoice INV-1', ...fields },
      ...extra,
    },
  });
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Every response of the suite was checked against the spec in strict mode; none may have failed. */
export function expectNoSpecViolations(sandbox: TestSandbox): void {
  expect(sandbox.control.stats().responseValidationFailures).toBe(0);
}
