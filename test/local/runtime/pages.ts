import { LOCAL_ADMIN_ACCOUNT_ID } from '../../../local/jira-sandbox/users';
import type { StackHarness } from './harness';

/** Jira REST on the stack's sandbox, as a user (default the local admin); JSON in and out. */
export async function jiraAs(
  h: StackHarness,
  method: string,
  path: string,
  body?: unknown,
  accountId = LOCAL_ADMIN_ACCOUNT_ID,
): Promise<{ status: number; body: unknown }> {
  const response = await h.get(`/jira/rest/api/3${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-forge-principal': `user:${accountId}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

export async function createIssue(h: StackHarness, fields: Record<string, unknown>): Promise<string> {
  const created = await jiraAs(h, 'POST', '/issue', { fields });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { key: string }).key;
}

/** A page of the sandbox: its status and HTML. */
export async function page(h: StackHarness, path: string): Promise<{ status: number; html: string }> {
  const response = await h.get(path);
  return { status: response.status, html: await response.text() };
}

const unescape = (value: string) =>
  value.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)));

/** The `src` of every Forge frame on a page, in order. */
export function frameSources(html: string): string[] {
  return [...html.matchAll(/<iframe class="forge-frame"[^>]*\ssrc="([^"]*)"/g)].map((match) =>
    unescape(match[1] as string),
  );
}

/** A data attribute of the gadget card with that id. */
export function gadgetAttribute(html: string, gadgetId: string, name: string): string | undefined {
  const card = new RegExp(`<article class="gadget" id="gadget-${gadgetId}"[^>]*>`).exec(html)?.[0] ?? '';
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(card)?.[1];
  return value === undefined ? undefined : unescape(value);
}
