import type { BackfillProgress } from '../../src/usecases/backfill';
import { startTestStack, type TestStack } from '../support/test-stack';
import { UnavailableError } from '../../src/shared/errors';
import { activity, waveInvoice, type SandboxInvoice } from './support';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => t.close());

const today = () => new Date(t.stack.clock.now()).toISOString().slice(0, 10);

async function startBackfill(fromDate: string): Promise<BackfillProgress> {
  const backfill = await import('../../src/usecases/backfill');
  return t.stack.runtime.runAsApp(() => backfill.startBackfill({ fromDate }));
}

/** What the admin page reads; when the import has spent the minute's KVS reads, it asks again the next minute. */
async function progress(): Promise<BackfillProgress | null> {
  const backfill = await import('../../src/usecases/backfill');
  try {
    return await t.stack.runtime.runAsApp(() => backfill.getBackfillProgress());
  } catch (error) {
    if (!(error instanceof UnavailableError)) throw error;
    await t.stack.runtime.advanceClock(60_000);
    return t.stack.runtime.runAsApp(() => backfill.getBackfillProgress());
  }
}

async function createInvoices(count: number): Promise<SandboxInvoice[]> {
  const invoices: SandboxInvoice[] = [];
  for (let n = 0; n < count; n += 1)
    invoices.push(await waveInvoice(t, { status: n % 2 ? 'SENT' : 'SAVED', total: { value: `${200 + n}.00` } }, false));
  return invoices;
}

/** Issues per invoice, from one read of the sandbox. */
function issueCounts(invoices: SandboxInvoice[]): number[] {
  const byWaveId = new Map<string, number>();
  for (const issue of t.stack.jira.listIssues('BILL')) {
    const waveId = issue.appFields['wave-id'];
    if (typeof waveId === 'string') byWaveId.set(waveId, (byWaveId.get(waveId) ?? 0) + 1);
  }
  return invoices.map((invoice) => byWaveId.get(invoice.id) ?? 0);
}

describe('the backfill', () => {
  it('imports 500 invoices as 500 issues; running it again creates nothing', async () => {
    const invoices = await createInvoices(500);
    expect(issueCounts(invoices).every((count) => count === 0)).toBe(true);

    const started = await startBackfill(today());
    expect(started).toMatchObject({ state: 'running', done: 0 });
    await t.stack.runtime.idle();

    const first = await progress();
    expect(issueCounts(invoices).every((count) => count === 1)).toBe(true);
    expect(first).toMatchObject({ state: 'done', runId: started.runId, skipped: 0 });
    expect(first!.done).toBe(first!.total);
    expect(first!.done).toBeGreaterThanOrEqual(500);
    expect(first!.created).toBe(first!.done);
    const issuesAfterFirst = t.stack.jira.listIssues('BILL').length;

    const again = await startBackfill(today());
    expect(again.runId).not.toBe(started.runId);
    await t.stack.runtime.idle();
    expect(await progress()).toMatchObject({ state: 'done', created: 0, done: first!.done, total: first!.done });
    expect(t.stack.jira.listIssues('BILL')).toHaveLength(issuesAfterFirst);
    expect((await activity(t, 5)).find((entry) => entry.eventType === 'backfill')?.reason).toContain('0 new issues');
  }, 180_000);

  it('stops as "failed" when Wave refuses it, and resumes from there with nothing twice', async () => {
    const invoices = await createInvoices(300);
    t.stack.jira.setFaults({ latencyMs: 4 });
    const started = await startBackfill(today());
    // Let a few pages through, then take the app's Wave access away.
    for (;;) {
      const current = await progress();
      if (current!.done >= 50 || current!.state !== 'running') break;
      // An admin page polls about once a second; polling much faster would spend the KVS read quota itself.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    t.stack.wave.revokeAll();
    await untilSettled();
    t.stack.jira.clearFaults();

    const failed = await progress();
    expect(failed).toMatchObject({ runId: started.runId, state: 'failed' });
    expect(failed!.done).toBeLessThan(failed!.total);
    expect(failed!.lastError).toMatch(/reconnect Wave/i);

    await reconnectWave();
    const resumed = await startBackfill(today());
    expect(resumed).toMatchObject({ runId: started.runId, state: 'running', done: failed!.done });
    await untilSettled();
    expect(await progress()).toMatchObject({ runId: started.runId, state: 'done' });
    expect(issueCounts(invoices).every((count) => count === 1)).toBe(true);
  }, 180_000);

  it('refuses a date it cannot use', async () => {
    await expect(startBackfill('2026-02-30')).rejects.toThrow(/YYYY-MM-DD/);
    await expect(startBackfill('9999-01-01')).rejects.toThrow(/future/);
  });
});

/**
 * Runs the queued work until the backfill stops running. So many imports in a minute may spend the KVS quota: the
 * run then waits a minute (runtime clock) and goes on by itself.
 */
async function untilSettled(): Promise<void> {
  await t.stack.runtime.idle();
  for (let minute = 0; minute < 30 && (await progress())?.state === 'running'; minute += 1) {
    await t.stack.runtime.advanceClock(60_000);
    await t.stack.runtime.idle();
  }
}

/** What an admin does on the admin page after "reconnect needed": a new authorisation. */
async function reconnectWave(): Promise<void> {
  const [{ saveWaveTokens }, { markWaveConnected }] = await Promise.all([
    import('../../src/adapters/storage/secrets'),
    import('../../src/adapters/storage/wave-connection'),
  ]);
  const tokens = t.stack.wave.issueTokens();
  await t.stack.runtime.runAsApp(async () => {
    await saveWaveTokens({
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: t.stack.clock.now() + tokens.expires_in * 1000,
      businessId: t.stack.wave.businessId,
    });
    await markWaveConnected(t.stack.clock.now());
  });
}
