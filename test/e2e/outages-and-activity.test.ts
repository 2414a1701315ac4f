import { randomUUID } from 'node:crypto';
import { numericIdOf, parseBusinessId, signWaveWebhook } from '../../src/domain/wave-webhook';
import { openAdminPage, openTab, pasteWaveToken, saveDefaults, setSigningSecret } from './support/admin-ui';
import { postSignedPing } from './support/signed-delivery';
import { useE2ESession } from './support/session';
import { SANDBOX_SIGNING_SECRET } from './support/stack';

const { e2e, page, watched } = useE2ESession();

const WRONG_SECRET = 'whsec_e2e-not-the-secret-in-wave-0003';

/** One delivery of a Wave event (Wave's own format), signed with the secret Wave has; its HTTP status. */
async function deliverAsWave(body: string): Promise<number> {
  const timestamp = Math.floor(e2e.stack.clock.now() / 1000);
  const response = await fetch(e2e.stack.webhookUrl('wave-webhook'), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-wave-timestamp': String(timestamp),
      'x-wave-signature': signWaveWebhook({ rawBody: body, secret: SANDBOX_SIGNING_SECRET, timestamp }),
    },
    body,
  });
  return response.status;
}

/** An invoice created in the Wave sandbox without a webhook; the body of Wave's `invoice.sent` for it. */
async function waveEventFor(status: string): Promise<{ body: string; invoiceId: string; invoiceNumber: string }> {
  const created = await e2e.stack.wave.api.invoice({ invoice: { total: { value: '420.00' }, status }, deliver: false });
  const invoice = created.invoice as { id: string; invoiceNumber: string };
  const business = parseBusinessId(e2e.stack.wave.businessId);
  const body = JSON.stringify({
    event_id: randomUUID(),
    event_type: 'invoice.sent',
    business_id: business?.uuid,
    data: { invoice_id: numericIdOf(invoice.id) },
  });
  return { body, invoiceId: invoice.id, invoiceNumber: invoice.invoiceNumber };
}

describe('an outage nobody can miss', () => {
  it('turns the page red, with the cause and the fix, when every delivery is refused (a wrong secret)', async () => {
    await openAdminPage(page, e2e.baseUrl);
    await pasteWaveToken(page, e2e.stack.wave.issueTokens().access_token);
    // The app has one secret, Wave signs with another: every delivery is refused.
    await setSigningSecret(page, WRONG_SECRET);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const answer = await postSignedPing(
        e2e.stack.webhookUrl('wave-webhook'),
        SANDBOX_SIGNING_SECRET,
        e2e.stack.clock.now(),
      );
      expect(answer.status).toBe(401);
    }

    await page.reload();
    const banner = page.getByTestId('health-banner');
    await banner.waitFor();
    const text = await banner.innerText();
    expect(text).toContain('Every delivery in the last hour was refused (3');
    expect(text).toContain('the signing secret in Wave does not match the one set here');
    // The fix is said once, though two checks share it.
    expect(await page.getByTestId('health-banner-fix').allInnerTexts()).toEqual([
      expect.stringContaining('Copy the secret again from Webhooks → Signing secret'),
    ]);
    expect(await page.getByTestId('health-badge').innerText()).toMatch(/^2 red$/i);

    await banner.getByRole('button', { name: 'Open Health' }).click();
    expect(await page.getByTestId('health-last-delivery').getAttribute('data-level')).toBe('red');
    expect(await page.getByTestId('health-signing-secret').getAttribute('data-level')).toBe('red');

    // The chart shows the refusals as their own series, today marked, with an axis.
    await openTab(page, 'Activity');
    await page.getByTestId('chart-refused').waitFor();
    expect(await page.getByTestId('chart-today').count()).toBe(1);
    expect((await page.getByTestId('chart-y-tick').allTextContents()).map(Number)).toEqual([0, 3]);
    expect(await page.getByTestId('refusals').innerText()).toContain(
      '3 with a signature that does not match the secret',
    );

    // Once the secrets match, the banner goes.
    await setSigningSecret(page, SANDBOX_SIGNING_SECRET, 0);
    expect(
      (await postSignedPing(e2e.stack.webhookUrl('wave-webhook'), SANDBOX_SIGNING_SECRET, e2e.stack.clock.now()))
        .status,
    ).toBe(200);
    await page.reload();
    await page.getByTestId('connection-status').waitFor();
    await openTab(page, 'Health');
    await page.getByTestId('health-last-delivery').waitFor();
    expect(await page.getByTestId('health-banner').count()).toBe(0);
    expect(watched.consoleErrors).toEqual([]);
  });
});

describe('Activity', () => {
  it('shows the attempts of one event in one row, with the invoice number, human times and what to do', async () => {
    await openAdminPage(page, e2e.baseUrl);
    await setSigningSecret(page, SANDBOX_SIGNING_SECRET, 0);
    await pasteWaveToken(page, e2e.stack.wave.issueTokens().access_token);
    await saveDefaults(page, 'Billing (BILL)', 'Invoice');

    // Wave is down twice, then up: Wave's retries of the same event end processed.
    const recovered = await waveEventFor('SENT');
    e2e.stack.wave.setFaults({ graphql: { status: 503, times: null } });
    expect(await deliverAsWave(recovered.body)).toBe(503);
    expect(await deliverAsWave(recovered.body)).toBe(503);
    // Another event fails twice and is still failing.
    const failing = await waveEventFor('SENT');
    expect(await deliverAsWave(failing.body)).toBe(503);
    expect(await deliverAsWave(failing.body)).toBe(503);
    e2e.stack.wave.setFaults({ graphql: { status: 503, times: 0 } });
    expect(await deliverAsWave(recovered.body)).toBe(200);

    await openTab(page, 'Activity');
    const rows = page.getByTestId('deliveries-table--body').locator('tr');
    await rows.first().waitFor();
    const texts = await rows.allInnerTexts();
    const recoveredRow = texts.find((row) => row.includes(recovered.invoiceNumber));
    expect(recoveredRow).toBeDefined();
    expect(recoveredRow).toContain('Processed');
    expect(recoveredRow).toContain('3 attempts');
    expect(recoveredRow).toMatch(/just now/);
    const failedRows = texts.filter((row) => row.includes('Failed'));
    expect(failedRows).toHaveLength(1);
    expect(failedRows[0]).toContain('2 attempts');
    expect(failedRows[0]).toContain('What to do:');
    // Wave's base64 ids never show; an invoice is named by its number or Wave's short id.
    for (const row of texts) {
      expect(row).not.toContain(recovered.invoiceId);
      expect(row).not.toContain(failing.invoiceId);
    }
    expect(await page.getByTestId('replay-delivery').count()).toBe(1);
    expect(watched.consoleErrors).toEqual([]);
  });
});
