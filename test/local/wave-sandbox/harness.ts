import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { RuntimeClock } from '../../../local/clock';
import {
  afterClockAdvance,
  createWaveSandbox,
  type WaveSandbox,
  type WaveSandboxOptions,
} from '../../../local/wave-sandbox';

export const SCHEMA_PATH = path.resolve(__dirname, '../../../../shared/reference/wave-public-schema.partial.graphql');
export const SIGNING_SECRET = 'whsec_sandbox_test_5e1f';
export const CLIENT_SECRET = 'client-secret-for-tests';

/** JSON answers are checked with expect(); a static type for each would only be noise here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Running {
  baseUrl: string;
  sandbox: WaveSandbox;
  clock: RuntimeClock;
  dataDir: string;
  close(): Promise<void>;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'wave-sandbox-'));
}

/** The sandbox mounted at /wave on 127.0.0.1, a random port. */
export async function startSandbox(
  overrides: Partial<WaveSandboxOptions> & { clock?: RuntimeClock } = {},
): Promise<Running> {
  const clock = overrides.clock ?? new RuntimeClock();
  const dataDir = overrides.dataDir ?? tempDir();
  const sandbox = createWaveSandbox({
    dataDir,
    clock,
    schemaPath: SCHEMA_PATH,
    signingSecret: SIGNING_SECRET,
    clientSecret: CLIENT_SECRET,
    webhookUrl: async () => 'http://127.0.0.1:9/unused',
    ...overrides,
  });
  // As local/server.ts wires it: moving the clock lets the sandbox catch up (invoices falling overdue).
  afterClockAdvance(clock, () => sandbox.control.catchUpWithClock());
  const app = express();
  app.use('/wave', sandbox.router);
  const { server, url } = await listen(app);
  return {
    baseUrl: `${url}/wave`,
    sandbox,
    clock,
    dataDir,
    async close() {
      sandbox.close();
      await closeServer(server);
    },
  };
}

export async function listen(handler: http.RequestListener): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}

export function closeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

export async function getJson(url: string): Promise<{ status: number; body: Json }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

export function graphql(
  running: Running,
  token: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
) {
  return graphqlWithAuthorization(running, token === undefined ? undefined : `Bearer ${token}`, query, variables);
}

export function graphqlWithAuthorization(
  running: Running,
  authorization: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
) {
  return postJson(
    `${running.baseUrl}/graphql/public`,
    { query, variables },
    authorization === undefined ? {} : { authorization },
  );
}
