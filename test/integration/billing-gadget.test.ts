import { LOCAL_USER_ACCOUNT_ID } from '../../local/jira-sandbox';
import { seedDemoWork } from '../../local/seed-work';
import { startTestStack, type TestStack } from '../support/test-stack';
import { billingData, gadgetOrigin, invokeBilling, PANEL } from './billing-support';

/** Issue 14, item 2: the receivables gadget's resolvers, through the bridge, over `npm start`'s demo invoices. */
let t: TestStack;

beforeAll(async () => {
  t = await startTestStack({ jiraSettings: { searchLagMs: 0 } });
  await seedDemoWork(t.stack, {});
});
afterAll(async () => t.close());
afterEach(() =>
  t.stack.jira.setProjectPermissions({ accountId: LOCAL_USER_ACCOUNT_ID, projectKey: 'BILL', permissions: null }),
);

async function submit(configuration: unknown): Promise<{ status: number; ok: boolean; error?: string }> {
  const response = await fetch(`${t.stack.baseUrl}/_local/bridge/submit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ origin: { ...gadgetOrigin(t), entryPoint: 'edit' }, payload: configuration }),
  });
  return { status: response.status, ...((await response.json()) as { ok: boolean; error?: string }) };
}

describe('the receivables gadget', () => {
  it('unconfigured: the billing projects, per currency, aged, with the overdue list and this month’s payments', async () => {
    const view = await billingData(t, 'getReceivables', gadgetOrigin(t));
    expect(view).toMatchObject({ defaulted: true, projects: [{ key: 'BILL' }], hiddenProjects: 0, openCount: 3 });
    expect(view.currencies).toHaveLength(1);
    const [usd] = view.currencies;
    expect(usd).toMatchObject({ currency: 'USD', outstandingMinor: 714_000, overdueMinor: 150_000, overdueCount: 1 });
    expect(usd?.paidThisMonthMinor).toBe(192_000);
    expect(usd?.aging.map((row) => [row.key, row.amountMinor, row.count])).toEqual([
      ['current', 564_000, 2],
      ['days1to30', 150_000, 1],
      ['days31to60', 0, 0],
      ['days61to90', 0, 0],
      ['over90', 0, 0],
    ]);
    expect(view.topCustomers).toEqual([
      expect.objectContaining({ name: 'Acme Robotics, Inc.', currency: 'USD', outstandingMinor: 714_000 }),
    ]);
    expect(view.overdue).toMatchObject({ count: 1, invoices: [{ invoiceNumber: '1008', daysPastDue: 15 }] });
  });

  it('the edit view offers the billing projects the viewer may browse; the view follows what it saved', async () => {
    const options = await billingData(t, 'getGadgetOptions', { ...gadgetOrigin(t), entryPoint: 'edit' });
    expect(options).toEqual({ projects: [{ key: 'BILL', name: 'Billing' }], selected: ['BILL'] });

    expect(await submit({ projectKeys: ['ACME'] })).toMatchObject({ ok: true });
    const acme = await billingData(t, 'getReceivables', gadgetOrigin(t));
    expect(acme).toMatchObject({ defaulted: false, projects: [{ key: 'ACME' }], openCount: 0, currencies: [] });

    expect(await submit({ projectKeys: ['BILL'] })).toMatchObject({ ok: true });
    expect(await billingData(t, 'getReceivables', gadgetOrigin(t))).toMatchObject({ defaulted: false, openCount: 3 });
  });

  it('a saved configuration that is not valid says to edit the gadget', async () => {
    expect(await submit({ projectKeys: ['not a key'] })).toMatchObject({ ok: true });
    const answer = await invokeBilling(t, 'getReceivables', gadgetOrigin(t));
    expect(answer.value).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(answer.value)).toMatch(/edit the gadget/);
    await submit({ projectKeys: ['BILL'] });
  });

  it('reads as the viewer: a project they may not browse is not counted', async () => {
    t.stack.jira.setProjectPermissions({ accountId: LOCAL_USER_ACCOUNT_ID, projectKey: 'BILL', permissions: [] });
    const view = await billingData(t, 'getReceivables', gadgetOrigin(t, LOCAL_USER_ACCOUNT_ID));
    expect(view).toMatchObject({
      projects: [],
      hiddenProjects: 1,
      openCount: 0,
      currencies: [],
      overdue: { count: 0 },
    });
  });

  it('refuses a call from elsewhere than a gadget', async () => {
    const customer = t.stack.jira.listIssues('BILL')[0]?.key as string;
    const answer = await invokeBilling(t, 'getReceivables', { moduleKey: PANEL, issueKey: customer });
    expect(answer.value).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
