import { FIXTURE_APP, json, startHarness, type StackHarness } from './harness';

interface AdvanceAnswer {
  now: string;
  runs: { key: string; scheduledFor: string; outcome: string; ms: number }[];
}

const MINUTE = 60_000;

describe('the runtime clock, scheduled triggers and queues', () => {
  let h: StackHarness;

  const journal = async (reset = true) => json<string[]>(await h.get(`/webtrigger/journal${reset ? '?reset=1' : ''}`));
  const advance = async (ms: number) => {
    const response = await h.post('/_local/clock/advance', { ms });
    expect(response.status).toBe(200);
    return json<AdvanceAnswer>(response);
  };

  beforeAll(async () => {
    h = await startHarness({ appDir: FIXTURE_APP });
  });

  afterAll(async () => {
    await h.close();
  });

  beforeEach(async () => {
    await h.stack.runtime.idle();
    await journal();
  });

  it('reports health with the runtime time', async () => {
    const response = await h.get('/_local/health');
    expect(response.status).toBe(200);
    const answer = await json<{ ok: boolean; now: string }>(response);
    expect(answer.ok).toBe(true);
    expect(Math.abs(Date.parse(answer.now) - h.stack.clock.now())).toBeLessThan(5_000);
  });

  it('fires every run that falls due, in order, and waits for the queue work each started', async () => {
    const start = h.stack.clock.now();
    const answer = await advance(60 * MINUTE);
    expect(Date.parse(answer.now)).toBeGreaterThanOrEqual(start + 60 * MINUTE);
    const keys = answer.runs.map((run) => run.key);
    expect(keys.filter((key) => key === 'tick-often')).toHaveLength(12);
    expect(keys.filter((key) => key === 'tick-hourly')).toHaveLength(1);
    const times = answer.runs.map((run) => Date.parse(run.scheduledFor));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(answer.runs.every((run) => run.outcome === 'ok')).toBe(true);
    // Each tick pushed one event; the consumer ran (and finished) before the next tick.
    const entries = await journal();
    expect(entries).toHaveLength(26);
    entries.forEach((entry, index) => {
      if (index % 2 === 0) expect(entry).toMatch(/^tick:/);
      else expect(entry).toBe(`consumed:${JSON.stringify({ from: entries[index - 1]?.slice('tick:'.length) })}:0`);
    });
  });

  it('runs one scheduled trigger on demand and waits for its queue work', async () => {
    const response = await h.post('/_local/scheduled/tick-hourly');
    expect(response.status).toBe(200);
    expect((await json<AdvanceAnswer>(response)).runs).toEqual([
      expect.objectContaining({ key: 'tick-hourly', outcome: 'ok' }),
    ]);
    expect(await journal()).toEqual(['tick:tick-hourly', 'consumed:{"from":"tick-hourly"}:0']);
  });

  it('holds delayed events until the clock reaches them', async () => {
    await h.get('/webtrigger/platform?op=enqueue&count=2&delay=600');
    await h.stack.runtime.idle();
    expect(await journal(false)).toEqual([]);
    await advance(10 * MINUTE);
    expect((await journal()).filter((entry) => entry.startsWith('consumed:{"n"'))).toEqual([
      'consumed:{"n":0,"retries":0}:0',
      'consumed:{"n":1,"retries":0}:0',
    ]);
  });

  it('retries an event whose consumer returns InvocationError, after retryAfter on the runtime clock', async () => {
    const { jobId } = await json<{ jobId: string }>(await h.get('/webtrigger/platform?op=enqueue&retries=2'));
    await h.stack.runtime.idle();
    expect(await journal(false)).toEqual(['consumed:{"n":0,"retries":2}:0']);
    await advance(10_000);
    await advance(10_000);
    expect((await journal()).filter((entry) => entry.startsWith('consumed:{"n"'))).toEqual([
      'consumed:{"n":0,"retries":2}:0',
      'consumed:{"n":0,"retries":2}:1',
      'consumed:{"n":0,"retries":2}:2',
    ]);
    expect(await json(await h.get(`/webtrigger/platform?op=stats&jobId=${jobId}`))).toEqual({
      success: 1,
      inProgress: 0,
      failed: 0,
    });
  });

  it.each([
    ['a negative ms', '/_local/clock/advance', { ms: -1 }],
    ['a non-number ms', '/_local/clock/advance', { ms: '5' }],
    ['no body', '/_local/clock/advance', undefined],
    ['an unknown scheduled trigger', '/_local/scheduled/nope', undefined],
    ['an invalid actor', '/_local/actor', { accountId: '<script>' }],
  ])('refuses %s with a clear 4xx', async (_what, urlPath, body) => {
    const response = await h.post(urlPath, body);
    expect([400, 404]).toContain(response.status);
    expect((await json<{ error: string }>(response)).error).toEqual(expect.any(String));
  });

  it('refuses a body that is not JSON', async () => {
    const response = await h.get('/_local/clock/advance', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{ms: 1',
    });
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({ error: 'the body is not valid JSON' });
  });
});

describe('a restarted stack', () => {
  it('resumes at the same simulated time and keeps the schedule', async () => {
    const first = await startHarness({ appDir: FIXTURE_APP });
    let second: StackHarness | undefined;
    try {
      await first.post('/_local/clock/advance', { ms: 3 * MINUTE });
      const before = first.stack.clock.now();
      await first.close({ keepData: true });
      second = await startHarness({ appDir: FIXTURE_APP, dataDir: first.dataDir });
      expect(second.stack.clock.now()).toBeGreaterThanOrEqual(before);
      expect(second.stack.clock.now() - before).toBeLessThan(MINUTE);
      // tick-often was due 5 minutes after the first start: 2 simulated minutes remain.
      const answer = await json<AdvanceAnswer>(await second.post('/_local/clock/advance', { ms: 2 * MINUTE + 1_000 }));
      expect(answer.runs.map((run) => run.key)).toEqual(['tick-often']);
    } finally {
      await (second ?? first).close();
    }
  });
});
