import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { RuntimeClock } from '../../../local/clock';
import { LocalKvs } from '../../../local/kvs';
import { deliveryLog, KvsHarness } from './harness';

describe('local KVS: durability in DATA_DIR/kvs.sqlite', () => {
  it('reads back plain keys, secrets, entities and TTLs after close and reopen', async () => {
    const harness = new KvsHarness([deliveryLog]);
    try {
      await kvs.set('plain', { a: 1 });
      await kvs.set('short-lived', 1, { ttl: { value: 1, unit: 'MINUTES' } });
      await kvs.setSecret('secret', 'token');
      await kvs.entity('delivery-log').set('d1', { receivedAt: 5, outcome: 'ok' });
      expect(fs.existsSync(path.join(harness.dataDir, 'kvs.sqlite'))).toBe(true);

      harness.reopen();

      expect(await kvs.get('plain')).toEqual({ a: 1 });
      expect(await kvs.getSecret('secret')).toBe('token');
      expect(await kvs.entity('delivery-log').get('d1')).toEqual({ receivedAt: 5, outcome: 'ok' });
      const ok = new Filter<{ outcome: string }>().and('outcome', FilterConditions.equalTo('ok'));
      expect((await kvs.entity('delivery-log').query().index('receivedAt').filters(ok).getMany()).results).toHaveLength(
        1,
      );
      expect(await kvs.get('short-lived')).toBe(1);
      harness.clock.advance(60_000);
      expect(await kvs.get('short-lived')).toBeUndefined();
    } finally {
      harness.close();
    }
  });

  it('loses no acknowledged write when the process is killed with SIGKILL', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-kvs-kill-'));
    try {
      const acknowledged = await runWriterUntilKilled(dataDir, 300);
      expect(acknowledged).toBeGreaterThanOrEqual(300);

      const reopened = new LocalKvs({ dataDir, clock: new RuntimeClock() });
      try {
        for (let i = 0; i < acknowledged; i += 1) {
          const response = reopened.handle('/api/v1/get', { key: `k${i}` });
          expect({ i, status: response.status }).toEqual({ i, status: 200 });
        }
      } finally {
        reopened.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

/** Starts the writer, kills it with SIGKILL once `atLeast` writes were acknowledged; answers how many were. */
function runWriterUntilKilled(dataDir: string, atLeast: number): Promise<number> {
  const writer = path.join(__dirname, 'fixtures', 'acking-writer.ts');
  const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), writer, dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let acknowledged = 0;
  let pending = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    acknowledged += lines.length;
    if (acknowledged >= atLeast) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acknowledged);
      else reject(new Error(`the writer stopped on its own: ${stderr}`));
    });
  });
}
