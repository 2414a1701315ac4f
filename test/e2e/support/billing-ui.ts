import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { seedLocalApp } from '../../../local/seed-app';
import { seedDemoWork } from '../../../local/seed-work';
import type { LocalStack } from '../../../local/server';

/** `npm start`'s seeding: the app configured, ACME's stories and the BILL invoices that bill them. */
export async function seedDemo(stack: LocalStack): Promise<void> {
  await seedLocalApp(stack);
  await seedDemoWork(stack, {});
}

/** The key of the BILL issue whose summary starts with `summary` ("Invoice 1006", "Customer"). */
export function billIssue(stack: LocalStack, summary: string): string {
  const issue = stack.jira.listIssues('BILL').find((candidate) => candidate.summary.startsWith(summary));
  if (!issue) throw new Error(`no BILL issue '${summary}'`);
  return issue.key;
}

export async function openIssue(page: Page, baseUrl: string, issueKey: string, as?: string): Promise<FrameLocator> {
  await page.goto(`${baseUrl}/jira/browse/${issueKey}${as ? `?as=${encodeURIComponent(as)}` : ''}`);
  return page.frameLocator('iframe[title="Wave invoice"]');
}

export async function openDashboard(page: Page, baseUrl: string, as?: string): Promise<FrameLocator> {
  await page.goto(`${baseUrl}/jira/dashboard${as ? `?as=${encodeURIComponent(as)}` : ''}`);
  return page.frameLocator('iframe[title="Wave receivables"]');
}

/** The issue page's frame of the panel (the element, for a screenshot). */
export const panelFrameElement = (page: Page): Locator => page.locator('iframe[title="Wave invoice"]');
export const gadgetFrameElement = (page: Page): Locator => page.locator('iframe[title="Wave receivables"]');

/**
 * With `E2E_SCREENSHOTS=1`, saves the element's picture under docs/images/ (the README's screenshots);
 * always checks it stays small.
 */
export async function saveScreenshot(element: Locator, name: string): Promise<void> {
  const picture = await element.screenshot({ animations: 'disabled' });
  if (picture.length > 150_000) throw new Error(`${name} is ${picture.length} bytes: keep README pictures small`);
  if (process.env.E2E_SCREENSHOTS !== '1') return;
  const target = path.join(__dirname, '../../../docs/images', name);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, picture);
}

/** An element's text with the no-break spaces money formatting puts between currency and amount made plain. */
export async function textOf(element: Locator): Promise<string> {
  return (await element.innerText()).replace(/\u00a0/g, ' ');
}
