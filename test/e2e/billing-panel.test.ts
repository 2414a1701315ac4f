import { resourceGlobalId } from '../../local/wave-sandbox/ids';
import { SEED_BUSINESS_UUID } from '../../local/wave-sandbox/seed';
import { ADMIN_ACCOUNT_ID, PLAIN_USER_ACCOUNT_ID } from './support/admin-ui';
import { billIssue, openIssue, panelFrameElement, saveScreenshot, seedDemo, textOf } from './support/billing-ui';
import { useE2ESession } from './support/session';

/** Issue 14, item 1: the invoice panel on `npm start`'s demo issues, in Chromium, as admin and as a plain user. */
const { e2e, page, watched } = useE2ESession({ seed: seedDemo });

afterEach(() => {
  e2e.stack.jira.clearFaults();
  for (const projectKey of ['ACME', 'BILL'])
    e2e.stack.jira.setProjectPermissions({ accountId: PLAIN_USER_ACCOUNT_ID, projectKey, permissions: null });
});

describe('the invoice panel', () => {
  it('on an invoice: figures, paid progress, payments, the work it bills, Wave links, last sync', async () => {
    const panel = await openIssue(page, e2e.baseUrl, billIssue(e2e.stack, 'Invoice 1006'));
    await panel.getByTestId('invoice-view').waitFor();
    expect(await textOf(panel.getByTestId('total'))).toBe('USD 4,800.00');
    expect(await textOf(panel.getByTestId('wave-status'))).toMatch(/partial/i);
    expect(await panel.getByTestId('paid-progress').getAttribute('aria-valuenow')).toBe('40');
    expect(await panel.getByTestId('payment').count()).toBe(1);
    expect(await textOf(panel.getByTestId('payment'))).toContain('USD 1,920.00');
    const work = await textOf(panel.getByTestId('linked-work'));
    expect(work).toContain('ACME-1');
    expect(work).toContain('ACME-2');
    expect(await panel.getByTestId('open-in-wave').getAttribute('href')).toMatch(/^https:\/\/next\.waveapps\.com\//);
    expect(await textOf(panel.getByTestId('last-sync'))).toMatch(/Wave/);
    expect(await panel.getByTestId('resync').isVisible()).toBe(true);
    await saveScreenshot(panelFrameElement(page), 'invoice-panel.png');
    expect(watched.consoleErrors).toEqual([]);
  });

  it('on an overdue invoice: "Overdue by N days"', async () => {
    const panel = await openIssue(page, e2e.baseUrl, billIssue(e2e.stack, 'Invoice 1008'));
    await panel.getByTestId('invoice-view').waitFor();
    expect(await textOf(panel.getByTestId('invoice-view').getByTestId('overdue').first())).toMatch(
      /Overdue by 15 days/,
    );
  });

  it("on the customer's account issue: its invoices and what it owes", async () => {
    const panel = await openIssue(page, e2e.baseUrl, billIssue(e2e.stack, 'Customer'));
    await panel.getByTestId('customer-view').waitFor();
    const totals = await textOf(panel.getByTestId('customer-totals'));
    expect(totals).toContain('USD 7,140.00');
    expect(totals).toContain('USD 1,500.00');
    expect(await panel.getByTestId('invoice-row').count()).toBe(3);
  });

  it('on a story: the invoice that billed it; a plain user who may not see BILL sees that nothing is shown', async () => {
    let panel = await openIssue(page, e2e.baseUrl, 'ACME-1');
    await panel.getByTestId('work-view').waitFor();
    expect(await textOf(panel.getByTestId('billed-on'))).toContain('1006');
    await saveScreenshot(panelFrameElement(page), 'work-panel.png');

    e2e.stack.jira.setProjectPermissions({ accountId: PLAIN_USER_ACCOUNT_ID, projectKey: 'BILL', permissions: [] });
    panel = await openIssue(page, e2e.baseUrl, 'ACME-1', PLAIN_USER_ACCOUNT_ID);
    await panel.getByTestId('not-billed').waitFor();
    expect(await panel.getByTestId('billed-on').count()).toBe(0);
  });

  it('a plain user who may not browse ACME sees the invoice without its work, and no resync', async () => {
    e2e.stack.jira.setProjectPermissions({ accountId: PLAIN_USER_ACCOUNT_ID, projectKey: 'ACME', permissions: [] });
    const panel = await openIssue(page, e2e.baseUrl, billIssue(e2e.stack, 'Invoice 1006'), PLAIN_USER_ACCOUNT_ID);
    await panel.getByTestId('invoice-view').waitFor();
    expect(await textOf(panel.getByTestId('invoice-view'))).not.toContain('ACME-1');
    expect(await panel.getByTestId('resync').count()).toBe(0);
  });

  it('Resync from Wave applies a payment Wave never delivered, and says so', async () => {
    const key = billIssue(e2e.stack, 'Invoice 1007');
    const panel = await openIssue(page, e2e.baseUrl, key, ADMIN_ACCOUNT_ID);
    await panel.getByTestId('invoice-view').waitFor();
    const href = (await panel.getByTestId('open-in-wave').getAttribute('href')) ?? '';
    const invoiceId = resourceGlobalId(SEED_BUSINESS_UUID, 'Invoice', href.split('/').pop() ?? '');
    await e2e.stack.wave.api.payment({ invoiceId, amount: '760.00', paymentMethod: 'CASH', deliver: false });
    await panel.getByTestId('resync').click();
    await panel.getByTestId('resync-outcome').waitFor();
    expect(await textOf(panel.getByTestId('resync-outcome'))).toMatch(/Updated from Wave/);
    await panel.getByTestId('payment').waitFor();
    expect(await textOf(panel.getByTestId('payment'))).toContain('USD 760.00');
    expect(watched.consoleErrors).toEqual([]);
  });

  it('when Jira is down: says so, and "Try again" works once it is back', async () => {
    e2e.stack.jira.setFaults({ outage: { durationMs: 60_000 } });
    const panel = await openIssue(page, e2e.baseUrl, billIssue(e2e.stack, 'Invoice 1006'));
    await panel.getByTestId('error-message').waitFor();
    expect(await textOf(panel.getByTestId('error-message'))).toMatch(/busy|problem/i);
    e2e.stack.jira.clearFaults();
    await panel.getByRole('button', { name: 'Try again' }).click();
    await panel.getByTestId('invoice-view').waitFor();
  });
});
