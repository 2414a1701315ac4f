import { openAdminPage, openProjectSettings, openTab } from './support/admin-ui';
import type { Page } from 'playwright-core';
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
      // The Health tab carries a badge counting red checks ("Health 2 red").
      expect(await page.getByRole('tab', { selected: true }).innerText()).toMatch(new RegExp(`^${tab}\\b`));
      await page.getByTestId(testId).waitFor();
      expect(await unlabelled()).toEqual([]);
    }
  });

  it('keeps the development token behind "Advanced", closed until asked for', async () => {
    await openAdminPage(page, e2e.baseUrl);
    await page.getByTestId('oauth-client').waitFor();
    const advanced = page.getByTestId('advanced-connection');
    expect(await advanced.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('pasted-token').count()).toBe(0);
    await advanced.click();
    await page.getByTestId('pasted-token').waitFor();
    expect(await advanced.getAttribute('aria-expanded')).toBe('true');
    await advanced.click();
    expect(await page.getByTestId('pasted-token').count()).toBe(0);
  });

  it('shows what an action came to beside it, never over a control, and "Discard changes" clears the errors', async () => {
    await openAdminPage(page, e2e.baseUrl);
    await openTab(page, 'Defaults');
    await page.getByTestId('defaults-form').waitFor();
    // Two failures at once: defaults without a project, and an import before Wave is connected.
    await page.getByTestId('save-defaults').click();
    await page.getByTestId('defaults-form').getByTestId('submit-error').waitFor();
    await page.getByTestId('start-backfill').click();
    await page.getByTestId('backfill').getByTestId('submit-error').waitFor();
    expect(await page.getByTestId('backfill').getByTestId('submit-error').innerText()).toContain(
      'Connect Wave before importing',
    );
    expect(await overlaysOverButtons(page)).toEqual([]);
    await page.getByTestId('start-backfill').scrollIntoViewIfNeeded();
    expect(await overlaysOverButtons(page)).toEqual([]);

    // "Discard changes" clears the form's error and its field messages (the import's own error stays with it).
    expect(await page.locator('#default-project-error').count()).toBe(1);
    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await page.getByTestId('defaults-form').getByTestId('submit-error').count()).toBe(0);
    expect(await page.locator('#default-project-error').count()).toBe(0);
    expect(await page.getByTestId('backfill').getByTestId('submit-error').count()).toBe(1);
    expect(watched.consoleErrors).toEqual([]);
  });
});

/** Visible buttons that something fixed or sticky on the page (a flag, a toast, a banner) lies over. */
function overlaysOverButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const overlays = Array.from(document.querySelectorAll('body *')).filter((element) => {
      const position = getComputedStyle(element).position;
      return (position === 'fixed' || position === 'sticky') && visible(element);
    });
    const overlaps = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    return Array.from(document.querySelectorAll('button'))
      .filter(visible)
      .flatMap((button) =>
        overlays
          .filter(
            (overlay) =>
              !overlay.contains(button) && overlaps(overlay.getBoundingClientRect(), button.getBoundingClientRect()),
          )
          .map(
            (overlay) => `"${button.innerText}" under <${overlay.tagName.toLowerCase()} class="${overlay.className}">`,
          ),
      );
  });
}
