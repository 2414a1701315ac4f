import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../../local/server';

/** The secret the Wave sandbox signs its webhooks with in these tests. */
export const SANDBOX_SIGNING_SECRET = 'whsec_e2e-sandbox-signing-secret-0001';

export interface E2EStack {
  stack: LocalStack;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * A whole local stack (`npm start`'s) on a free port in a fresh DATA_DIR; the admin configures it through the UI,
 * unless `seed` does (`npm start`'s own seeding, for the pages that show synced data).
 */
export async function startE2EStack(options: Pick<LocalStackOptions, 'seed'> = {}): Promise<E2EStack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-stack-'));
  const stack = await startLocalStack({
    port: 0,
    dataDir,
    quiet: true,
    env: { WAVE_WEBHOOK_SECRET: SANDBOX_SIGNING_SECRET },
    ...options,
  });
  // The browser must reach the Wave sandbox's consent page, not api.waveapps.com.
  process.env.WAVE_AUTHORIZE_URL ??= `${stack.baseUrl}/wave/oauth2/authorize/`;
  return {
    stack,
    baseUrl: stack.baseUrl,
    close: async () => {
      await stack.close();
      delete process.env.WAVE_AUTHORIZE_URL;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Moves the runtime clock (token and secret expiry, scheduled runs) like `POST /_local/clock/advance`. */
export async function advanceClock(baseUrl: string, ms: number): Promise<void> {
  const response = await fetch(`${baseUrl}/_local/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ms }),
  });
  if (!response.ok) throw new Error(`the clock did not move: ${response.status}`);
}
