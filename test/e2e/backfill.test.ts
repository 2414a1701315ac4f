import { expectSuccess, openAdminPage, openTab, pasteWaveToken, saveDefaults } from './support/admin-ui';
import { useE2ESession } from './support/session';

const { e2e, page, watched } = useE2ESession();

const RUN_TIMEOUT_MS = 60_000;

/** Today on the stack's clock, as the date field takes it. */
const today = () => new Date(e2e.stack.clock.now()).toISOString().slice(0, 10);

/** Invoices in the Wave sandbox whose webhooks never reached the app; their Wave ids. */
async function createInvoices(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const answer = await e2e.stack.wave.api.invoice({
      invoice: { total: { value: `${300 + n}.00` }, status: n % 2 ? 'SENT' : 'SAVED' },
      deliver: false,
    });
    ids.push((answer.invoice as { id: string }).id);
  }
  return ids;
}

/** Issues per invoice in project BILL of the Jira sandbox. */
function issueCounts(waveIds: string[]): number[] {
  const issues = e2e.stack.jira.listIssues('BILL');
  return waveIds.map((id) => issues.filter((issue) => issue.appFields['wave-id'] === id).length);
}

/** An admin connects Wave (development token) and picks the project, through the page. */
async function setUp(): Promise<void> {
  await openAdminPage(page, e2e.baseUrl);
  await pasteWaveToken(page, e2e.stack.wave.issueTokens().access_token);
  await saveDefaults(page, 'Billing (BILL)', 'Invoice');
}

async function waitForState(text: 'Done' | 'Stopped'): Promise<void> {
  await page.getByTestId('backfill-state').filter({ hasText: text }).waitFor({ timeout: RUN_TIMEOUT_MS });
  await e2e.stack.runtime.idle();
}

/** "12 / 12" → [12, 12] */
async function shownProgress(): Promise<number[]> {
  return (await page.getByTestId('backfill-count').innerText()).split(' / ').map(Number);
}

describe('the backfill on the admin page', () => {
  it('imports older invoices from a day on, shows progress up to done / total, and the issues appear in Jira', async () => {
    await setUp();
    const invoices = await createInvoices(12);
    expect(issueCounts(invoices)).toEqual(invoices.map(() => 0));

    await openTab(page, 'Defaults');
    await page.locator('#backfill-from').fill(today());
    await page.getByTestId('start-backfill').click();
    await expectSuccess(page, 'Backfill started');
    await waitForState('Done');

    const [done, total] = await shownProgress();
    expect(done).toBe(total);
    expect(done).toBeGreaterThanOrEqual(invoices.length);
    expect(issueCounts(invoices)).toEqual(invoices.map(() => 1));
    expect(await page.getByTestId('backfill-progress').innerText()).toContain('0 skipped');
    expect(await page.getByTestId('backfill-error').count()).toBe(0);
    expect(watched.consoleErrors).toEqual([]);
  });

  it('refuses a day to come next to the field', async () => {
    await openAdminPage(page, e2e.baseUrl);
    await openTab(page, 'Defaults');
    const nextYear = `${new Date(e2e.stack.clock.now()).getUTCFullYear() + 1}-01-01`;
    await page.locator('#backfill-from').fill(nextYear);
    await page.getByTestId('start-backfill').click();
    await page.getByText('is in the future: there is nothing to import yet', { exact: true }).first().waitFor();
    expect(await page.locator('#backfill-from').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows why a backfill stopped, and resumes it once Wave is connected again', async () => {
    await setUp();
    const invoices = await createInvoices(5);
    e2e.stack.wave.revokeAll();

    await openTab(page, 'Defaults');
    await page.locator('#backfill-from').fill(today());
    await page.getByTestId('start-backfill').click();
    await waitForState('Stopped');
    // Why, as the app recorded it (Wave refused the revoked token, which the app cannot renew).
    expect(await page.getByTestId('backfill-error').innerText()).toMatch(/The backfill stopped\s+.*Wave/);
    expect(issueCounts(invoices)).toEqual(invoices.map(() => 0));

    await pasteWaveToken(page, e2e.stack.wave.issueTokens().access_token);
    await openTab(page, 'Defaults');
    await page.getByTestId('resume-backfill').click();
    await waitForState('Done');
    const [done, total] = await shownProgress();
    expect(done).toBe(total);
    expect(issueCounts(invoices)).toEqual(invoices.map(() => 1));
    expect(await page.getByTestId('backfill-error').count()).toBe(0);
  });

  it('can be cancelled while it runs, keeps what it created, and resumes from the same day', async () => {
    await setUp();
    const invoices = await createInvoices(30);
    // A slow Jira (every request 150 ms late): the run takes long enough to be stopped halfway.
    e2e.stack.jira.setFaults({ latencyMs: 150 });
    try {
      await openTab(page, 'Defaults');
      await page.locator('#backfill-from').fill(today());
      await page.getByTestId('start-backfill').click();
      await page.getByTestId('backfill-state').filter({ hasText: 'Running' }).waitFor({ timeout: RUN_TIMEOUT_MS });
      await page.getByTestId('cancel-backfill').click();
      await expectSuccess(page, 'Backfill cancelled');
      await page.getByTestId('backfill-state').filter({ hasText: 'Cancelled' }).waitFor();
      await e2e.stack.runtime.idle();
    } finally {
      e2e.stack.jira.setFaults({ latencyMs: 0 });
    }
    // The run stopped before its next invoice: some issues exist, not all, none twice.
    const afterCancel = issueCounts(invoices);
    expect(afterCancel.every((count) => count <= 1)).toBe(true);
    expect(afterCancel.filter((count) => count === 1).length).toBeLessThan(invoices.length);
    await page.reload();
    await openTab(page, 'Defaults');
    await page.getByTestId('backfill-state').filter({ hasText: 'Cancelled' }).waitFor();
    expect(await page.getByTestId('cancel-backfill').count()).toBe(0);

    // The field offers the cancelled run's own day, which resumes it.
    expect(await page.locator('#backfill-from').inputValue()).toBe(today());
    await page.getByTestId('start-backfill').click();
    await waitForState('Done');
    expect(issueCounts(invoices)).toEqual(invoices.map(() => 1));
    expect(watched.consoleErrors).toEqual([]);
  });
});
