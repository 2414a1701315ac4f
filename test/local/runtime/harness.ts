import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../../local/server';

export const FIXTURE_APP = path.join(__dirname, 'fixture-app');
export const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface StackHarness {
  stack: LocalStack;
  dataDir: string;
  get(urlPath: string, init?: RequestInit): Promise<Response>;
  post(urlPath: string, body?: unknown): Promise<Response>;
  /** Closes the stack and removes its DATA_DIR (unless kept for a restart). */
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** A whole local stack on a free port, in a fresh DATA_DIR, quiet. */
export async function startHarness(options: Partial<LocalStackOptions> = {}): Promise<StackHarness> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'local-runtime-'));
  let stack: LocalStack;
  try {
    stack = await startLocalStack({ port: 0, quiet: true, env: {}, ...options, dataDir });
  } catch (error) {
    if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    stack,
    dataDir,
    get: (urlPath, init) => fetch(`${stack.baseUrl}${urlPath}`, init),
    post: (urlPath, body) =>
      fetch(`${stack.baseUrl}${urlPath}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    close: async ({ keepData = false } = {}) => {
      await stack.close();
      if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`expected JSON, got ${response.status}: ${text.slice(0, 200)}`);
  }
}
