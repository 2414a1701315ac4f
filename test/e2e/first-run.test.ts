import { openAdminPage, openTab, pasteWaveToken, saveDefaults } from './support/admin-ui';
import { useE2ESession } from './support/session';

const { e2e, page, watched } = useE2ESession();

const RUN_TIMEOUT_MS = 60_000;
const issuesInBill = () => e2e.stack.jira.listIssues('BILL').filter((issue) => issue.issueType === 'Invoice');

describe('a fresh install', () => {
  it('offers the initial import once Wave is connected and nothing is in Jira, and imports in one click', async () => {
    const { invoices } = await e2e.stack.wave.api.stateDump();
    const waveInvoices = (invoices as unknown[]).length;
    expect(waveInvoices).toBeGreaterThan(0);

    await openAdminPage(page, e2e.baseUrl);
    await page.getByTestId('connection-status').waitFor();
    expect(await page.getByTestId('first-run').count()).toBe(0);

    await pasteWaveToken(page, e2e.stack.wave.issueTokens().access_token);
    const offer = page.getByTestId('first-run');
    await offer.waitFor();
    // No project yet: the import waits for one.
    await page.getByTestId('first-run-needs-project').waitFor();
    expect(await page.getByTestId('import-all').count()).toBe(0);

    await saveDefaults(page, 'Billing (BILL)', 'Invoice');
    await page.getByTestId('import-all').waitFor();
    const said = await offer.innerText();
    expect(said).toContain(`Wave has ${waveInvoices} invoices`);
    expect(said).toContain('none is in Jira yet');
    expect(said).toContain(
      'The five-minute poll brings every invoice created or changed in Wave since Wave was connected',
    );
    expect(issuesInBill()).toHaveLength(0);

    await page.getByTestId('import-all').click();
    await page.getByTestId('backfill-state').filter({ hasText: 'Done' }).waitFor({ timeout: RUN_TIMEOUT_MS });
    await e2e.stack.runtime.idle();
    expect(await page.getByRole('tab', { selected: true }).innerText()).toBe('Defaults');
    expect(await page.getByTestId('backfill-summary').innerText()).toMatch(
      new RegExp(`^${waveInvoices} new issues; 0 already in Jira; 0 skipped`),
    );
    expect(issuesInBill()).toHaveLength(waveInvoices);
    expect(await page.getByTestId('first-run').count()).toBe(0);

    // The same import again finds them all in Jira, and says so.
    await page.getByTestId('start-backfill').click();
    await page.getByTestId('backfill-state').filter({ hasText: 'Done' }).waitFor({ timeout: RUN_TIMEOUT_MS });
    await page
      .getByTestId('backfill-summary')
      .filter({ hasText: `0 new issues; ${waveInvoices} already in Jira` })
      .waitFor();
    expect(issuesInBill()).toHaveLength(waveInvoices);

    // Nothing left to offer after a reload either.
    await page.reload();
    await page.getByTestId('connection-status').waitFor();
    await openTab(page, 'Health');
    await page.getByTestId('health-backfill').waitFor();
    expect(await page.getByTestId('first-run').count()).toBe(0);
    expect(watched.consoleErrors).toEqual([]);
  });
});
