import fs from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { getJson, graphql, postJson, SCHEMA_PATH, startSandbox, type Json, type Running } from './harness';

let running: Running;
let token: string;

beforeEach(async () => {
  running = await startSandbox();
  token = running.sandbox.control.issueTokens().access_token;
});
afterEach(() => running.close());

const referenceSchema = buildSchema(fs.readFileSync(SCHEMA_PATH, 'utf8'));
const MONEY = 'value raw currency { code symbol name plural exponent }';
const INVOICE_QUERY = `query($i: ID!) { business { invoice(id: $i) {
  id memo poNumber subhead total { ${MONEY} } subtotal { ${MONEY} } taxTotal { value }
  items { description quantity unitPrice subtotal { ${MONEY} } total { value raw } }
} } }`;

const invoices = (body: unknown) => postJson(`${running.baseUrl}/_sandbox/invoices`, body);

/** Reads through GraphQL with a query the reference schema accepts; the answer has no errors. */
async function read(query: string, variables: Record<string, unknown>): Promise<Json> {
  expect(validate(referenceSchema, parse(query))).toEqual([]);
  const { status, body } = await graphql(running, token, query, variables);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data;
}

const USD = { code: 'USD', symbol: '$', name: 'United States dollar', plural: 'United States dollars', exponent: 2 };

describe('Wave sandbox: memo, PO number, subhead and line items (issue 14)', () => {
  it('stores them and serves them over GraphQL as the schema defines, totals computed from the items', async () => {
    const { status, body } = await invoices({
      invoice: {
        memo: 'Sprint 14: ACME-42, ACME-57',
        poNumber: 'PO-ACME-9',
        subhead: 'Billing for ACME-12',
        taxTotal: '5.00',
        items: [
          { description: 'Design review ACME-42', quantity: '2', unitPrice: '125.50' },
          { description: null, quantity: 1.5, unitPrice: 10 },
          { quantity: '0.333', unitPrice: '0.10' },
        ],
      },
    });
    expect(status).toBe(200);
    // 251.00 + 15.00 + 0.03 (0.0333 rounded) + 5.00 tax
    expect(body.invoice.total).toMatchObject({ value: '271.03', raw: 27103 });
    expect(body.invoice.amountDue.value).toBe('271.03');

    const data = await read(INVOICE_QUERY, { i: body.invoice.id });
    expect(data.business.invoice).toEqual({
      id: body.invoice.id,
      memo: 'Sprint 14: ACME-42, ACME-57',
      poNumber: 'PO-ACME-9',
      subhead: 'Billing for ACME-12',
      total: { value: '271.03', raw: 27103, currency: USD },
      subtotal: { value: '266.03', raw: 26603, currency: USD },
      taxTotal: { value: '5.00' },
      items: [
        {
          description: 'Design review ACME-42',
          quantity: '2',
          unitPrice: '125.50',
          subtotal: { value: '251.00', raw: 25100, currency: USD },
          total: { value: '251.00', raw: 25100 },
        },
        {
          description: null,
          quantity: '1.5',
          unitPrice: '10.00',
          subtotal: { value: '15.00', raw: 1500, currency: USD },
          total: { value: '15.00', raw: 1500 },
        },
        {
          description: null,
          quantity: '0.333',
          unitPrice: '0.10',
          subtotal: { value: '0.03', raw: 3, currency: USD },
          total: { value: '0.03', raw: 3 },
        },
      ],
    });
  });

  it('without items, serves one line from the title and the total before tax, and null for the new fields', async () => {
    const { body } = await invoices({ invoice: { title: 'Retainer', total: '110.00', taxTotal: '10.00' } });
    const data = await read(INVOICE_QUERY, { i: body.invoice.id });
    expect(data.business.invoice).toMatchObject({
      memo: null,
      poNumber: null,
      subhead: null,
      subtotal: { value: '100.00' },
      items: [{ description: 'Retainer', quantity: '1', unitPrice: '100.00', total: { value: '100.00', raw: 10000 } }],
    });
    const seeded = (await getJson(`${running.baseUrl}/_sandbox/state`)).body.invoices[0];
    const seededData = await read(INVOICE_QUERY, { i: seeded.id });
    expect(seededData.business.invoice).toMatchObject({ memo: null, poNumber: null, items: [{ quantity: '1' }] });
  });

  it('recomputes the total when items or tax change, and keeps it when items are removed', async () => {
    const { body: created } = await invoices({ invoice: { items: [{ quantity: 1, unitPrice: '100.00' }] } });
    const id = created.invoice.id;
    expect((await invoices({ invoice: { id, taxTotal: '13.00' } })).body.invoice.total.value).toBe('113.00');
    const changed = await invoices({ invoice: { id, items: [{ quantity: 3, unitPrice: '100.00' }] } });
    expect(changed.body.invoice.total.value).toBe('313.00');
    expect((await invoices({ invoice: { id, total: '313.00', memo: 'agrees' } })).status).toBe(200);
    const removed = await invoices({ invoice: { id, items: null } });
    expect(removed.body.invoice.total.value).toBe('313.00');
    const data = await read(INVOICE_QUERY, { i: id });
    expect(data.business.invoice.items).toEqual([
      expect.objectContaining({ description: 'Invoice', quantity: '1', unitPrice: '300.00' }),
    ]);
  });

  it.each([
    [
      'a total the items disagree with',
      { total: '5.00', items: [{ quantity: 1, unitPrice: '4.00' }] },
      /^invoice\.total: 5\.00 is not the items' 4\.00 plus taxTotal 0\.00/,
    ],
    [
      'a zero quantity',
      { items: [{ quantity: '0', unitPrice: '1' }] },
      /^invoice\.items\.0\.quantity: must be more than zero/,
    ],
    [
      'a quantity in words',
      { items: [{ quantity: 'two', unitPrice: '1' }] },
      /^invoice\.items\.0\.quantity: must be a decimal/,
    ],
    ['a negative quantity', { items: [{ quantity: '-1', unitPrice: '1' }] }, /^invoice\.items\.0\.quantity: /],
    [
      'a unit price with too many decimals',
      { items: [{ quantity: 1, unitPrice: '1.005' }] },
      /^invoice\.items\.0\.unitPrice: /,
    ],
    [
      'an unknown item field',
      { items: [{ quantity: 1, unitPrice: 1, sku: 'x' }] },
      /^invoice\.items\.0: Unrecognized key/,
    ],
    ['a missing unit price', { items: [{ quantity: 1 }] }, /^invoice\.items\.0\.unitPrice: /],
    ['a PO number that is not text', { poNumber: 42 }, /^invoice\.poNumber: /],
  ])('answers 400 for %s, and writes nothing', async (_label, invoice, message) => {
    const { status, body } = await invoices({ invoice });
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
    expect((await invoices({ invoice: {} })).body.invoice.invoiceNumber).toBe('1006');
  });

  it("serves a customer's outstanding and overdue amounts from its invoices", async () => {
    const { body: customer } = await postJson(`${running.baseUrl}/_sandbox/customers`, { customer: { name: 'Owes' } });
    const customerId = customer.customer.id;
    const today = new Date(running.clock.now()).toISOString().slice(0, 10);
    await invoices({ invoice: { customerId, status: 'SENT', total: '100.00', dueDate: '2020-01-01' } });
    await invoices({ invoice: { customerId, status: 'SENT', total: '40.00', dueDate: today } });
    await invoices({ invoice: { customerId, status: 'DRAFT', total: '1000.00', dueDate: '2020-01-01' } });
    const query = `query($c: ID!) { business { customer(id: $c) {
      outstandingAmount { ${MONEY} } overdueAmount { value } } } }`;
    const data = await read(query, { c: customerId });
    expect(data.business.customer).toEqual({
      outstandingAmount: { value: '140.00', raw: 14000, currency: USD },
      overdueAmount: { value: '100.00' },
    });
  });
});

describe('Wave sandbox: deleting an invoice', () => {
  it('removes it and its payments; GraphQL then answers null for it', async () => {
    const { body: created } = await invoices({ invoice: { status: 'SENT', total: '50.00' } });
    const id: string = created.invoice.id;
    await postJson(`${running.baseUrl}/_sandbox/payments`, { invoiceId: id, amount: '20.00' });
    const response = await fetch(`${running.baseUrl}/_sandbox/invoices/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ deleted: expect.objectContaining({ id, status: 'PARTIAL' }) });

    const { body } = await graphql(running, token, 'query($i: ID!) { business { invoice(id: $i) { id } } }', { i: id });
    expect(body.data.business.invoice).toBeNull();
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
    const state = (await getJson(`${running.baseUrl}/_sandbox/state`)).body;
    expect(state.invoices.map((invoice: Json) => invoice.id)).not.toContain(id);
    expect(state.payments.filter((payment: Json) => payment.invoiceId === id)).toEqual([]);

    const again = await fetch(`${running.baseUrl}/_sandbox/invoices/${encodeURIComponent(id)}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(await again.json()).toEqual({ error: `no invoice ${id}` });
  });

  it('works in-process, for an id with + and /', async () => {
    const id = 'QnVzaW5lc3M6Y3VzdG9t+/==';
    await running.sandbox.control.api.invoice({ invoice: { id } });
    expect(running.sandbox.control.api.deleteInvoice(id)).toEqual({ deleted: expect.objectContaining({ id }) });
    expect(running.sandbox.control.api.deleteInvoice(id)).toBeUndefined();
  });
});
