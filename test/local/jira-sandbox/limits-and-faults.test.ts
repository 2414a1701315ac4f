import { createIssue, useJiraSandbox } from './harness';

const sandbox = useJiraSandbox({ each: true });

describe('rate limits', () => {
  it("answers a burst of 150 GETs on one endpoint with 429s and Jira's headers, and refills with the clock", async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let index = 0; index < 150; index += 1) {
      const response = await fetch(`${sandbox.baseUrl}/jira/rest/api/3/myself`, {
        headers: { 'x-forge-principal': 'app' },
      });
      statuses.push(response.status);
      if (response.status === 429 && !limited) limited = response;
      await response.arrayBuffer();
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(100);
    expect(statuses.filter((status) => status === 429)).toHaveLength(50);
    expect(limited?.headers.get('retry-after')).toBe('1');
    expect(limited?.headers.get('ratelimit-reason')).toBe('jira-burst-based');
    expect(limited?.headers.get('x-ratelimit-limit')).toBe('100');
    expect(limited?.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited?.headers.get('x-ratelimit-reset')).toMatch(/^2026-01-17T12:00:0\d\.\d{3}Z$/);
    // Other endpoints have their own bucket.
    expect((await sandbox.call('GET', '/rest/api/3/serverInfo')).status).toBe(200);
    sandbox.clock.advance(1000);
    expect((await sandbox.call('GET', '/rest/api/3/myself')).status).toBe(200);
    const counts = sandbox.control.stats().requests.filter((entry) => entry.path === '/rest/api/3/myself');
    expect(counts).toEqual([
      { method: 'GET', path: '/rest/api/3/myself', status: 200, count: 101 },
      { method: 'GET', path: '/rest/api/3/myself', status: 429, count: 50 },
    ]);
  });

  it('limits writes per issue: 20 in 2 seconds', async () => {
    const issue = await createIssue(sandbox);
    const statuses: number[] = [];
    for (let index = 0; index < 21; index += 1) {
      const response = await sandbox.call('PUT', `/rest/api/3/issue/${issue.id}`, {
        body: { fields: { summary: `Edit ${index}` } },
      });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get('ratelimit-reason')).toBe('jira-per-issue-on-write');
        expect(response.headers.get('retry-after')).toBe('2');
      }
    }
    expect(statuses.slice(0, 20).every((status) => status === 204)).toBe(true);
    expect(statuses[20]).toBe(429);
    // Another issue is not affected; reads are not writes.
    const other = await createIssue(sandbox);
    expect(
      (await sandbox.call('PUT', `/rest/api/3/issue/${other.id}`, { body: { fields: { summary: 'x' } } })).status,
    ).toBe(204);
    expect((await sandbox.call('GET', `/rest/api/3/issue/${issue.id}?fields=summary`)).body.fields.summary).toBe(
      'Edit 19',
    );
    sandbox.clock.advance(2000);
    expect(
      (await sandbox.call('PUT', `/rest/api/3/issue/${issue.id}`, { body: { fields: { summary: 'Later' } } })).status,
    ).toBe(204);
  });

  it('limits writes per issue: 100 in 30 seconds, across app field updates', async () => {
    const issue = await createIssue(sandbox);
    let firstLimited = -1;
    for (let index = 0; index < 101 && firstLimited < 0; index += 1) {
      if (index % 20 === 0 && index > 0) sandbox.clock.advance(2100);
      const response = await sandbox.call('POST', '/rest/api/3/app/field/value', {
        body: { updates: [{ customField: 'customfield_10101', issueIds: [Number(issue.id)], value: index }] },
      });
      if (response.status === 429) firstLimited = index;
    }
    expect(firstLimited).toBe(100);
  });

  it('can be switched off', async () => {
    sandbox.control.setRateLimitsEnabled(false);
    const statuses = new Set<number>();
    for (let index = 0; index < 120; index += 1)
      statuses.add((await sandbox.call('GET', '/rest/api/3/serverInfo')).status);
    expect([...statuses]).toEqual([200]);
  });
});

describe('faults', () => {
  it('fails a seeded share of requests with 5xx, the same ones for the same seed', async () => {
    const run = async () => {
      sandbox.control.setFaults({ errorRate: 0.3, seed: 42, rateLimits: false });
      const statuses: number[] = [];
      for (let index = 0; index < 40; index += 1)
        statuses.push((await sandbox.call('GET', '/rest/api/3/serverInfo')).status);
      return statuses;
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    const failures = first.filter((status) => status >= 500);
    expect(failures.length).toBeGreaterThan(4);
    expect(failures.length).toBeLessThan(24);
    expect(failures.every((status) => [500, 502, 503, 504].includes(status))).toBe(true);
    sandbox.control.clearFaults();
    expect((await sandbox.call('GET', '/rest/api/3/serverInfo')).status).toBe(200);
  });

  it('simulates an outage and a rate-limit storm on the runtime clock, set over HTTP', async () => {
    const set = await fetch(`${sandbox.baseUrl}/jira/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outage: { durationMs: 30_000 } }),
    });
    expect(set.status).toBe(200);
    const down = await sandbox.call('GET', '/rest/api/3/myself');
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('30');
    sandbox.clock.advance(30_000);
    expect((await sandbox.call('GET', '/rest/api/3/myself')).status).toBe(200);

    sandbox.control.setFaults({ rateLimitStorm: { durationMs: 5_000 } });
    const storm = await sandbox.call('GET', '/rest/api/3/serverInfo');
    expect(storm.status).toBe(429);
    expect(storm.headers.get('retry-after')).toBe('5');
    sandbox.clock.advance(5_000);
    expect((await sandbox.call('GET', '/rest/api/3/serverInfo')).status).toBe(200);

    const invalid = await fetch(`${sandbox.baseUrl}/jira/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 2 }),
    });
    expect(invalid.status).toBe(400);
    const cleared = await fetch(`${sandbox.baseUrl}/jira/_sandbox/faults`, { method: 'DELETE' }).then((res) =>
      res.json(),
    );
    expect(cleared).toMatchObject({ errorRate: 0, latencyMs: 0, rateLimits: true });
  });

  it('loses the answers of the next writes it applies, as a gateway timing out would', async () => {
    sandbox.control.setFaults({ lostAnswers: 1 });
    const fields = { project: { key: 'BILL' }, issuetype: { name: 'Invoice' }, summary: 'Lost answer' };
    const lost = await sandbox.call('POST', '/rest/api/3/issue', { body: { fields } });
    expect(lost.status).toBe(504);
    // The next write is answered; the one before it was applied all the same.
    const next = await sandbox.call('POST', '/rest/api/3/issue', { body: { fields } });
    expect(next.status).toBe(201);
    const [, number] = /^BILL-(\d+)$/.exec(next.body.key) ?? [];
    const applied = await sandbox.call('GET', `/rest/api/3/issue/BILL-${Number(number) - 1}?fields=summary`);
    expect(applied.body.fields.summary).toBe('Lost answer');
  });

  it('adds latency', async () => {
    sandbox.control.setFaults({ latencyMs: 150 });
    const started = Date.now();
    expect((await sandbox.call('GET', '/rest/api/3/myself')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('counts requests and resets the counts', async () => {
    await sandbox.call('GET', '/rest/api/3/issue/BILL-404');
    const stats = await fetch(`${sandbox.baseUrl}/jira/_sandbox/stats`).then((res) => res.json());
    expect(stats.requests).toEqual([
      { method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}', status: 404, count: 1 },
    ]);
    await fetch(`${sandbox.baseUrl}/jira/_sandbox/stats/reset`, { method: 'POST' });
    expect(sandbox.control.stats().total).toBe(0);
  });
});
