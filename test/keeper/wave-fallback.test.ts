import fs from 'node:fs';
import path from 'node:path';
import type { WaveSandbox } from '../../local/wave-sandbox';
import { WaveGraphqlClient } from '../../src/adapters/wave/wave-graphql';
import { WaveOAuthClient } from '../../src/adapters/wave/wave-oauth';
import { WaveTokenManager } from '../../src/adapters/wave/wave-tokens';
import { walkFrom, type WalkPosition } from '../../src/domain/keeper/walk-position';
import { createTimeBudget } from '../../src/shared/time-budget';
import { invoiceLister, readChanges } from '../../src/usecases/reconcile/wave-change-feed';
import { startForgeHarness, type ForgeHarness } from '../adapters/support/forge-harness';
import {
  startConnectedWaveSandbox,
  WAVE_SCHEMA,
  type ConnectedWaveSandbox,
} from '../adapters/support/wave-sandbox-harness';

let harness: ForgeHarness;
let sandbox: WaveSandbox;
let connected: ConnectedWaveSandbox;
let wave: WaveGraphqlClient;

/** A Wave whose `invoices` field has no `modifiedAtAfter` (the argument is inferred, not documented). */
function schemaWithoutModifiedFilter(dir: string): string {
  const original = fs.readFileSync(WAVE_SCHEMA, 'utf8');
  const stripped = original.replace(
    /invoices\(([^)]*)\)/,
    (_match, args: string) =>
      `invoices(${args.replace(/,\s*modifiedAtAfter: DateTime, modifiedAtBefore: DateTime/, '')})`,
  );
  expect(stripped).not.toBe(original);
  const file = path.join(dir, 'wave-without-modified-filter.graphql');
  fs.writeFileSync(file, stripped);
  return file;
}

beforeEach(async () => {
  harness = startForgeHarness();
  connected = await startConnectedWaveSandbox(harness, { schemaPath: schemaWithoutModifiedFilter(harness.dataDir) });
  sandbox = connected.sandbox;
  const budget = createTimeBudget({ limitMs: 15_000, now: () => harness.clock.now() });
  const tokens = new WaveTokenManager({
    oauth: new WaveOAuthClient({ budget, fetch, tokenUrl: `${connected.base}/oauth2/token/` }),
    budget,
  });
  wave = new WaveGraphqlClient({ tokens, budget, fetch, endpoint: `${connected.base}/graphql/public` });
});
afterEach(async () => {
  await connected.close();
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
