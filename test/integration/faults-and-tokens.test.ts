import { envelope, makeInvoice } from '../support/wave-events';
import { startTestStack, type TestStack, issuesFor } from '../support/test-stack';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => t.close());
afterEach(() => t.stack.jira.clearFaults());

describe('when Jira or Wave misbehave', () => {
  it("answers 503 with Retry-After during a Jira outage, then succeeds on Wave's retry with nothing duplicated", async () => {
    const invoice = makeInvoice({ status: 'SENT' });
    const event = envelope('invoice.sent', { invoice });
    t.stack.jira.setFaults({ outage: { durationMs: 30_000 } });
    const during = await t.deliver(event);
    expect(during.status).toBe(503);
    expect(Number(during.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(issuesFor(t, invoice.id)).toHaveLength(0);

    await t.stack.runtime.advanceClock(31_000);
    const after = await t.deliverUntilAccepted(event);
    expect(after.body.status).toBe('processed');
    expect(issuesFor(t, invoice.id)).toHaveLength(1);
  });

  it('rides out a storm of 5xx and 429s: every invoice exactly once', async () => {
    t.stack.jira.setFaults({ errorRate: 0.3 });
    const invoices = Array.from({ length: 6 }, () => makeInvoice({ status: 'SENT' }));
    const answers = await Promise.all(
      invoices.map((invoice) => t.deliverUntilAccepted(envelope('invoice.sent', { invoice }), 60)),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200));
    t.stack.jira.clearFaults();
    for (const invoice of invoices) {
      const issues = issuesFor(t, invoice.id);
      expect(issues).toHaveLength(1);
      expect(issues[0]!.status.name).toBe('Sent');
    }
  });

  it('completes thin events from Wave, refreshing an expired token exactly once for a burst', async () => {
    const created = await t.stack.wave.api.invoice({
      invoice: { status: 'SENT' },
      event: 'invoice.sent',
      deliver: false,
    });
    const invoice = created.invoice as { id: string; invoiceNumber: string };
    t.stack.wave.expireAccessTokens();
    const refreshesBefore = t.stack.wave.refreshGrantCount;
    const thin = () =>
      envelope('invoice.sent', { invoice: { id: invoice.id } }, { businessId: t.stack.wave.businessId });
    const answers = await Promise.all(Array.from({ length: 5 }, () => t.deliverUntilAccepted(thin())));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(t.stack.wave.refreshGrantCount - refreshesBefore).toBe(1);
    const issues = issuesFor(t, invoice.id);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.appFields['wave-invoice-number']).toBe(invoice.invoiceNumber);
  });

  it('keeps hostile text as text', async () => {
    const name = '"Ac<me>" & Söhne \u202Eevil\u202C 株式会社 <script>alert(1)</script>';
    const invoice = makeInvoice({
      status: 'SAVED',
      customer: { id: 'hostile-1', name },
      title: "'; DROP TABLE invoices; --",
    });
    const { body } = await t.deliver(envelope('invoice.created', { invoice }));
    const issue = t.stack.jira.getIssue(body.issueKey as string)!;
    expect(issue.appFields['wave-customer']).toBe(name);
    expect(issue.summary).toContain('株式会社');
    expect(JSON.stringify(issue.description)).toContain("'; DROP TABLE invoices; --");
    const page = await (await fetch(`${t.stack.baseUrl}/jira`)).text();
    expect(page).not.toContain('<script>alert(1)</script>');
  });
});
