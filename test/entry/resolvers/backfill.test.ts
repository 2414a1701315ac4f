import { getBackfill, saveBackfill, type BackfillRecord } from '../../../src/adapters/storage/backfill-state';
import { saveWaveTokens } from '../../../src/adapters/storage/secrets';
import { walkFrom } from '../../../src/domain/keeper/walk-position';
import { PLAIN_USER, startResolverHarness, type ResolverHarness } from './support/resolver-harness';

let harness: ResolverHarness;
beforeEach(async () => {
  harness = await startResolverHarness();
});
afterEach(() => harness.close());

const DAY_MS = 24 * 60 * 60_000;
const utcDay = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);

const fieldsOf = (answer: { ok: boolean; error?: { code: string; fields?: Record<string, string> } }) => {
  expect(answer.ok).toBe(false);
  expect(answer.error?.code).toBe('INVALID_INPUT');
  return answer.error?.fields ?? {};
};

describe('starting a backfill from the admin page', () => {
  it('checks the day first, naming the field, and starts nothing', async () => {
    expect(fieldsOf(await harness.call('startBackfill', {}))).toEqual({ fromDate: 'choose the first day to import' });
    expect(fieldsOf(await harness.call('startBackfill', { fromDate: ' ' }))).toEqual({
      fromDate: 'choose the first day to import',
    });
    expect(fieldsOf(await harness.call('startBackfill', { fromDate: 20260101 }))).toEqual({
      fromDate: 'choose the first day to import',
    });
    expect(fieldsOf(await harness.call('startBackfill', { fromDate: '01/02/2026' }))).toEqual({
      fromDate: 'must be a day as YYYY-MM-DD',
    });
    expect(fieldsOf(await harness.call('startBackfill', { fromDate: '2026-02-30' }))).toEqual({
      fromDate: 'must be a day as YYYY-MM-DD',
    });
    const tomorrow = utcDay(Date.now() + DAY_MS);
    expect(fieldsOf(await harness.call('startBackfill', { fromDate: tomorrow }))).toEqual({
      fromDate: 'is in the future: there is nothing to import yet',
    });
    expect(fieldsOf(await harness.call('startBackfill', { fromDate: '2026-01-01', restart: true }))).toHaveProperty([
      '(input)',
    ]);
    expect(await getBackfill()).toBeUndefined();
  });

  it('says what to set up first: Wave, then the project', async () => {
    const withoutWave = await harness.call('startBackfill', { fromDate: '2026-01-01' });
    expect(withoutWave.ok === false && withoutWave.error).toEqual({
      code: 'NOT_CONFIGURED',
      message: 'Connect Wave before importing its invoices',
    });

    await saveWaveTokens({
      accessToken: 'access-token-for-the-test',
      refreshToken: 'refresh',
      expiresAt: Date.now() + 3_600_000,
    });
    const withoutProject = await harness.call('startBackfill', { fromDate: ` ${utcDay(Date.now())} ` });
    expect(withoutProject.ok === false && withoutProject.error).toEqual({
      code: 'NOT_CONFIGURED',
      message: 'Choose the Jira project for Wave invoices before importing them',
    });
    expect(await getBackfill()).toBeUndefined();
  });

  it('is for Jira admins only, whatever the input', async () => {
    for (const payload of [{ fromDate: '2026-01-01' }, { fromDate: 'not a day' }]) {
      const answer = await harness.call('startBackfill', payload, { accountId: PLAIN_USER });
      expect(answer.ok === false && answer.error.code).toBe('FORBIDDEN');
    }
    const progress = await harness.call('getBackfillProgress', {}, { accountId: PLAIN_USER });
    expect(progress.ok === false && progress.error.code).toBe('FORBIDDEN');
    expect(await getBackfill()).toBeUndefined();
  });
});

describe("the backfill's progress", () => {
  it("is null before any backfill, then shows progress and the last error without the run's internals", async () => {
    expect(await harness.call('getBackfillProgress', {})).toEqual({
      ok: true,
      data: { backfill: null, serverNow: expect.any(Number) },
    });

    const record: BackfillRecord = {
      runId: 'run-1',
      fromDate: '2026-01-01',
      state: 'failed',
      done: 50,
      total: 120,
      created: 48,
      skipped: 2,
      startedAt: 1_000,
      updatedAt: 2_000,
      lastError: "Wave refused the app's access: reconnect Wave on the admin page.",
      position: walkFrom(Date.UTC(2026, 0, 1)),
    };
    await saveBackfill(record);
    const { runId: _runId, position: _position, ...shown } = record;
    expect(await harness.call('getBackfillProgress', {})).toEqual({
      ok: true,
      data: { backfill: shown, serverNow: expect.any(Number) },
    });
    expect(shown).toMatchObject({
      state: 'failed',
      done: 50,
      total: 120,
      lastError: expect.stringContaining('reconnect Wave'),
    });
    expect(await harness.call('getBackfillProgress', { runId: 'run-1' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('cancelling a backfill', () => {
  const running: BackfillRecord = {
    runId: 'run-2',
    fromDate: '2026-01-01',
    state: 'running',
    done: 50,
    total: 120,
    created: 30,
    alreadyInJira: 20,
    skipped: 0,
    startedAt: 1_000,
    updatedAt: 2_000,
    position: walkFrom(Date.UTC(2026, 0, 1)),
  };

  it('stops a running one: its record says cancelled, and the activity log says how far it got', async () => {
    await saveBackfill(running);
    const answer = await harness.call('cancelBackfill', {});
    expect(answer.ok && answer.data.backfill).toMatchObject({
      state: 'cancelled',
      done: 50,
      created: 30,
      alreadyInJira: 20,
      finishedAt: expect.any(Number),
    });
    expect(await getBackfill()).toMatchObject({ runId: 'run-2', state: 'cancelled' });
    const activity = await harness.call('listActivity', {});
    expect(activity.ok && activity.data.groups[0]?.reason).toContain(
      'was cancelled at 50 of 120 invoices (30 new issues so far)',
    );
  });

  it('answers one that is not running as it is, and says when there is none', async () => {
    const none = await harness.call('cancelBackfill', {});
    expect(none.ok === false && none.error.code).toBe('NOT_FOUND');
    await saveBackfill({ ...running, state: 'done', done: 120, finishedAt: 3_000 });
    const done = await harness.call('cancelBackfill', {});
    expect(done.ok && done.data.backfill).toMatchObject({ state: 'done', done: 120 });
    expect(await getBackfill()).toMatchObject({ state: 'done' });
  });

  it('is for Jira admins only', async () => {
    await saveBackfill(running);
    const answer = await harness.call('cancelBackfill', {}, { accountId: PLAIN_USER });
    expect(answer.ok === false && answer.error.code).toBe('FORBIDDEN');
    expect(await getBackfill()).toMatchObject({ state: 'running' });
  });
});

describe('the first-run offer', () => {
  it('is not made before Wave is connected', async () => {
    const answer = await harness.call('getFirstRun', {});
    expect(answer).toEqual({
      ok: true,
      data: { offerImport: false, needsProject: true, serverNow: expect.any(Number) },
    });
  });
});
