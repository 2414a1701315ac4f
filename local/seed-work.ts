import { LOCAL_ADMIN_API_TOKEN, LOCAL_ADMIN_EMAIL } from './jira-sandbox';
import { resourceGlobalId } from './wave-sandbox/ids';
import { SEED_BUSINESS_UUID } from './wave-sandbox/seed';
import type { LocalStack } from './server';

/** The Wave sandbox's seeded customer whose work project is ACME. */
const ACME_CUSTOMER_N = '4461228170000077001';
const DAY_MS = 86_400_000;

/** ACME's stories (transition ids of its workflow: 21 In Progress, 31 Done). */
const WORK: { type: string; summary: string; transition?: string }[] = [
  { type: 'Story', summary: 'Checkout page redesign', transition: '31' },
  { type: 'Story', summary: 'Payment gateway integration', transition: '21' },
  { type: 'Story', summary: 'Product search with filters', transition: '21' },
  { type: 'Bug', summary: 'Cart total rounds tax per line' },
  { type: 'Task', summary: 'Accessibility audit of the storefront' },
];

/**
 * `npm start`'s first look at issue 14's features: a client's work project (ACME, a few stories in the
 * Jira sandbox, as a person would create them) and invoices in the Wave sandbox that name those stories in
 * their memo, PO number, subhead and items, delivered to the app as Wave delivers them, one partly paid and
 * one overdue. Done once, while ACME has no issues; nothing with a real Jira site or real Wave.
 */
export async function seedDemoWork(stack: LocalStack, env: NodeJS.ProcessEnv): Promise<boolean> {
  if (env.JIRA_BASE_URL || env.WAVE_REAL === '1' || stack.jira.listIssues('ACME').length > 0) return false;
  const keys: string[] = [];
  for (const work of WORK) {
    const created = await jira(stack, 'POST', '/issue', {
      fields: { project: { key: 'ACME' }, issuetype: { name: work.type }, summary: work.summary },
    });
    const key = (created as { key: string }).key;
    if (work.transition)
      await jira(stack, 'POST', `/issue/${key}/transitions`, { transition: { id: work.transition } });
    keys.push(key);
  }
  const [checkout, payments, search, rounding, audit] = keys as [string, string, string, string, string];
  const customerId = resourceGlobalId(SEED_BUSINESS_UUID, 'Customer', ACME_CUSTOMER_N);
  const day = (offset: number) => new Date(stack.clock.now() + offset * DAY_MS).toISOString().slice(0, 10);
  const invoice = async (fields: Record<string, unknown>) => {
    const answer = (await stack.wave.api.invoice({ invoice: { customerId, ...fields }, deliver: true })) as {
      invoice: { id: string };
    };
    return answer.invoice.id;
  };
  const sprint14 = await invoice({
    title: 'Sprint 14',
    status: 'SENT',
    invoiceDate: day(-10),
    dueDate: day(20),
    memo: `Sprint 14: ${checkout}, ${payments}`,
    poNumber: '4500017781',
    items: [
      { description: `Checkout page redesign (${checkout})`, quantity: 16, unitPrice: '120.00' },
      { description: `Payment gateway integration ${payments}`, quantity: 24, unitPrice: '120.00' },
    ],
  });
  await stack.wave.api.payment({
    invoiceId: sprint14,
    amount: '1920.00',
    paymentMethod: 'BANK_TRANSFER',
    deliver: true,
  });
  await invoice({
    title: 'Sprint 15',
    subhead: `Search (${search}) and fixes`,
    status: 'SENT',
    invoiceDate: day(-3),
    dueDate: day(27),
    memo: `Also fixes ${rounding}.`,
    items: [
      { description: 'Search and filters', quantity: 20, unitPrice: '120.00' },
      { description: `Tax rounding fix ${rounding}`, quantity: 3, unitPrice: '120.00' },
    ],
  });
  await invoice({
    title: 'Accessibility audit',
    status: 'OVERDUE',
    invoiceDate: day(-45),
    dueDate: day(-15),
    poNumber: audit,
    items: [{ description: 'WCAG 2.2 audit and report', quantity: 1, unitPrice: '1500.00' }],
  });
  return true;
}

/** Jira REST as the local admin, with their API token, as any Jira client would call it. */
async function jira(stack: LocalStack, method: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${stack.baseUrl}/jira/rest/api/3${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${LOCAL_ADMIN_EMAIL}:${LOCAL_ADMIN_API_TOKEN}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`seeding ACME: Jira answered ${method} ${path} with ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}
