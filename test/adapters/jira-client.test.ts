import { route } from '@forge/api';
import { JiraClient } from '../../src/adapters/jira/jira-client';
import {
  JiraBadRequestError,
  JiraNotFoundError,
  JiraNotImplementedError,
  JiraPermissionError,
} from '../../src/adapters/jira/jira-errors';
import { UnavailableError } from '../../src/shared/errors';
import { createTimeBudget, type TimeBudget } from '../../src/shared/time-budget';
import { startForgeHarness, type ForgeHarness } from './support/forge-harness';
import { ScriptedJira } from './support/scripted-jira';

let harness: ForgeHarness;
let jira: ScriptedJira;
let now: number;
let waits: number[];

beforeEach(() => {
  harness = startForgeHarness();
  jira = new ScriptedJira();
  harness.setJira(jira.fetch);
  now = 1_000_000;
  waits = [];
});
afterEach(() => harness.close());

/** Simulated time: sleeping moves the budget's clock, so retries cost no real time. */
function appClient(limitMs = 20_000): { client: JiraClient; budget: TimeBudget } {
  const budget = createTimeBudget({ limitMs, now: () => now });
  const sleep = async (ms: number) => {
    waits.push(ms);
    now += ms;
  };
  return { client: JiraClient.asApp(budget, { sleep, random: () => 0.5 }), budget };
}

const issuePath = route`/rest/api/3/issue/${'FIN-1'}`;
const ok = { status: 200, body: { id: '10001', key: 'FIN-1', fields: {} } };

describe('JiraClient', () => {
  it('honours Retry-After on 429 and waits longer for per-issue write limits', async () => {
    jira.answer(
      { status: 429, headers: { 'Retry-After': '1', 'RateLimit-Reason': 'jira-per-issue-on-write' } },
      { status: 204 },
    );
    const { client } = appClient();
    await client.request('PUT', issuePath, { body: { fields: { summary: 'x' } } });
    expect(waits).toEqual([2_000]);
    expect(client.requestCount).toBe(2);

    jira.answer({ status: 429, headers: { 'Retry-After': '3', 'RateLimit-Reason': 'jira-burst-based' } }, ok);
    await client.request('GET', issuePath);
    expect(waits).toEqual([2_000, 3_000]);
  });

  it('retries 5xx and network failures of repeatable requests with backoff', async () => {
    jira.failNext = 1;
    jira.answer({ status: 503 }, ok);
    const { client } = appClient();
    await expect(client.request('GET', issuePath)).resolves.toMatchObject({ key: 'FIN-1' });
    expect(client.requestCount).toBe(3);
    expect(waits).toHaveLength(2);
  });

  it('fails at once on 501 Not Implemented, which no retry changes', async () => {
    jira.answer(
      { status: 501, body: { errorMessages: ['getWorkflowSchemeProjectAssociations is not implemented'], errors: {} } },
      ok,
    );
    const { client } = appClient();
    const failure = await client.request('GET', issuePath).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(JiraNotImplementedError);
    expect(failure).toMatchObject({
      status: 501,
      httpStatus: 502,
      message: expect.stringContaining('getWorkflowSchemeProjectAssociations is not implemented'),
    });
    expect(client.requestCount).toBe(1);
    expect(waits).toEqual([]);
  });

  it('does not repeat a create after a 5xx: the outcome is unknown', async () => {
    jira.answer({ status: 500 });
    const { client } = appClient();
    const failure = client.request('POST', route`/rest/api/3/issue`, { body: { fields: { summary: 'x' } } });
    await expect(failure).rejects.toMatchObject({ constructor: UnavailableError, outcomeUnknown: true });
    expect(client.requestCount).toBe(1);
  });

  it('gives up with 503 and the retry-after when the rate limit outlasts the budget', async () => {
    jira.answer({ status: 429, headers: { 'Retry-After': '60', 'RateLimit-Reason': 'jira-burst-based' } });
    const { client } = appClient(20_000);
    const failure = client.request('GET', issuePath);
    await expect(failure).rejects.toBeInstanceOf(UnavailableError);
    await expect(failure).rejects.toMatchObject({ httpStatus: 503, retryAfterSeconds: 60 });
    expect(waits).toEqual([]);
  });

  it('stops after the attempt cap even when the budget would allow more', async () => {
    jira.answer(...Array.from({ length: 4 }, () => ({ status: 429, headers: { 'Retry-After': '1' } })));
    const { client } = appClient(60_000);
    await expect(client.request('GET', issuePath)).rejects.toBeInstanceOf(UnavailableError);
    expect(client.requestCount).toBe(4);
  });

  it("maps Jira errors to typed errors with Jira's details", async () => {
    const { client } = appClient();
    jira.answer({
      status: 404,
      body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
    });
    await expect(client.request('GET', issuePath)).rejects.toBeInstanceOf(JiraNotFoundError);

    jira.answer({
      status: 400,
      body: { errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } },
    });
    const bad = await client
      .request('POST', route`/rest/api/3/issue`, { body: { fields: {} } })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(JiraBadRequestError);
    expect((bad as JiraBadRequestError).details.errors).toEqual({
      summary: 'You must specify a summary of the issue.',
    });
    expect((bad as JiraBadRequestError).httpStatus).toBe(400);

    jira.answer({ status: 403, body: { errorMessages: ['Forbidden'] } }, { status: 401 });
    await expect(client.request('GET', issuePath)).rejects.toBeInstanceOf(JiraPermissionError);
    await expect(client.request('GET', issuePath)).rejects.toMatchObject({ httpStatus: 403, status: 401 });
  });

  it('sends requests as the user when asked', async () => {
    jira.answer({ status: 200, body: { permissions: {} } });
    const budget = createTimeBudget({ limitMs: 5_000 });
    await JiraClient.asUser('user-123', budget).request(
      'GET',
      route`/rest/api/3/mypermissions?permissions=${'ADMINISTER'}`,
    );
    expect(jira.requests[0]?.principal).toBe('user:user-123');
  });
});
