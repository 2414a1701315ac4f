import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURE_APP, startHarness } from './harness';

describe('startLocalStack', () => {
  it('seeds before health says ok, keeps a generated webhook secret, and stops listening on close', async () => {
    const seenDuringSeed: number[] = [];
    const h = await startHarness({
      appDir: FIXTURE_APP,
      seed: async (stack) => {
        seenDuringSeed.push((await fetch(`${stack.baseUrl}/_local/health`)).status);
      },
    });
    const secretFile = path.join(h.dataDir, 'wave-webhook-secret');
    try {
      expect(seenDuringSeed).toEqual([503]);
      expect((await h.get('/_local/health')).status).toBe(200);
      expect(fs.statSync(secretFile).mode & 0o777).toBe(0o600);
      expect(h.stack.waveClient()).toMatchObject({
        real: false,
        clientId: expect.any(String),
        clientSecret: expect.any(String),
      });
    } finally {
      await h.close({ keepData: true });
    }
    await expect(fetch(`${h.stack.baseUrl}/_local/health`)).rejects.toThrow();

    const secret = fs.readFileSync(secretFile, 'utf8');
    const again = await startHarness({ appDir: FIXTURE_APP, dataDir: h.dataDir });
    try {
      expect(fs.readFileSync(secretFile, 'utf8')).toBe(secret);
    } finally {
      await again.close();
    }
  });

  it('uses WAVE_WEBHOOK_SECRET when set, without writing one', async () => {
    const h = await startHarness({ appDir: FIXTURE_APP, env: { WAVE_WEBHOOK_SECRET: 'from-env' } });
    try {
      expect(fs.existsSync(path.join(h.dataDir, 'wave-webhook-secret'))).toBe(false);
    } finally {
      await h.close();
    }
  });

  it('refuses to start an app whose manifest names a handler the code does not export', async () => {
    const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broken-app-'));
    try {
      fs.mkdirSync(path.join(appDir, 'src'));
      fs.writeFileSync(path.join(appDir, 'src', 'index.ts'), 'export const other = () => undefined;\n');
      fs.writeFileSync(
        path.join(appDir, 'manifest.yml'),
        'app:\n  id: ari:cloud:ecosystem::app/00000000-0000-4000-8000-00000000f1f3\nmodules:\n  function:\n    - key: missing-fn\n      handler: index.missing\n',
      );
      await expect(startHarness({ appDir })).rejects.toThrow("does not export a function 'missing'");
    } finally {
      fs.rmSync(appDir, { recursive: true, force: true });
    }
  });
});

describe('startLocalStack settings', () => {
  it('starts the Jira sandbox and the platform with the given changes to their defaults, and a fresh stack without', async () => {
    const changed = await startHarness({
      appDir: FIXTURE_APP,
      jiraSettings: { searchLagMs: 0, dynamicWebhooks: true },
      runtimeSettings: { queueLimits: false, kvsQuotas: { writesPerMinute: 10 } },
    });
    try {
      expect(await (await changed.get('/jira/_sandbox/settings')).json()).toMatchObject({
        searchLagMs: 0,
        dynamicWebhooks: true,
        pointsQuota: { enabled: true },
      });
      expect(await (await changed.get('/_local/settings')).json()).toMatchObject({
        queueLimits: { enabled: false },
        kvsQuotas: { enabled: true, writesPerMinute: 10 },
        timeLimits: { enabled: true, webTriggerMs: 55_000 },
      });
    } finally {
      await changed.close({ keepData: true });
    }
    // Settings are not kept: the same DATA_DIR starts with the defaults again.
    const again = await startHarness({ appDir: FIXTURE_APP, dataDir: changed.dataDir });
    try {
      expect(await (await again.get('/jira/_sandbox/settings')).json()).toMatchObject({
        searchLagMs: 2000,
        dynamicWebhooks: false,
      });
      expect(await (await again.get('/_local/settings')).json()).toMatchObject({ queueLimits: { enabled: true } });
    } finally {
      await again.close();
    }
  });

  it('refuses settings it does not know, before anything starts', async () => {
    await expect(startHarness({ appDir: FIXTURE_APP, jiraSettings: { searchLag: 1 } as never })).rejects.toThrow(
      /invalid input/,
    );
  });
});
