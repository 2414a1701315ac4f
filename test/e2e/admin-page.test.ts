import { openAdminPage, openProjectSettings, openTab } from './support/admin-ui';
import { useE2ESession } from './support/session';

const { e2e, page, watched } = useE2ESession();

describe('the pages render in Chromium from the local stack', () => {
  it('/admin shows the webhook URL with working controls, every section, and no console errors', async () => {
    await openAdminPage(page, e2e.baseUrl);
    await page.getByTestId('connection-status').waitFor();
    expect(await page.getByTestId('connection-state').innerText()).toBe('Not connected');

    await openTab(page, 'Webhooks');
    const webhookUrl = page.getByTestId('webhook-url');
    await webhookUrl.waitFor();
    expect(await webhookUrl.inputValue()).toBe(e2e.stack.webhookUrl('wave-webhook'));
    await page.getByRole('button', { name: 'Copy webhook URL' }).click();
    await page.getByRole('button', { name: /Copied|Select and copy/ }).waitFor();
    expect(await page.getByTestId('send-test-event').isDisabled()).toBe(true);

    // Inline validation from the server's schema, next to the field.
    await page.locator('#signing-secret-input').fill('too-short');
    await page.getByTestId('save-signing-secret').click();
    await page.getByText('must have at least 16 characters', { exact: false }).first().waitFor();
    expect(await page.locator('#signing-secret-input').getAttribute('aria-invalid')).toBe('true');

    // "Generate" fills a strong secret, shown until saved.
    await page.getByTestId('generate-secret').click();
    expect(await page.locator('#signing-secret-input').inputValue()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    await openTab(page, 'Defaults');
    await page.getByTestId('defaults-form').waitFor();
    await page.getByTestId('no-businesses').waitFor();

    await openTab(page, 'Activity');
    await page.getByTestId('no-deliveries').waitFor();
    await page.getByTestId('activity-chart').waitFor();

    await openTab(page, 'Health');
    await page.getByTestId('health-wave-token').waitFor();
    expect(await page.getByTestId('health-wave-token').getAttribute('data-level')).toBe('red');
    expect(await page.getByTestId('health-signing-secret').getAttribute('data-level')).toBe('red');

    expect(watched.consoleErrors).toEqual([]);
  });

  it("/projects/BILL/settings shows this project's statuses to map to, and no console errors", async () => {
    await openProjectSettings(page, e2e.baseUrl, 'BILL');
    await page.getByRole('heading', { name: 'Wave Accounting sync: Billing' }).waitFor();
    await page.getByTestId('mapping-table--body').waitFor();
    await page.locator('[id="mapping-PAID"]').focus();
    await page.keyboard.press('ArrowDown');
    const options = await page.getByRole('option').allInnerTexts();
    expect(options).toEqual([
      'Default (Paid)',
      'Draft',
      'To Invoice',
      'Sent',
      'Partially Paid',
      'Overdue',
      'Paid',
      'Cancelled',
    ]);
    await page.keyboard.press('Escape');
    expect(watched.consoleErrors).toEqual([]);
  });

  it('keyboard users reach labelled controls on every tab', async () => {
    await openAdminPage(page, e2e.baseUrl);
    await page.getByTestId('oauth-client').waitFor();
    const unlabelled = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('input, button, [role="tab"]'))
          .filter((element) => {
            const labelled =
              element.getAttribute('aria-label') ||
              element.getAttribute('aria-labelledby') ||
              (element.id && document.querySelector(`label[for="${CSS.escape(element.id)}"]`));
            const text = (element as HTMLElement).innerText?.trim();
            return !labelled && !text && (element as HTMLInputElement).type !== 'hidden';
          })
          .map((element) => element.outerHTML.slice(0, 120)),
      );
    const ready: Record<string, string> = {
      Webhooks: 'signing-secret',
      Defaults: 'defaults-form',
      Activity: 'deliveries',
      Health: 'health-wave-token',
    };
    expect(await unlabelled()).toEqual([]);
    for (const [tab, testId] of Object.entries(ready)) {
      // Tabs are reached and switched with the keyboard (arrow keys, as Atlaskit tabs work).
      await page.getByRole('tab', { selected: true }).focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.getByRole('tab', { selected: true }).innerText()).toBe(tab);
      await page.getByTestId(testId).waitFor();
      expect(await unlabelled()).toEqual([]);
    }
  });
});
