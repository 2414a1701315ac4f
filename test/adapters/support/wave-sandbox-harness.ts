import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { createWaveSandbox, type WaveSandbox } from '../../../local/wave-sandbox';
import { saveWaveOAuthClient, saveWaveTokens } from '../../../src/adapters/storage/secrets';
import { markWaveConnected } from '../../../src/adapters/storage/wave-connection';
import type { ForgeHarness } from './forge-harness';

export const WAVE_SCHEMA = path.join(__dirname, '../../../../shared/reference/wave-public-schema.partial.graphql');

export interface ConnectedWaveSandbox {
  sandbox: WaveSandbox;
  /** `http://127.0.0.1:<port>/wave` */
  base: string;
  close(): Promise<void>;
}

/**
 * A Wave sandbox on a free port, with the app already connected to it in the harness's KVS: the OAuth
 * client saved, a fresh token pair stored, the connection marked connected.
 */
export async function startConnectedWaveSandbox(
  harness: ForgeHarness,
  options: { schemaPath?: string } = {},
): Promise<ConnectedWaveSandbox> {
  const sandbox = createWaveSandbox({
    dataDir: harness.dataDir,
    clock: harness.clock,
    schemaPath: options.schemaPath ?? WAVE_SCHEMA,
    signingSecret: 'sandbox-signing-secret-0123456789',
    webhookUrl: async () => 'http://127.0.0.1:9/unused',
  });
  const app = express();
  app.use('/wave', sandbox.router);
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wave`;

  await saveWaveOAuthClient(sandbox.control.oauthClient());
  const issued = sandbox.control.issueTokens();
  await saveWaveTokens({
    accessToken: issued.access_token,
    refreshToken: issued.refresh_token,
    expiresAt: harness.clock.now() + issued.expires_in * 1000,
  });
  await markWaveConnected();
  return {
    sandbox,
    base,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      sandbox.close();
    },
  };
}
