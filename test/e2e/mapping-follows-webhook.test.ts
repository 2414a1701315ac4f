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
import { SANDBOX_SIGNING_SECRET } from './support/stack';
import { sendInvoice, statusOf } from './support/wave-invoices';

const { e2e, page, watched } = useE2ESession();

describe('the project mapping', () => {
  it('is followed by the next webhook', async () => {
    // An admin sets the app up through the admin page.
    await openAdminPage(page, e2e.baseUrl);
    await setSigningSecret(page, SANDBOX_SIGNING_SECRET);
    await pasteWaveToken(page, e2e.stack.wave.issueTokens().access_token);
    await saveDefaults(page, 'Billing (BILL)', 'Invoice');

    // By default SENT goes to the first in-progress status, Sent (through To Invoice).
    const before = await sendInvoice(e2e, 'SENT', '1250.00');
    expect(statusOf(e2e, before)).toBe('Sent');

    await openProjectSettings(page, e2e.baseUrl, 'BILL');
    await page.getByTestId('mapping-table--body').waitFor();
    // The preview names the walk the sync just took: "Send invoice" has a screen, "Mark as sent" has none.
    await page
      .getByTestId('mapping-table--row-SENT')
      .getByText('“Ready to invoice” → “Mark as sent”', { exact: true })
      .waitFor();
    await chooseOption(page, 'mapping-SENT', 'To Invoice');
    // The preview follows the choice before it is saved.
    await page.getByText('“Ready to invoice”', { exact: true }).waitFor();
    await page.getByTestId('save-mapping').click();
    await expectSuccess(page, 'Mapping saved');

    const after = await sendInvoice(e2e, 'SENT', '1250.00');
    expect(statusOf(e2e, after)).toBe('To Invoice');
    expect(watched.consoleErrors).toEqual([]);
  });
});
