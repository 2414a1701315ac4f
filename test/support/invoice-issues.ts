import type { LocalStack } from '../../local/server';

const DAY_MS = 86_400_000;
const CURRENCIES = ['USD', 'EUR', 'CAD'] as const;
const CUSTOMERS = 40;

/** Jira REST as the app (what the sync writes is the app's), rate limits off while seeding. */
async function asApp(stack: LocalStack, method: string, path: string, body: unknown): Promise<{ key?: string }> {
  const response = await fetch(`${stack.baseUrl}/jira/rest/api/3${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-forge-principal': 'app' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`seeding invoice issues: ${method} ${path} answered ${response.status}: ${text}`);
  return text ? (JSON.parse(text) as { key?: string }) : {};
}

const paragraph = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/**
 * `count` invoice issues in BILL as the sync leaves them (summary, the indexed `wave-link` property), over three
 * currencies, 40 customers and due dates from 120 days ago to 30 days ahead; every tenth one part paid this month,
 * its payment a worklog with the `wave-payment` property. Written straight to Jira, for what reads them (the gadget's
 * bench, invoices in several currencies): the sync's own tests go through Wave.
 */
export async function seedInvoiceIssues(stack: LocalStack, count: number, concurrency = 8): Promise<void> {
  const now = stack.clock.now();
  const day = (offset: number) => new Date(now + offset * DAY_MS).toISOString().slice(0, 10);
  stack.jira.setRateLimitsEnabled(false);
  try {
    let next = 0;
    const worker = async () => {
      for (let n = next++; n < count; n = next++) {
        const currency = CURRENCIES[n % CURRENCIES.length] as string;
        const customer = n % CUSTOMERS;
        const total = 100 + ((n * 37) % 4_900);
        const paid = n % 10 === 0 ? Math.round(total * 0.4) : 0;
        const invoiceNumber = String(20_000 + n);
        const customerName = `Customer ${customer}`;
        const dueDate = day(30 - ((n * 7) % 150));
        const created = await asApp(stack, 'POST', '/issue', {
          fields: {
            project: { key: 'BILL' },
            issuetype: { name: 'Task' },
            summary: `Invoice ${invoiceNumber} · ${customerName}`,
          },
          properties: [
            {
              key: 'wave-link',
              value: {
                waveId: `bench-invoice-${n}`,
                kind: 'invoice',
                businessId: 'bench-business',
                invoiceNumber,
                status: paid > 0 ? 'PARTIAL' : dueDate < day(0) ? 'OVERDUE' : 'SENT',
                total,
                amountDue: total - paid,
                amountPaid: paid,
                currency,
                dueDate,
                customerId: `bench-customer-${customer}`,
                customerName,
                outstanding: total - paid,
                overdue: dueDate < day(0) ? total - paid : 0,
              },
            },
          ],
        });
        if (paid > 0)
          await asApp(stack, 'POST', `/issue/${created.key}/worklog`, {
            timeSpentSeconds: 60,
            started: new Date(now).toISOString().replace('Z', '+0000'),
            comment: paragraph(`Payment received: ${currency} ${paid.toFixed(2)}, invoice ${invoiceNumber}`),
            properties: [
              { key: 'wave-payment', value: { amountMinor: paid * 100, currency, idempotencyKey: `p${n}` } },
            ],
          });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    stack.jira.setRateLimitsEnabled(true);
  }
}
