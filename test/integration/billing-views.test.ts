import { LOCAL_ADMIN_ACCOUNT_ID, LOCAL_USER_ACCOUNT_ID } from '../../local/jira-sandbox';
import { resourceGlobalId } from '../../local/wave-sandbox/ids';
import { SEED_BUSINESS_UUID } from '../../local/wave-sandbox/seed';
import { seedDemoWork } from '../../local/seed-work';
import type { InvoicePanelView } from '../../src/entry/resolvers/billing/api';
import { startTestStack, type TestStack } from '../support/test-stack';
import { billingData, gadgetOrigin, invokeBilling, PANEL } from './billing-support';

/**
 * Issue 14, items 1 and 2: the invoice panel and the receivables gadget's resolvers, called as their frames call
 * them (the runtime's bridge, Jira's extension context), over `npm start`'s demo work: ACME's stories, three
 * invoices in BILL that name them (1006 part paid, 1007 sent, 1008 overdue) and their customer's account issue.
 */
let t: TestStack;
let invoiceKeys: Record<'partial' | 'sent' | 'overdue', string>;
let customerKey: string;

const panel = (issueKey: string, accountId?: string) => ({ moduleKey: PANEL, issueKey, accountId });

beforeAll(async () => {
  t = await startTestStack({ jiraSettings: { searchLagMs: 0 } });
  await seedDemoWork(t.stack, {});
  const bill = t.stack.jira.listIssues('BILL');
  const keyOf = (summary: string) => bill.find((issue) => issue.summary.startsWith(summary))?.key as string;
  invoiceKeys = { partial: keyOf('Invoice 1006'), sent: keyOf('Invoice 1007'), overdue: keyOf('Invoice 1008') };
  customerKey = keyOf('Customer');
});
afterAll(async () => t.close());

afterEach(async () => {
  for (const projectKey of ['ACME', 'BILL'])
    t.stack.jira.setProjectPermissions({ accountId: LOCAL_USER_ACCOUNT_ID, projectKey, permissions: null });
});

describe('the invoice panel', () => {
  it('on an invoice: figures, payments, customer, the work it bills, Wave link and resync for admins', async () => {
    const view = (await billingData(t, 'getIssueBilling', panel(invoiceKeys.partial))) as InvoicePanelView;
    expect(view).toMatchObject({
      kind: 'invoice',
      invoiceNumber: '1006',
      status: 'PARTIAL',
      currency: 'USD',
      totalMinor: 480_000,
      paidMinor: 192_000,
      dueMinor: 288_000,
      deleted: false,
      canResync: true,
      customerIssue: { key: customerKey },
    });
    expect(view.payments).toEqual([expect.objectContaining({ amountMinor: 192_000, currency: 'USD' })]);
    expect(view.work.map((issue) => [issue.key, issue.status])).toEqual([
      ['ACME-1', 'Done'],
      ['ACME-2', 'In Progress'],
    ]);
    expect(view.viewUrl).toMatch(/^https:\/\/next\.waveapps\.com\/.+\/invoices\/\d+$/);
    expect(view.waveModifiedAt).toEqual(expect.any(String));
    expect(view.daysPastDue).toBeLessThan(0);
  });

  it('on an overdue invoice: days past due', async () => {
    const view = (await billingData(t, 'getIssueBilling', panel(invoiceKeys.overdue))) as InvoicePanelView;
    expect(view).toMatchObject({ status: 'OVERDUE', daysPastDue: 15, dueMinor: 150_000, payments: [] });
  });

  it("on a customer's account issue: its invoices and what it owes per currency", async () => {
    const view = await billingData(t, 'getIssueBilling', panel(customerKey));
    expect(view).toMatchObject({ kind: 'customer', name: 'Acme Robotics, Inc.', truncated: false });
    if (view.kind !== 'customer') throw new Error('not a customer view');
    expect(view.totals).toEqual([
      { currency: 'USD', outstandingMinor: 714_000, overdueMinor: 150_000, openCount: 3, overdueCount: 1 },
    ]);
    expect(view.invoices.map((invoice) => [invoice.invoiceNumber, invoice.issueKey])).toEqual([
      ['1007', invoiceKeys.sent],
      ['1006', invoiceKeys.partial],
      ['1008', invoiceKeys.overdue],
    ]);
  });

  it('on a work issue: the invoices that billed it; on other issues, nothing', async () => {
    const billed = await billingData(t, 'getIssueBilling', panel('ACME-1'));
    expect(billed).toMatchObject({ kind: 'work', billedOn: [{ issueKey: invoiceKeys.partial, status: 'PARTIAL' }] });
    const created = await fetch(`${t.stack.baseUrl}/jira/rest/api/3/issue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forge-principal': `user:${LOCAL_ADMIN_ACCOUNT_ID}` },
      body: JSON.stringify({
        fields: { project: { key: 'ACME' }, issuetype: { name: 'Task' }, summary: 'Not billed' },
      }),
    });
    const { key } = (await created.json()) as { key: string };
    expect(await billingData(t, 'getIssueBilling', panel(key))).toMatchObject({ kind: 'work', billedOn: [] });
  });

  it('reads as the viewer: what they may not browse never shows, an issue they may not see is not served', async () => {
    t.stack.jira.setProjectPermissions({ accountId: LOCAL_USER_ACCOUNT_ID, projectKey: 'ACME', permissions: [] });
    const view = (await billingData(
      t,
      'getIssueBilling',
      panel(invoiceKeys.partial, LOCAL_USER_ACCOUNT_ID),
    )) as InvoicePanelView;
    expect(view.work).toEqual([]);
    expect(view.canResync).toBe(false);
    expect(view.customerIssue?.key).toBe(customerKey);

    const hidden = await invokeBilling(t, 'getIssueBilling', panel('ACME-1', LOCAL_USER_ACCOUNT_ID));
    expect(hidden.status).toBe(404);
    expect(hidden.ok).toBe(false);

    t.stack.jira.setProjectPermissions({ accountId: LOCAL_USER_ACCOUNT_ID, projectKey: 'ACME', permissions: null });
    const work = await billingData(t, 'getIssueBilling', panel('ACME-1', LOCAL_USER_ACCOUNT_ID));
    expect(work).toMatchObject({ kind: 'work', billedOn: [{ issueKey: invoiceKeys.partial }] });
    t.stack.jira.setProjectPermissions({ accountId: LOCAL_USER_ACCOUNT_ID, projectKey: 'BILL', permissions: [] });
    const unseen = await billingData(t, 'getIssueBilling', panel('ACME-1', LOCAL_USER_ACCOUNT_ID));
    expect(unseen).toMatchObject({ kind: 'work', billedOn: [] });
  });

  it('refuses a call from elsewhere than an issue, or one that names its own issue', async () => {
    const gadget = await invokeBilling(t, 'getIssueBilling', gadgetOrigin(t));
    expect(gadget.value).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const bad = await invokeBilling(t, 'getIssueBilling', panel(customerKey), { issueKey: 'ACME-1' });
    expect(bad.value).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('the PDF link', () => {
  it('is asked of Wave for the invoice the app synced to the issue, and refused elsewhere', async () => {
    const pdf = await billingData(t, 'getInvoicePdf', panel(invoiceKeys.partial));
    expect(pdf.url).toMatch(/^https:\/\/[a-z.]*waveapps\.com\//);
    const onWork = await invokeBilling(t, 'getInvoicePdf', panel('ACME-1'));
    expect(onWork.value).toMatchObject({ ok: false });
  });
});

describe('Resync from Wave', () => {
  it('applies what Wave says through the sync, for project admins only', async () => {
    const before = (await billingData(t, 'getIssueBilling', panel(invoiceKeys.sent))) as InvoicePanelView;
    // A payment Wave recorded but never delivered (a lost webhook): the panel still shows the old figures.
    await t.stack.wave.api.payment({
      invoiceId: resourceGlobalId(SEED_BUSINESS_UUID, 'Invoice', before.viewUrl?.split('/').pop() ?? ''),
      amount: '760.00',
      paymentMethod: 'CASH',
      deliver: false,
    });

    const refused = await invokeBilling(t, 'resyncInvoice', panel(invoiceKeys.sent, LOCAL_USER_ACCOUNT_ID));
    expect(refused.value).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(((await billingData(t, 'getIssueBilling', panel(invoiceKeys.sent))) as InvoicePanelView).paidMinor).toBe(0);

    const resynced = await billingData(t, 'resyncInvoice', panel(invoiceKeys.sent));
    expect(resynced.outcome).toBe('updated');
    const after = (await billingData(t, 'getIssueBilling', panel(invoiceKeys.sent))) as InvoicePanelView;
    expect(after).toMatchObject({ status: 'PARTIAL', paidMinor: 76_000, dueMinor: 200_000 });
    expect(after.payments).toEqual([expect.objectContaining({ amountMinor: 76_000, currency: 'USD' })]);

    expect((await billingData(t, 'resyncInvoice', panel(invoiceKeys.sent))).outcome).toBe('unchanged');
  });

  it('refuses on an issue that is not an invoice', async () => {
    const answer = await invokeBilling(t, 'resyncInvoice', panel('ACME-1'));
    expect(answer.value).toMatchObject({ ok: false });
  });
});
