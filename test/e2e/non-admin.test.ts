import { ADMIN_ACCOUNT_ID, openAdminPage, openProjectSettings, PLAIN_USER_ACCOUNT_ID } from './support/admin-ui';
import { useE2ESession } from './support/session';

const { e2e, page, watched } = useE2ESession();

/** What `invoke` from @forge/bridge sends, straight to the bridge endpoint, as a page opened by `accountId`. */
async function invokeDirectly(
  functionKey: string,
  payload: unknown,
  accountId: string,
  moduleKey = 'admin-page',
  projectKey?: string,
) {
  const response = await fetch(`${e2e.baseUrl}/_local/bridge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      origin: { moduleKey, accountId, ...(projectKey ? { projectKey } : {}) },
      payload: { functionKey, payload },
    }),
  });
  return (await response.json()) as { ok: boolean; value?: { ok: boolean; error?: { code: string; message: string } } };
}

describe('a user who is not an admin', () => {
  it('sees why the admin page is closed to them, with no settings and no console errors', async () => {
    await openAdminPage(page, e2e.baseUrl, PLAIN_USER_ACCOUNT_ID);
    const refusal = page.getByTestId('page-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(
      'Only Jira administrators can view or change the Wave Accounting sync settings',
    );
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(watched.consoleErrors).toEqual([]);
  });

  it('is refused on the project settings page too', async () => {
    await openProjectSettings(page, e2e.baseUrl, 'BILL', PLAIN_USER_ACCOUNT_ID);
    const refusal = page.getByTestId('page-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('Only administrators of project BILL');
    expect(watched.consoleErrors).toEqual([]);
  });

  it('gets a clear refusal when calling a resolver directly, and changes nothing', async () => {
    const rotate = await invokeDirectly(
      'rotateSigningSecret',
      { secret: 'whsec_attacker-secret-000', graceHours: 0 },
      PLAIN_USER_ACCOUNT_ID,
    );
    expect(rotate).toEqual({
      ok: true,
      value: { ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('Only Jira administrators') } },
    });
    const mapping = await invokeDirectly(
      'saveProjectMapping',
      { mapping: { PAID: '10100' } },
      PLAIN_USER_ACCOUNT_ID,
      'project-settings-page',
      'BILL',
    );
    expect(mapping.value?.error?.code).toBe('FORBIDDEN');

    const asAdmin = await invokeDirectly('getWebhookSettings', {}, ADMIN_ACCOUNT_ID);
    expect(asAdmin.value).toMatchObject({ ok: true, data: { signing: { set: false } } });
  });
});
