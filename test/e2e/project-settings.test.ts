import {
  expectSuccess,
  openAdminPage,
  openProjectSettings,
  pasteWaveToken,
  saveDefaults,
  setSigningSecret,
} from './support/admin-ui';
import { chooseOption } from './support/browser';
import { useE2ESession } from './support/session';
import { advanceClock, SANDBOX_SIGNING_SECRET } from './support/stack';
import { sendInvoice, statusOf } from './support/wave-invoices';

const { e2e, page, watched } = useE2ESession();

const RUN_TIMEOUT_MS = 60_000;

describe('the project settings page', () => {
  it('shows the DELETED row, warns about a mapping that goes backwards, and applies a saved one to existing issues', async () => {
    await openAdminPage(page, e2e.baseUrl);
    await setSigningSecret(page, SANDBOX_SIGNING_SECRET);
    await pasteWaveToken(page, e2e.stack.wave.issueTokens().access_token);
    await saveDefaults(page, 'Billing (BILL)', 'Invoice');
    const issues = [await sendInvoice(e2e, 'SENT'), await sendInvoice(e2e, 'SENT')];
    expect(issues.map((key) => statusOf(e2e, key))).toEqual(['Sent', 'Sent']);
    // The count of issues to move is what Jira's search shows, which lags behind writes: time passes first.
    await advanceClock(e2e.baseUrl, e2e.stack.jira.settings().searchLagMs);

    await openProjectSettings(page, e2e.baseUrl, 'BILL');
    const deleted = page.getByTestId('mapping-table--row-DELETED');
    await deleted.waitFor();
    expect(await deleted.innerText()).toContain('Cancelled');
    expect(await page.getByTestId('routing-note').count()).toBe(0);

    // A paid invoice back in Draft: a warning, not a refusal.
    await chooseOption(page, 'mapping-PAID', 'Draft');
    await page.getByTestId('backward-mappings').waitFor();
    expect(await page.getByTestId('backward-mappings').innerText()).toContain(
      'An invoice that is PAID in Wave would go back to Draft',
    );
    expect(await page.getByTestId('save-mapping').isDisabled()).toBe(false);
    await page.getByRole('button', { name: 'Discard changes' }).click();
    // The warning follows the server's preview of the discarded mapping.
    await page.getByTestId('backward-mappings').waitFor({ state: 'detached' });

    // Sent invoices are to be chased as overdue: two issues sit elsewhere, and move when asked.
    await chooseOption(page, 'mapping-SENT', 'Overdue');
    await page.getByTestId('save-mapping').click();
    await expectSuccess(page, 'Mapping saved');
    await e2e.stack.runtime.idle();
    await page.getByTestId('remap-count').filter({ hasText: '2 issues of 2' }).waitFor({ timeout: RUN_TIMEOUT_MS });
    await page.getByTestId('apply-mapping').click();
    await page.getByTestId('apply-state').filter({ hasText: 'Done' }).waitFor({ timeout: RUN_TIMEOUT_MS });
    expect(await page.getByTestId('apply-summary').innerText()).toBe('2 issues moved.');
    expect(issues.map((key) => statusOf(e2e, key))).toEqual(['Overdue', 'Overdue']);
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('2');
    expect(watched.consoleErrors).toEqual([]);
  });

  it('says when a project receives no invoices, and routes a business to it', async () => {
    await openProjectSettings(page, e2e.baseUrl, 'OPS');
    const note = page.getByTestId('routing-note');
    await note.waitFor();
    expect(await note.innerText()).toContain("Wave's invoices go to BILL");
    // The admin chose "Invoice" issues above, which OPS lacks: nothing can be routed here until that changes.
    await page.getByTestId('routing-blocked').waitFor();
    expect(await page.getByTestId('route-business').count()).toBe(0);

    await openAdminPage(page, e2e.baseUrl);
    await saveDefaults(page, 'Billing (BILL)', 'Automatic (Invoice)');
    await openProjectSettings(page, e2e.baseUrl, 'OPS');
    await note.waitFor();
    await page.getByTestId('route-business').first().click();
    await note.waitFor({ state: 'detached' });
    await page.getByText('Invoices routed here').waitFor();
    expect(watched.consoleErrors).toEqual([]);
  });
});
