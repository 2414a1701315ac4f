import { changeInWave, postWave, waveBody } from '../support/wave-format';
import { startTestStack, type TestStack } from '../support/test-stack';

/** Issue 14, item 3: invoices link to the work they bill, once, and only the app's own links ever go. */
let t: TestStack;
const ADMIN = 'user:712020:00000000-0000-4000-a000-000000000001';
beforeAll(async () => {
  t = await startTestStack({ jiraSettings: { searchLagMs: 0 } });
});
afterAll(async () => t.close());

async function jira(method: string, path: string, body?: unknown, principal = ADMIN) {
  const response = await fetch(`${t.stack.baseUrl}/jira/rest/api/3${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-forge-principal': principal },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

async function story(summary: string): Promise<string> {
  const created = await jira('POST', '/issue', {
    fields: { project: { key: 'ACME' }, issuetype: { name: 'Story' }, summary },
  });
  return created.key as string;
}

const linkedKeys = (issueKey: string) =>
  (t.stack.jira.getIssue(issueKey)?.links ?? []).map((link) => link.issueKey).sort();

async function billed(invoice: Record<string, unknown>): Promise<{ id: string; issueKey: string }> {
  const created = await changeInWave(t, { status: 'SENT', total: { value: '100.00' }, ...invoice });
  const answer = await postWave(t, waveBody(t, 'invoice.sent', created.id).body);
  expect(answer.status).toBe(200);
  return { id: created.id, issueKey: answer.body.issueKey as string };
}

describe('links from invoices to the work they bill', () => {
  it('links every issue the memo, PO number and items name, once, whatever the redeliveries', async () => {
    const [first, second, third] = [await story('Checkout'), await story('Search'), await story('Reports')];
    const { id, issueKey } = await billed({
      memo: `Sprint 14: ${first}, ${second}`,
      poNumber: `PO for ${first}`,
      items: [{ description: `Work on ${third}`, quantity: '1', unitPrice: '100.00' }],
    });
    expect(linkedKeys(issueKey)).toEqual(expect.arrayContaining([first, second, third]));
    const before = linkedKeys(issueKey).length;
    for (let n = 0; n < 3; n += 1) await postWave(t, waveBody(t, 'invoice.sent', id).body);
    expect(linkedKeys(issueKey)).toHaveLength(before);
    // The work issue shows the invoice that billed it.
    expect(linkedKeys(first)).toContain(issueKey);
  });

  it('racing deliveries of a new invoice make one link per issue', async () => {
    const work = await story('Payments');
    const invoice = await changeInWave(t, { status: 'SENT', total: { value: '10.00' }, memo: `Billing ${work}` });
    const bodies = Array.from({ length: 5 }, () => waveBody(t, 'invoice.sent', invoice.id).body);
    const answers = await Promise.all(bodies.map((body) => t.deliverUntilAccepted(JSON.parse(body))));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(linkedKeys(work).filter((key) => key.startsWith('BILL-'))).toHaveLength(1);
  });

  it("a key taken off the invoice removes only the app's link; a person's link stays", async () => {
    const [kept, dropped, personal] = [await story('A'), await story('B'), await story('C')];
    const { id, issueKey } = await billed({ memo: `${kept} and ${dropped}` });
    await jira('POST', '/issueLink', {
      type: { name: 'Relates' },
      inwardIssue: { key: personal },
      outwardIssue: { key: issueKey },
    });
    await changeInWave(t, { id, memo: `only ${kept} now`, status: 'VIEWED' });
    await postWave(t, waveBody(t, 'invoice.viewed', id).body);
    const links = linkedKeys(issueKey);
    expect(links).toContain(kept);
    expect(links).toContain(personal);
    expect(links).not.toContain(dropped);
  });

  it('names an unknown key in the activity log and links nothing for it', async () => {
    const { issueKey } = await billed({ memo: 'see ZZZ-404' });
    expect(linkedKeys(issueKey).filter((key) => key.startsWith('ZZZ'))).toEqual([]);
    const activity = await t.callResolver('listActivity', {});
    const entry = activity.ok ? activity.data.groups.find((candidate) => candidate.issueKey === issueKey) : undefined;
    expect(entry?.reason).toContain('ZZZ-404');
  });

  it('links every invoice of a customer to the issue the project maps that customer to', async () => {
    const epic = await story('Acme retainer');
    const customer = (await t.stack.wave.api.customer({ customer: { name: 'Mapped Co' } })).customer as unknown as {
      id: string;
    };
    const { saveAppConfig, getAppConfig } = await import('../../src/adapters/storage/config');
    await t.stack.runtime.runAsApp(async () => {
      const config = await getAppConfig();
      await saveAppConfig({ ...config, workLinks: { BILL: { customerIssues: { [customer.id]: epic } } } });
    });
    const first = await billed({ customerId: customer.id });
    const second = await billed({ customerId: customer.id });
    expect(linkedKeys(first.issueKey)).toContain(epic);
    expect(linkedKeys(second.issueKey)).toContain(epic);
  });
});
