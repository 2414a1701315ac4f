import { changeInWave, payInWave, postWave, waveBody } from '../support/wave-format';
import { startTestStack, type TestStack, issuesFor } from '../support/test-stack';

/** Issue 11, items 1–3: what people wrote stays; Wave's figures are Jira data; customers get account issues. */
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ jiraSettings: { searchLagMs: 0 } });
});
afterAll(async () => t.close());

async function deliver(type: string, invoiceId: string) {
  const answer = await postWave(t, waveBody(t, type, invoiceId).body);
  expect(answer.status).toBe(200);
  return answer.body;
}

async function editAsPerson(issueKey: string, fields: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${t.stack.baseUrl}/jira/rest/api/3/issue/${issueKey}`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      'x-forge-principal': 'user:712020:00000000-0000-4000-a000-000000000001',
    },
    body: JSON.stringify({ fields }),
  });
  expect(response.status).toBe(204);
}

async function jql(query: string): Promise<string[]> {
  const response = await fetch(`${t.stack.baseUrl}/jira/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forge-principal': 'app' },
    body: JSON.stringify({ jql: query, fields: ['summary'], maxResults: 100 }),
  });
  const body = (await response.json()) as { issues?: Array<{ key: string }>; errorMessages?: string[] };
  if (!response.ok) throw new Error(`JQL refused: ${JSON.stringify(body)}`);
  return (body.issues ?? []).map((issue) => issue.key).sort();
}

const note = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('the app owns only what it wrote', () => {
  it("a person's description edit survives every later Wave change", async () => {
    const invoice = await changeInWave(t, { status: 'SENT', total: { value: '500.00' } });
    const { issueKey } = await deliver('invoice.sent', invoice.id);
    await editAsPerson(issueKey as string, { description: note('Agreed with Acme: pay in two parts.') });

    await changeInWave(t, { id: invoice.id, total: { value: '650.00' }, status: 'VIEWED' });
    await deliver('invoice.viewed', invoice.id);
    await payInWave(t, invoice.id, '650.00');
    const paid = await postWave(t, waveBody(t, 'invoice.paid', invoice.id).body);

    const issue = t.stack.jira.getIssue(issueKey as string)!;
    expect(JSON.stringify(issue.description)).toContain('Agreed with Acme: pay in two parts.');
    expect(issue.appFields).toMatchObject({ 'wave-amount': 650, 'wave-status': 'PAID', 'wave-amount-due': 0 });
    const activity = await t.callResolver('listActivity', {});
    const reasons = activity.ok ? activity.data.groups.map((entry) => entry.reason ?? '').join(' ') : '';
    expect(reasons).toContain('description was edited in Jira');
    expect(paid.body.status).toBe('processed');
  });

  it('an untouched description follows the invoice, and a person-edited summary stays', async () => {
    const invoice = await changeInWave(t, { status: 'SENT', total: { value: '100.00' } });
    const { issueKey } = await deliver('invoice.sent', invoice.id);
    await editAsPerson(issueKey as string, { summary: 'Acme — March retainer' });
    await changeInWave(t, { id: invoice.id, total: { value: '120.00' } });
    await changeInWave(t, { id: invoice.id, status: 'VIEWED' });
    await deliver('invoice.viewed', invoice.id);
    const issue = t.stack.jira.getIssue(issueKey as string)!;
    expect(issue.summary).toBe('Acme — March retainer');
    expect(JSON.stringify(issue.description)).toContain('USD 120.00');
  });

  it("never touches a person's comments or labels", async () => {
    const invoice = await changeInWave(t, { status: 'SENT', total: { value: '80.00' } });
    const { issueKey } = await deliver('invoice.sent', invoice.id);
    await editAsPerson(issueKey as string, { labels: ['priority-client'] });
    await payInWave(t, invoice.id, '80.00');
    await deliver('invoice.paid', invoice.id);
    expect(t.stack.jira.getIssue(issueKey as string)!.labels).toEqual(['priority-client']);
  });
});

describe('finance data as Jira data', () => {
  it('sets the numbers, the due date and an indexed property JQL can filter and compare', async () => {
    const big = await changeInWave(t, { status: 'SENT', total: { value: '4200.00' }, dueDate: '2026-01-15' });
    const small = await changeInWave(t, { status: 'SENT', total: { value: '300.00' }, dueDate: '2026-01-15' });
    const bigKey = (await deliver('invoice.sent', big.id)).issueKey as string;
    const smallKey = (await deliver('invoice.sent', small.id)).issueKey as string;
    for (const invoice of [big, small]) {
      await changeInWave(t, { id: invoice.id, status: 'OVERDUE' });
      await deliver('invoice.overdue', invoice.id);
    }
    await payInWave(t, big.id, '1000.00');
    await deliver('invoice.partially_paid', big.id);

    const issue = t.stack.jira.getIssue(bigKey)!;
    expect(issue.duedate).toBe('2026-01-15');
    expect(issue.appFields).toMatchObject({ 'wave-amount': 4200, 'wave-amount-due': 3200, 'wave-amount-paid': 1000 });
    expect(issue.properties['wave-link']).toMatchObject({ status: 'OVERDUE', amountDue: 3200, currency: 'USD' });

    expect(await jql('waveStatus = OVERDUE AND waveAmountDue > 1000')).toEqual([bigKey]);
    expect(await jql('waveStatus IN (OVERDUE, PAID) AND waveAmountDue <= 1000 AND waveKind = invoice')).toContain(
      smallKey,
    );
    expect(await jql('duedate < "2026-02-01" AND waveAmountDue > 0')).toEqual(
      expect.arrayContaining([bigKey, smallKey]),
    );
  });
});

describe('customers', () => {
  it("a customer's account issue appears with its first invoice, linked, and carries what it owes", async () => {
    const customer = (await t.stack.wave.api.customer({ customer: { name: 'Globex Partners' } }))
      .customer as unknown as {
      id: string;
    };
    const first = await changeInWave(t, { status: 'SENT', total: { value: '900.00' }, customerId: customer.id });
    await deliver('invoice.sent', first.id);
    const [account] = issuesFor(t, customer.id);
    expect(account?.summary).toBe('Customer · Globex Partners');
    expect(account?.appFields).toMatchObject({ 'wave-outstanding': 900, 'wave-overdue': 0 });
    expect(issuesFor(t, first.id)[0]?.links.map((link) => link.issueKey)).toContain(account?.key);

    const second = await changeInWave(t, { status: 'SENT', total: { value: '100.00' }, customerId: customer.id });
    await deliver('invoice.sent', second.id);
    await payInWave(t, first.id, '900.00');
    await deliver('invoice.paid', first.id);
    expect(issuesFor(t, customer.id)).toHaveLength(1);
    expect(issuesFor(t, customer.id)[0]?.appFields).toMatchObject({ 'wave-outstanding': 100 });
    expect(issuesFor(t, second.id)[0]?.links.map((link) => link.issueKey)).toContain(account?.key);
  });
});
