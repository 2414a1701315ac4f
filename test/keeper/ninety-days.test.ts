import net from 'node:net';
import { envelope } from '../support/wave-events';
import { startTestStack, type TestStack } from '../support/test-stack';
import { DAY_MS, HOUR_MS, issuesFor, waveInvoice } from './support';

/** A site where the app may keep dynamic webhooks (an OAuth 2.0 integration owns them). */
const WEBHOOKS_ALLOWED = { dynamicWebhooks: true };

let t: TestStack;
let port: number;
beforeAll(async () => {
  // A fixed port, so that a restart keeps the web trigger URLs, as a Forge installation does.
  port = await freePort();
  t = await startTestStack({ port, jiraSettings: WEBHOOKS_ALLOWED, pausedScheduledTriggers: ['wave-poll'] });
});
afterAll(async () => t.close());

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: picked } = server.address() as net.AddressInfo;
      server.close(() => resolve(picked));
    });
  });
}

async function restart(): Promise<void> {
  await t.stack.close();
  t = await startTestStack({
    port,
    dataDir: t.dataDir,
    jiraSettings: WEBHOOKS_ALLOWED,
    pausedScheduledTriggers: ['wave-poll'],
  });
}

async function storedTokenExpiry(): Promise<number> {
  const { getWaveTokens } = await import('../../src/adapters/storage/secrets');
  return (await t.stack.runtime.runAsApp(() => getWaveTokens()))?.expiresAt ?? 0;
}

/** A thin event: the app has to read the invoice from Wave with its stored token. */
async function thinEventCompletesWithoutRenewal(): Promise<void> {
  const invoice = await waveInvoice(t, { status: 'SENT' }, false);
  const grants = t.stack.wave.refreshGrantCount;
  const answer = await t.deliver(
    envelope('invoice.sent', { invoice: { id: invoice.id } }, { businessId: t.stack.wave.businessId }),
  );
  expect(answer).toMatchObject({ status: 200, body: { status: 'processed' } });
  // The token the keeper keeps was valid: the event did not need to renew it.
  expect(t.stack.wave.refreshGrantCount).toBe(grants);
  expect(issuesFor(t, invoice.id)).toHaveLength(1);
}

describe('90 simulated days of hourly keeper runs', () => {
  it('no webhook expires or multiplies, lost ones come back, the Wave token is always valid', async () => {
    await t.stack.runtime.advanceClock(HOUR_MS);
    const [first] = t.stack.jira.listWebhooks();
    expect(first).toBeDefined();
    const ids = new Set([first!.id]);

    for (let day = 1; day <= 90; day += 1) {
      if (day === 30) await restart();
      if (day === 45) {
        expect(t.stack.jira.dropWebhooks()).toBe(1);
        await t.stack.runtime.advanceClock(HOUR_MS);
        expect(t.stack.jira.listWebhooks()).toHaveLength(1);
      }
      await t.stack.runtime.advanceClock(DAY_MS);
      const now = t.stack.clock.now();

      const webhooks = t.stack.jira.listWebhooks();
      expect(webhooks).toHaveLength(1);
      // Refreshed weekly: never closer to expiry than 30 - 7 days (and a day of slack).
      expect(Date.parse(webhooks[0]!.expirationDate) - now).toBeGreaterThan(22 * DAY_MS);
      ids.add(webhooks[0]!.id);
      expect(await storedTokenExpiry()).toBeGreaterThan(now);
      if (day % 10 === 0) await thinEventCompletesWithoutRenewal();
    }
    // Only the one Jira was made to lose was ever replaced: none expired, none was added on restart.
    expect(ids.size).toBe(2);
    const runs = t.stack.runtime
      .invocationHistory()
      .filter((record) => record.moduleKey === 'keeper' || record.moduleKey === 'work-consumer');
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.filter((record) => record.outcome !== 'ok')).toEqual([]);
  }, 900_000);
});
