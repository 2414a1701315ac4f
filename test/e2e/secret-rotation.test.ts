import { openAdminPage, setSigningSecret } from './support/admin-ui';
import { postSignedPing } from './support/signed-delivery';
import { useE2ESession } from './support/session';
import { advanceClock } from './support/stack';

const { e2e, page, watched } = useE2ESession();

const HOUR_MS = 60 * 60_000;
const OLD_SECRET = 'whsec_e2e-old-secret-aaaa-0001';
const NEW_SECRET = 'whsec_e2e-new-secret-bbbb-0002';

describe('rotating the signing secret', () => {
  it('keeps the old secret working for the grace period, then refuses it', async () => {
    const webhookUrl = e2e.stack.webhookUrl('wave-webhook');
    const ping = (secret: string) => postSignedPing(webhookUrl, secret, e2e.stack.clock.now());
    await openAdminPage(page, e2e.baseUrl);

    await setSigningSecret(page, OLD_SECRET);
    expect(await ping(OLD_SECRET)).toMatchObject({ status: 200 });
    expect(await ping(NEW_SECRET)).toEqual({
      status: 401,
      body: expect.stringContaining('"reason":"signature_mismatch"'),
    });

    await setSigningSecret(page, NEW_SECRET, 1);
    expect(await page.getByTestId('signing-status').innerText()).toContain('Ends with 0002');
    expect(await page.getByTestId('previous-secret-grace').innerText()).toContain('in 1 h');
    expect(await ping(NEW_SECRET)).toMatchObject({ status: 200 });
    expect(await ping(OLD_SECRET)).toMatchObject({ status: 200 });

    await advanceClock(e2e.baseUrl, HOUR_MS + 60_000);
    expect(await ping(OLD_SECRET)).toEqual({
      status: 401,
      body: expect.stringContaining('"reason":"signature_mismatch"'),
    });
    expect(await ping(NEW_SECRET)).toEqual({ status: 200, body: expect.stringContaining('ignored') });

    // The page says so too: no grace left, and the refusal is in the activity log.
    await page.reload();
    await page.getByRole('tab', { name: 'Webhooks' }).click();
    await page.getByTestId('signing-status').waitFor();
    expect(await page.getByTestId('previous-secret-grace').count()).toBe(0);
    await page.getByRole('tab', { name: 'Activity' }).click();
    const rows = page.getByTestId('deliveries-table--body');
    await rows.waitFor();
    // Newest first: the ping with the new secret. The one with the old secret was refused before it was read:
    // counted under Refused requests, never listed.
    expect(await rows.locator('tr').nth(0).innerText()).toContain('Ignored');
    const refusals = page.getByTestId('refusals');
    await refusals.waitFor();
    expect(await refusals.innerText()).toMatch(/refused in the last 24 hours/);
    expect(await refusals.innerText()).toContain('with a signature that does not match the secret');

    // "Send test event" exercises the live path with the current secret.
    await page.getByRole('tab', { name: 'Webhooks' }).click();
    await page.getByTestId('send-test-event').click();
    const result = page.getByTestId('test-event-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('verified the signature and accepted it (ignored)');
    expect(watched.consoleErrors).toEqual([]);
  });
});
