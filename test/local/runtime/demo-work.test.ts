import { extractInvoiceIssueKeys, type InvoiceTexts } from '../../../src/domain/links';
import { seedLocalApp } from '../../../local/seed-app';
import { seedDemoWork } from '../../../local/seed-work';
import { startHarness, type StackHarness } from './harness';

interface InvoiceNode extends InvoiceTexts {
  invoiceNumber: string;
  status: string;
}

describe("npm start's demo work (ACME and the invoices that bill it)", () => {
  let h: StackHarness;

  beforeAll(async () => {
    h = await startHarness({ seed: seedLocalApp });
  });

  afterAll(async () => {
    await h.close();
  });

  async function invoicesOfWave(): Promise<InvoiceNode[]> {
    const token = h.stack.wave.issueTokens().access_token;
    const response = await h.get('/wave/graphql/public', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `query ($b: ID!) { business(id: $b) { invoices(page: 1, pageSize: 50, sort: [INVOICE_NUMBER_ASC]) {
          edges { node { invoiceNumber status memo poNumber title subhead items { description } } } } } }`,
        variables: { b: h.stack.wave.businessId },
      }),
    });
    const body = (await response.json()) as { data: { business: { invoices: { edges: { node: InvoiceNode }[] } } } };
    return body.data.business.invoices.edges.map((edge) => edge.node);
  }

  it('creates ACME stories and invoices naming them, delivered to the app, once', async () => {
    expect(await seedDemoWork(h.stack, {})).toBe(true);
    const work = h.stack.jira.listIssues('ACME');
    expect(work.map((issue) => [issue.key, issue.issueType, issue.status.name])).toEqual([
      ['ACME-1', 'Story', 'Done'],
      ['ACME-2', 'Story', 'In Progress'],
      ['ACME-3', 'Story', 'In Progress'],
      ['ACME-4', 'Bug', 'To Do'],
      ['ACME-5', 'Task', 'To Do'],
    ]);
    const demo = (await invoicesOfWave()).filter((invoice) => Number(invoice.invoiceNumber) > 1005);
    expect(
      demo.map((invoice) => [invoice.invoiceNumber, invoice.status, extractInvoiceIssueKeys(invoice).keys]),
    ).toEqual([
      ['1006', 'PARTIAL', ['ACME-1', 'ACME-2']],
      ['1007', 'SENT', ['ACME-4', 'ACME-3']],
      ['1008', 'OVERDUE', ['ACME-5']],
    ]);
    expect(h.stack.wave.deliveries().map((delivery) => delivery.lastStatus)).toEqual([200, 200, 200, 200]);

    expect(await seedDemoWork(h.stack, {})).toBe(false);
    expect(h.stack.jira.listIssues('ACME')).toHaveLength(5);
  });

  it('leaves a real Jira site or real Wave alone', async () => {
    expect(await seedDemoWork(h.stack, { JIRA_BASE_URL: 'https://example.atlassian.net' })).toBe(false);
    expect(await seedDemoWork(h.stack, { WAVE_REAL: '1' })).toBe(false);
  });
});
