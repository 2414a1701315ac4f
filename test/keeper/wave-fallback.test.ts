import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { createWaveSandbox, type WaveSandbox } from '../../local/wave-sandbox';
import { saveWaveOAuthClient, saveWaveTokens } from '../../src/adapters/storage/secrets';
import { markWaveConnected } from '../../src/adapters/storage/wave-connection';
import { WaveGraphqlClient } from '../../src/adapters/wave/wave-graphql';
import { WaveOAuthClient } from '../../src/adapters/wave/wave-oauth';
import { WaveTokenManager } from '../../src/adapters/wave/wave-tokens';
import { walkFrom, type WalkPosition } from '../../src/domain/keeper/walk-position';
import { createTimeBudget } from '../../src/shared/time-budget';
import { invoiceLister, readChanges } from '../../src/usecases/reconcile/wave-change-feed';
import { startForgeHarness, type ForgeHarness } from '../adapters/support/forge-harness';

const SCHEMA = path.join(__dirname, '../../../shared/reference/wave-public-schema.partial.graphql');

let harness: ForgeHarness;
let sandbox: WaveSandbox;
let server: Server;
let wave: WaveGraphqlClient;

/** A Wave whose `invoices` field has no `modifiedAtAfter` (the argument is inferred, not documented). */
function schemaWithoutModifiedFilter(dir: string): string {
  const original = fs.readFileSync(SCHEMA, 'utf8');
  const stripped = original.replace(/invoices\(([^)]*)\)/, (_match, args: string) => `invoices(${args.replace(/,\s*modifiedAtAfter: DateTime, modifiedAtBefore: DateTime/, '')})`);
  expect(stripped).not.toBe(original);
  const file = path.join(dir, 'wave-without-modified-filter.graphql');
  fs.writeFileSync(file, stripped);
  return file;
}

beforeEach(async () => {
  harness = startForgeHarness();
  sandbox = createWaveSandbox({
    dataDir: harness.dataDir,
    clock: harness.clock,
    schemaPath: schemaWithoutModifiedFilter(harness.dataDir),
    signingSecret: 'sandbox-signing-secret-0123456789',
    webhookUrl: async () => 'http://127.0.0.1:9/unused',
  });
  const app = express();
  app.use('/wave', sandbox.router);
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wave`;
  await saveWaveOAuthClient(sandbox.control.oauthClient());
  const issued = sandbox.control.issueTokens();
  await saveWaveTokens({ accessToken: issued.access_token, refreshToken: issued.refresh_token, expiresAt: harness.clock.now() + issued.expires_in * 1000 });
  await markWaveConnected();
  const budget = createTimeBudget({ limitMs: 15_000, now: () => harness.clock.now() });
  const tokens = new WaveTokenManager({ oauth: new WaveOAuthClient({ budget, fetch, tokenUrl: `${base}/oauth2/token/` }), budget });
  wave = new WaveGraphqlClient({ tokens, budget, fetch, endpoint: `${base}/graphql/public` });
});
afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  sandbox.close();
  harness.close();
});

describe('reading Wave changes from a Wave without modifiedAtAfter', () => {
  it('falls back to newest first and still returns exactly the records changed since the start', async () => {
    const since = harness.clock.now();
    harness.clock.advance(1_000);
    const recent: string[] = [];
    for (let n = 0; n < 7; n += 1) {
      recent.push(((await sandbox.control.api.invoice({ invoice: { status: 'SENT' } })).invoice as { id: string }).id);
      harness.clock.advance(10);
    }
    const list = invoiceLister(wave, sandbox.control.businessId);
    const seen: string[] = [];
    let position: WalkPosition = walkFrom(since);
    for (let guard = 0; guard < 20; guard += 1) {
      const page = await readChanges(list, position, 3);
      seen.push(...page.fresh.map((invoice) => invoice.id));
      position = page.position;
      if (page.finished) break;
    }
    expect(position.order).toBe('newest-first');
    expect(seen.sort()).toEqual(recent.sort());
  });
});
