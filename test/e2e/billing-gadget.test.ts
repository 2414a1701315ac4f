import type { FrameLocator } from 'playwright-core';
import { PLAIN_USER_ACCOUNT_ID } from './support/admin-ui';
import { gadgetFrameElement, openDashboard, saveScreenshot, seedDemo, textOf } from './support/billing-ui';
import { seedInvoiceIssues } from '../support/invoice-issues';
import { useE2ESession } from './support/session';

/** Issue 14, item 2: the receivables gadget on the sandbox's dashboard, in Chromium: its view and its edit view. */
const { e2e, page, watched } = useE2ESession({ seed: seedDemo });

afterEach(() =>
  e2e.stack.jira.setProjectPermissions({ accountId: PLAIN_USER_ACCOUNT_ID, projectKey: 'BILL', permissions: null }),
);

/** Jira's search lags its writes by a few seconds: reloads the dashboard until the seeded invoices are counted. */
async function dashboardWithInvoices(as?: string): Promise<FrameLocator> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const gadget = await openDashboard(page, e2e.baseUrl, as);
    await gadget.getByTestId('scope').waitFor();
    if ((await textOf(gadget.getByTestId('scope'))).includes('3 open invoices')) return gadget;
    if (Date.now() > deadline) throw new Error('the gadget never counted the 3 seeded open invoices');
    await page.waitForTimeout(1_000);
  }
}

describe('the receivables gadget', () => {
  it('shows outstanding and overdue per currency, the aging chart, top customers, payments and overdue invoices', async () => {
    // Wide enough for the sandbox's dashboard to lay out two columns, as Jira's usually does.
    await page.setViewportSize({ width: 1280, height: 1000 });
    const gadget = await dashboardWithInvoices();
    const usd = gadget.getByTestId('currency-USD');
    expect(await textOf(usd.getByTestId('outstanding'))).toBe('USD 7,140.00');
    expect(await textOf(usd.getByTestId('overdue'))).toContain('USD 1,500.00 overdue (1 invoice)');
    const aging = gadget.getByTestId('aging-chart');
    expect(await aging.locator('[data-testid="column"]').count()).toBe(5);
    expect(await aging.getAttribute('aria-label')).toMatch(/not yet due USD.5,640\.00, 1–30 days USD.1,500\.00/);
    expect(await textOf(gadget.getByTestId('top-customers'))).toContain('Acme Robotics, Inc.');
    expect(await gadget.getByTestId('paid-chart').getAttribute('aria-label')).toMatch(/USD.1,920\.00/);
    const overdue = gadget.getByTestId('overdue-invoice');
    expect(await overdue.count()).toBe(1);
    expect(await textOf(overdue)).toMatch(/Invoice 1008.*15 days late/s);
    expect(await overdue.getByRole('link').first().getAttribute('href')).toMatch(/\/browse\/BILL-\d+$/);
    await saveScreenshot(gadgetFrameElement(page), 'receivables-gadget.png');
    expect(watched.consoleErrors).toEqual([]);
  });

  it('edit view: choose the billing projects, refuse none, save, and the view follows', async () => {
    await dashboardWithInvoices();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.frameLocator('iframe[title="Wave receivables"]');
    await edit.getByTestId('receivables-edit').waitFor();
    expect(await textOf(edit.getByTestId('receivables-edit'))).toContain('Billing (BILL)');
    // Clearing the choice and saving is refused, with nothing saved.
    await edit.locator('#gadget-projects').focus();
    await page.keyboard.press('Backspace');
    await edit.getByTestId('save').click();
    expect(await textOf(edit.getByTestId('edit-problem'))).toBe('Choose at least one project.');
    const gadgetId = e2e.stack.jira.dashboard()?.gadgets.find((g) => g.moduleKey === 'wave-receivables-gadget')?.id;
    const configuration = () =>
      e2e.stack.jira.dashboard()?.gadgets.find((g) => g.id === gadgetId)?.configuration as unknown;
    expect(configuration()).not.toEqual({ projectKeys: [] });

    await edit.locator('#gadget-projects').focus();
    await page.keyboard.press('ArrowDown');
    await edit.getByRole('option', { name: 'Billing (BILL)' }).click();
    await edit.getByTestId('save').click();
    const view = page.frameLocator('iframe[title="Wave receivables"]');
    await view.getByTestId('receivables').waitFor();
    expect(configuration()).toEqual({ projectKeys: ['BILL'] });
    expect(await textOf(view.getByTestId('scope'))).not.toContain('edit the gadget to choose');
    expect(watched.consoleErrors).toEqual([]);
  });

  it('a viewer who may not browse the billing project is told so, with nothing counted', async () => {
    e2e.stack.jira.setProjectPermissions({ accountId: PLAIN_USER_ACCOUNT_ID, projectKey: 'BILL', permissions: [] });
    const gadget = await openDashboard(page, e2e.baseUrl, PLAIN_USER_ACCOUNT_ID);
    await gadget.getByTestId('no-projects').waitFor();
    expect(await textOf(gadget.getByTestId('no-projects'))).toContain('You cannot browse');
    expect(await gadget.getByTestId('currency-totals').count()).toBe(0);
  });
});

describe('invoices in several currencies', () => {
  it('one card per currency, never added; the charts follow the chosen currency', async () => {
    await seedInvoiceIssues(e2e.stack, 6);
    const deadline = Date.now() + 15_000;
    let gadget = await openDashboard(page, e2e.baseUrl);
    while (!(await textOf(gadget.getByTestId('scope'))).includes('9 open invoices')) {
      if (Date.now() > deadline) throw new Error('the gadget never counted the 9 open invoices');
      await page.waitForTimeout(1_000);
      gadget = await openDashboard(page, e2e.baseUrl);
      await gadget.getByTestId('scope').waitFor();
    }
    const cards = gadget.getByTestId('currency-totals').locator('[data-testid^="currency-"]');
    expect(await cards.evaluateAll((found) => found.map((card) => card.getAttribute('data-testid')))).toEqual([
      'currency-USD',
      'currency-CAD',
      'currency-EUR',
    ]); // most owed first
    expect(await textOf(gadget.getByTestId('currency-EUR').getByTestId('outstanding'))).toMatch(/^€|EUR/);
    expect(await textOf(gadget.getByTestId('aging'))).toContain('Aging (USD)');
    await gadget.getByTestId('currency-picker').getByRole('button', { name: 'EUR' }).click();
    expect(await textOf(gadget.getByTestId('aging'))).toContain('Aging (EUR)');
    expect(await gadget.getByTestId('aging-chart').getAttribute('aria-label')).toMatch(/EUR/);
    expect(watched.consoleErrors).toEqual([]);
  });
});
