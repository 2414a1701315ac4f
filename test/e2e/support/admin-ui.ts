import type { Page } from 'playwright-core';
import { chooseOption } from './browser';

export const ADMIN_ACCOUNT_ID = '712020:00000000-0000-4000-a000-000000000001';
export const PLAIN_USER_ACCOUNT_ID = '712020:00000000-0000-4000-a000-000000000002';

const TIMEOUT_MS = 20_000;

/** Opens the admin page as the local admin (or `as` someone else) and waits for it to settle. */
export async function openAdminPage(page: Page, baseUrl: string, as?: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/${as ? `?as=${encodeURIComponent(as)}` : ''}`);
  await page.getByRole('heading', { name: 'Wave Accounting sync', level: 1 }).waitFor({ timeout: TIMEOUT_MS });
}

export async function openProjectSettings(page: Page, baseUrl: string, projectKey: string, as?: string): Promise<void> {
  await page.goto(`${baseUrl}/projects/${projectKey}/settings/${as ? `?as=${encodeURIComponent(as)}` : ''}`);
  await page.getByRole('heading', { level: 1 }).waitFor({ timeout: TIMEOUT_MS });
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** Waits for the success note an action shows under its button (the pages show no flags). */
export async function expectSuccess(page: Page, title: string): Promise<void> {
  await page.getByTestId('submit-success').getByText(title, { exact: true }).first().waitFor({ timeout: TIMEOUT_MS });
}

/** Webhooks tab: sets (or rotates to) `secret`, keeping the previous one for `graceHours`. */
export async function setSigningSecret(page: Page, secret: string, graceHours?: number): Promise<void> {
  await openTab(page, 'Webhooks');
  await page.locator('#signing-secret-input').fill(secret);
  if (graceHours !== undefined) await page.locator('#grace-hours').fill(String(graceHours));
  const rotating = (await page.getByTestId('save-signing-secret').innerText()).includes('Rotate');
  await page.getByTestId('save-signing-secret').click();
  await expectSuccess(page, rotating ? 'Signing secret rotated' : 'Signing secret set');
}

/** Connection tab: the development shortcut, a pasted full-access token (behind "Advanced"). */
export async function pasteWaveToken(page: Page, token: string): Promise<void> {
  await openTab(page, 'Wave connection');
  const advanced = page.getByTestId('advanced-connection');
  if ((await advanced.getAttribute('aria-expanded')) !== 'true') await advanced.click();
  await page.locator('#wave-pasted-token').fill(token);
  await page.getByRole('button', { name: 'Use this token' }).click();
  await expectSuccess(page, 'Wave connected with the pasted token');
}

/** Defaults tab: the project and issue type invoices go to. */
export async function saveDefaults(page: Page, projectOption: string, invoiceIssueType: string): Promise<void> {
  await openTab(page, 'Defaults');
  await page.getByTestId('defaults-form').waitFor({ timeout: TIMEOUT_MS });
  await chooseOption(page, 'default-project', projectOption);
  await chooseOption(page, 'invoice-issue-type', invoiceIssueType);
  await page.getByTestId('save-defaults').click();
  await expectSuccess(page, 'Defaults saved');
}
