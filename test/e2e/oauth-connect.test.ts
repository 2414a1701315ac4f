import { openAdminPage, expectSuccess } from './support/admin-ui';
import { useE2ESession } from './support/session';

const { e2e, context, page, watched } = useE2ESession();

describe('Connect to Wave through the sandbox OAuth flow', () => {
  it('saves the client, sends the admin to Wave, and shows the connection once Wave redirects back', async () => {
    const client = e2e.stack.wave.oauthClient();
    await openAdminPage(page, e2e.baseUrl);
    expect(await page.getByTestId('redirect-uri').inputValue()).toBe(e2e.stack.webhookUrl('wave-oauth-callback'));
    expect(await page.getByTestId('connect-wave').isDisabled()).toBe(true);

    await page.locator('#wave-client-id').fill(client.clientId);
    await page.locator('#wave-client-secret').fill(client.clientSecret);
    await page.getByTestId('save-oauth-client').click();
    await expectSuccess(page, 'OAuth client saved');
    expect(await page.locator('#wave-client-secret').inputValue()).toBe('');

    const [wave] = await Promise.all([context.waitForEvent('page'), page.getByTestId('connect-wave').click()]);
    await wave.waitForLoadState();
    expect(new URL(wave.url()).pathname).toBe('/wave/oauth2/authorize/');
    await page.getByTestId('connect-waiting').waitFor();

    await wave.getByRole('button', { name: 'Allow' }).click();
    const result = wave.getByTestId('oauth-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.innerText()).toBe('Wave is connected');
    await wave.close();

    // The admin page notices by itself.
    await expectSuccess(page, 'Wave connected');
    expect(await page.getByTestId('connection-state').innerText()).toBe('Connected');
    expect(await page.getByTestId('connected-businesses').innerText()).toContain(
      (await e2e.stack.wave.api.stateDump()).business.name,
    );
    expect(await page.getByTestId('token-health').innerText()).toMatch(/Expires in (1|2) h/);
    // Just issued: the time is recorded with the tokens.
    expect(await page.getByTestId('token-health').innerText()).toMatch(/Last renewed: (just now|in under a minute) \(/);
    expect(watched.consoleErrors).toEqual([]);
  });

  it('says why not when the admin denies access in Wave', async () => {
    await openAdminPage(page, e2e.baseUrl);
    const [wave] = await Promise.all([context.waitForEvent('page'), page.getByTestId('connect-wave').click()]);
    await wave.getByRole('button', { name: 'Deny' }).click();
    const result = wave.getByTestId('oauth-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('false');
    expect(await wave.locator('body').innerText()).toContain("Access was denied on Wave's consent page.");
  });
});
