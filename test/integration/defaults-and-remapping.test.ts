import { LOCAL_ADMIN_API_TOKEN, LOCAL_ADMIN_EMAIL } from '../../local/jira-sandbox';
import { getLink } from '../../src/adapters/storage/links';
import type { InvoiceLink } from '../../src/domain/sync';
import type { MappingApplyView } from '../../src/entry/resolvers/api';
import { envelope, later, makeInvoice, usd } from '../support/wave-events';
import { startTestStack, type TestStack } from '../support/test-stack';
import type { WaveInvoice } from '../../src/domain/wave-webhook/types';

/** Issue 11, "Defaults that fit the site": no mapping configured, Jira's search lagging as it does. */
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ jiraSettings: { searchLagMs: 2_000 } });
});
afterAll(async () => t.close());

const BILL = { projectKey: 'BILL' };
const TO_INVOICE = '10101';
const OVERDUE = '10104';

const issue = (key: string) => {
  const found = t.stack.jira.getIssue(key);
  if (!found) throw new Error(`no issue ${key}`);
  return found;
};

/** Delivers each state of one invoice in order (the brief's full-object format); the issue's key. */
async function live(states: WaveInvoice[]): Promise<string> {
  let key = '';
  for (const state of states) {
    const answer = await t.deliver(envelope('invoice.updated', { invoice: state }));
    expect(answer.body.status).toBe('processed');
    key = answer.body.issueKey as string;
  }
  return key;
}

/** The invoice's states from SENT: partly paid, then overdue, then paid, as far as `until`. */
function lifeOf(until: 'SENT' | 'PARTIAL' | 'OVERDUE' | 'PAID'): WaveInvoice[] {
  const sent = makeInvoice({ status: 'SENT' });
  const partial = later(sent, 10, { status: 'PARTIAL', amountPaid: usd('500.00'), amountDue: usd('750.00') });
  const overdue = later(partial, 10, { status: 'OVERDUE' });
  const paid = later(overdue, 10, { status: 'PAID', amountPaid: usd('1250.00'), amountDue: usd('0.00') });
  const states = { SENT: [sent], PARTIAL: [sent, partial], OVERDUE: [sent, partial, overdue] };
  return until === 'PAID' ? [sent, partial, overdue, paid] : states[until];
}

/** Status changes of an issue, from Jira's changelog (as the admin, over REST). */
async function statusChanges(key: string): Promise<string[]> {
  const response = await fetch(`${t.stack.baseUrl}/jira/rest/api/3/issue/${key}?expand=changelog`, {
    headers: {
      authorization: `Basic ${Buffer.from(`${LOCAL_ADMIN_EMAIL}:${LOCAL_ADMIN_API_TOKEN}`).toString('base64')}`,
    },
  });
  const body = (await response.json()) as {
    changelog: { histories: Array<{ items: Array<{ field: string; fromString?: string; toString?: string }> }> };
  };
  return body.changelog.histories
    .flatMap((history) => history.items)
    .filter((item) => item.field === 'status')
    .map((item) => `${item.fromString} → ${item.toString}`)
    .reverse();
}

async function advanceClock(ms: number): Promise<void> {
  const response = await fetch(`${t.stack.baseUrl}/_local/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ms }),
  });
  expect(response.status).toBe(200);
}

async function resolve<N extends Parameters<TestStack['callResolver']>[0]>(
  name: N,
  payload: unknown,
  caller?: { projectKey?: string },
) {
  const answer = await t.callResolver(name, payload, caller);
  if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
  return answer.data;
}

/** Starts "Apply to existing issues" and waits for the work queue to finish it. */
async function applyMapping(): Promise<MappingApplyView> {
  const started = await resolve('applyMappingToIssues', {}, BILL);
  expect(started.apply?.state).toBe('running');
  await t.stack.runtime.idle();
  const progress = await resolve('getMappingApplyProgress', {}, BILL);
  if (!progress.apply) throw new Error('no apply run');
  return progress.apply;
}

describe("without configuration, Wave's statuses go to the project's statuses of the same name", () => {
  it("moves BILL's Invoice issues to Partially Paid, Overdue and Paid, and a deleted invoice to Cancelled", async () => {
    const states = lifeOf('PAID');
    const key = await live(states.slice(0, 1));
    expect(issue(key)).toMatchObject({ issueType: 'Invoice', status: { name: 'Sent' } });
    await live(states.slice(1, 2));
    expect(issue(key).status.name).toBe('Partially Paid');
    await live(states.slice(2, 3));
    expect(issue(key).status.name).toBe('Overdue');
    await live(states.slice(3));
    expect(issue(key).status.name).toBe('Paid');
    expect(await statusChanges(key)).toEqual([
      'Draft → To Invoice',
      'To Invoice → Sent',
      'Sent → Partially Paid',
      'Partially Paid → Overdue',
      'Overdue → Paid',
    ]);

    const saved = makeInvoice({ status: 'SAVED' });
    const draftKey = await live([saved]);
    expect(issue(draftKey).status.name).toBe('Draft');
    const deleted = await t.deliver(envelope('invoice.deleted', { invoice: later(saved, 5, {}) }));
    expect(deleted.body).toEqual({ status: 'processed', issueKey: draftKey });
    expect(issue(draftKey)).toMatchObject({ status: { name: 'Cancelled' }, labels: ['wave-deleted'] });
  });

  it('falls back to the status category on a default workflow (OPS: To Do, In Progress, Done)', async () => {
    const view = await resolve(
      'routeBusinessToProject',
      { businessId: t.stack.wave.businessId },
      { projectKey: 'OPS' },
    );
    expect(view.routing.receivesInvoices).toBe(true);
    try {
      const states = lifeOf('PAID');
      const key = await live(states.slice(0, 2));
      expect(key).toMatch(/^OPS-/);
      // OPS has no Invoice type: Task, as before.
      expect(issue(key)).toMatchObject({ issueType: 'Task', status: { name: 'In Progress' } });
      await live(states.slice(2));
      expect(issue(key).status.name).toBe('Done');
      expect(await statusChanges(key)).toEqual(['To Do → In Progress', 'In Progress → Done']);
    } finally {
      const defaults = await resolve('getDefaults', {});
      await resolve('saveDefaults', {
        defaultProjectKey: 'BILL',
        businessProjects: {},
        invoiceIssueType: defaults.invoiceIssueType,
        customerIssueType: defaults.customerIssueType,
        features: defaults.features,
        worklogMinutes: defaults.worklogMinutes,
      });
    }
  });
});

describe('"Apply to existing issues" after a mapping is saved', () => {
  it('moves every issue the new mapping puts elsewhere once, through the sync walker, and keeps the links right', async () => {
    const sent = await live(lifeOf('SENT'));
    const partlyPaid = [lifeOf('PAID'), lifeOf('PAID')];
    const partials = [await live(partlyPaid[0]!.slice(0, 2)), await live(partlyPaid[1]!.slice(0, 2))];
    const overdue = await live(lifeOf('OVERDUE'));
    const before = new Map(
      await Promise.all([sent, ...partials, overdue].map(async (key) => [key, await statusChanges(key)] as const)),
    );
    // Partly paid invoices are chased like overdue ones; overdue ones are asked to go back to To Invoice, which
    // BILL's workflow has no way back to.
    await resolve('saveProjectMapping', { mapping: { PARTIAL: OVERDUE, OVERDUE: TO_INVOICE } }, BILL);
    await advanceClock(3_000);

    const count = await resolve('countIssuesToRemap', {}, BILL);
    const overdueNow = t.stack.jira
      .listIssues('BILL')
      .filter((candidate) => candidate.status.name === 'Overdue' && candidate.appFields['wave-status'] === 'OVERDUE');
    expect(overdueNow.map((candidate) => candidate.key)).toEqual([overdue]);
    expect(count).toEqual({ toMove: 3, examined: expect.any(Number), complete: true });

    const run = await applyMapping();
    expect(run).toMatchObject({ state: 'done', moved: 2, blocked: 1 });
    expect(run.done).toBe(run.total);
    expect(run.total).toBe(count.examined);
    expect(run.problems).toEqual([
      { issueKey: overdue, reason: expect.stringContaining('cannot reach To Invoice: the workflow has no transition') },
    ]);
    for (const key of partials) {
      expect(issue(key).status.name).toBe('Overdue');
      expect(await statusChanges(key)).toEqual([...(before.get(key) ?? []), 'Partially Paid → Overdue']);
      const waveId = issue(key).appFields['wave-id'] as string;
      const link = await t.stack.runtime.runAsApp(() => getLink<InvoiceLink>('invoice', waveId));
      expect(link?.jiraStatusId).toBe(OVERDUE);
    }
    expect(await statusChanges(sent)).toEqual(before.get(sent));
    expect(await statusChanges(overdue)).toEqual(before.get(overdue));

    // Again: only the blocked one is left; nothing moves twice.
    await advanceClock(3_000);
    expect(await resolve('countIssuesToRemap', {}, BILL)).toMatchObject({ toMove: 1 });
    expect(await applyMapping()).toMatchObject({ state: 'done', moved: 0, blocked: 1 });
    for (const key of partials) expect((await statusChanges(key)).length).toBe((before.get(key)?.length ?? 0) + 1);

    // The next Wave change starts from where the issue was moved.
    await live(partlyPaid[0]!.slice(3));
    expect(issue(partials[0]!).status.name).toBe('Paid');
    expect((await statusChanges(partials[0]!)).slice(-2)).toEqual(['Partially Paid → Overdue', 'Overdue → Paid']);
  });
});
