import { RuntimeClock } from '../../../local/clock';
import { graphql, getJson, postJson, startSandbox, type Running, type Json } from './harness';

let running: Running;
// A wall clock that stands still, so "modifiedAt is now" can be checked exactly.
const T0 = Date.parse('2026-01-17T12:34:56.789Z');

beforeEach(async () => {
  running = await startSandbox({ clock: new RuntimeClock(() => T0) });
});
afterEach(() => running.close());

const invoices = (body: unknown) => postJson(`${running.baseUrl}/_sandbox/invoices`, body);
const payments = (body: unknown) => postJson(`${running.baseUrl}/_sandbox/payments`, body);
const customers = (body: unknown) => postJson(`${running.baseUrl}/_sandbox/customers`, body);
const nowIso = () => new Date(running.clock.now()).toISOString();

describe('Wave sandbox: invoices', () => {
  it('creates an invoice with Wave-like defaults', async () => {
    const { status, body } = await invoices({ invoice: { total: { value: '1250.00' } } });
    expect(status).toBe(200);
    const today = nowIso().slice(0, 10);
    const due = new Date(Date.parse(today) + 30 * 86_400_000).toISOString().slice(0, 10);
    const firstCustomer = (await getJson(`${running.baseUrl}/_sandbox/state`)).body.customers[0];
    expect(body.invoice).toEqual({
      id: expect.any(String),
      invoiceNumber: '1006',
      status: 'SAVED',
      title: 'Invoice',
      invoiceDate: today,
      dueDate: due,
      createdAt: nowIso(),
      modifiedAt: nowIso(),
      viewUrl: expect.stringMatching(
        /^https:\/\/next\.waveapps\.com\/e226ca4e-7b4d-4890-bedc-5d4945ec0be6\/invoices\/\d+$/,
      ),
      pdfUrl: expect.stringMatching(/\/pdf$/),
      total: { value: '1250.00', raw: 125000, currency: { code: 'USD', symbol: '$' } },
      amountDue: { value: '1250.00', raw: 125000, currency: { code: 'USD', symbol: '$' } },
      amountPaid: { value: '0.00', raw: 0, currency: { code: 'USD', symbol: '$' } },
      taxTotal: { value: '0.00', raw: 0, currency: { code: 'USD', symbol: '$' } },
      customer: {
        id: firstCustomer.id,
        name: firstCustomer.name,
        email: firstCustomer.email,
        displayId: firstCustomer.displayId,
      },
      lastSentAt: null,
      lastViewedAt: null,
    });
    expect(Buffer.from(body.invoice.id, 'base64').toString()).toMatch(
      /^Business:e226ca4e-7b4d-4890-bedc-5d4945ec0be6;Invoice:\d+$/,
    );
    const second = await invoices({ invoice: {} });
    expect(second.body.invoice.invoiceNumber).toBe('1007');
    expect(second.body.invoice.id).not.toBe(body.invoice.id);
  });

  it('merges an update by id, bumps modifiedAt to the clock, and recomputes amountDue', async () => {
    const { body: created } = await invoices({ invoice: { total: '100.00', title: 'First' } });
    running.clock.advance(60_000);
    const { body: updated } = await invoices({ invoice: { id: created.invoice.id, total: 250, status: 'SENT' } });
    expect(updated.invoice).toMatchObject({
      id: created.invoice.id,
      invoiceNumber: created.invoice.invoiceNumber,
      title: 'First',
      status: 'SENT',
      createdAt: created.invoice.createdAt,
      modifiedAt: nowIso(),
      total: { value: '250.00' },
      amountDue: { value: '250.00' },
    });
    const explicit = await invoices({
      invoice: { id: created.invoice.id, modifiedAt: '2020-01-01T00:00:00Z', amountDue: '7.50' },
    });
    expect(explicit.body.invoice).toMatchObject({
      modifiedAt: '2020-01-01T00:00:00Z',
      amountDue: { value: '7.50' },
      total: { value: '250.00' },
    });
  });

  it('creates an invoice under a given id, hostile text intact, and GraphQL serves it', async () => {
    const id = 'QnVzaW5lc3M6Y3VzdG9t+/==';
    const title = '\u202Eevil\u202C "quoted" <script>x</script> 請求書';
    await invoices({ invoice: { id, title, total: { value: '5', currency: { code: 'EUR' } } } });
    const token = running.sandbox.control.issueTokens().access_token;
    const { body } = await graphql(
      running,
      token,
      'query($i: ID!) { business { invoice(id: $i) { id title total { value currency { code symbol } } } } }',
      { i: id },
    );
    expect(body.data.business.invoice).toEqual({
      id,
      title,
      total: { value: '5.00', currency: { code: 'EUR', symbol: '€' } },
    });
  });

  it('assigns an invoice to a customer by id', async () => {
    const { body: customer } = await customers({ customer: { name: 'Zeta GmbH' } });
    const { body } = await invoices({ invoice: { customer: { id: customer.customer.id } } });
    expect(body.invoice.customer).toMatchObject({ id: customer.customer.id, name: 'Zeta GmbH' });
  });

  it.each([
    ['an unknown field', { invoice: { totl: '1.00' } }, /^invoice: Unrecognized key/],
    ['a non-numeric amount', { invoice: { total: '12,50' } }, /^invoice\.total: must be a decimal amount in USD/],
    ['too many decimals', { invoice: { total: '1.005' } }, /^invoice\.total: /],
    [
      'raw that disagrees with value',
      { invoice: { total: { value: '1.00', raw: 1 } } },
      /^invoice\.total: raw 1 does not match/,
    ],
    [
      'an unknown currency',
      { invoice: { total: { value: '1', currency: { code: 'XXX' } } } },
      /^currency\.code: XXX is not one of/,
    ],
    [
      'mixed currencies',
      {
        invoice: {
          total: { value: '1', currency: { code: 'EUR' } },
          amountPaid: { value: '0', currency: { code: 'USD' } },
        },
      },
      /one currency/,
    ],
    ['a status the schema does not know', { invoice: { status: 'ARCHIVED' } }, /^invoice\.status: /],
    ['a bad date', { invoice: { dueDate: '2026-02-30' } }, /^invoice\.dueDate: must be a date/],
    ['an unknown customer', { invoice: { customerId: 'nope' } }, /^invoice\.customer: customer nope does not exist/],
    ['an unknown top-level key', { invoice: {}, deliverr: true }, /Unrecognized key/],
    ['deliver not a boolean', { invoice: {}, deliver: 'yes' }, /^deliver: /],
  ])('answers 400 for %s', async (_label, request, message) => {
    const { status, body } = await invoices(request);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
  });

  it('answers 400 for a body that is not JSON, and changes nothing on a refused request', async () => {
    const response = await fetch(`${running.baseUrl}/_sandbox/invoices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"invoice": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'the body is not valid JSON' });
    await invoices({ invoice: { customerId: 'nope' } });
    expect((await invoices({ invoice: {} })).body.invoice.invoiceNumber).toBe('1006');
  });
});

describe('Wave sandbox: payments', () => {
  it('moves an invoice through PARTIAL, PAID and OVERPAID', async () => {
    const { body: created } = await invoices({ invoice: { total: '1000.00', status: 'SENT' } });
    const invoiceId = created.invoice.id;
    running.clock.advance(1000);
    const partial = await payments({ invoiceId, amount: '500.00' });
    expect(partial.status).toBe(200);
    expect(partial.body.payment).toEqual({
      id: expect.any(String),
      invoiceId,
      amount: { value: '500.00', raw: 50000, currency: { code: 'USD', symbol: '$' } },
      paymentDate: nowIso().slice(0, 10),
      paymentMethod: 'BANK_TRANSFER',
    });
    expect(partial.body.invoice).toMatchObject({
      status: 'PARTIAL',
      amountPaid: { raw: 50000 },
      amountDue: { raw: 50000 },
      modifiedAt: nowIso(),
    });
    const paid = await payments({ invoiceId, amount: 500 });
    expect(paid.body.invoice).toMatchObject({
      status: 'PAID',
      amountPaid: { value: '1000.00' },
      amountDue: { value: '0.00' },
    });
    const over = await payments({ invoiceId, amount: '0.01' });
    expect(over.body.invoice).toMatchObject({
      status: 'OVERPAID',
      amountPaid: { value: '1000.01' },
      amountDue: { value: '-0.01' },
    });
    const state = (await getJson(`${running.baseUrl}/_sandbox/state`)).body;
    expect(state.payments.filter((payment: Json) => payment.invoiceId === invoiceId)).toHaveLength(3);
  });

  it.each([
    ['an unknown invoice', { invoiceId: 'nope', amount: '1.00' }, /^invoiceId: invoice nope does not exist/],
    ['a zero amount', { amount: '0' }, /^amount: must be more than zero/],
    ['a negative amount', { amount: '-5' }, /^amount: must be more than zero/],
    ['a bad amount', { amount: 'five' }, /^amount: must be a decimal amount/],
    ['another currency', { amount: { value: '1', currency: { code: 'EUR' } } }, /^amount: the invoice is in USD/],
    ['a missing amount', { amount: undefined }, /^amount: /],
    ['thin, which payments do not have', { amount: '1', thin: true }, /Unrecognized key/],
  ])('answers 400 for %s', async (_label, patch, message) => {
    const { body: created } = await invoices({ invoice: { total: '10.00' } });
    const { status, body } = await payments({ invoiceId: created.invoice.id, ...patch });
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
  });
});

describe('Wave sandbox: customers', () => {
  it('creates and updates a customer, which invoices then show', async () => {
    const { body: created } = await customers({ customer: { name: 'Ōkami 2', email: null } });
    expect(created.customer).toMatchObject({ name: 'Ōkami 2', email: null, createdAt: nowIso(), modifiedAt: nowIso() });
    running.clock.advance(5000);
    const { body: updated } = await customers({ customer: { id: created.customer.id, email: 'new@okami.example' } });
    expect(updated.customer).toMatchObject({
      id: created.customer.id,
      name: 'Ōkami 2',
      email: 'new@okami.example',
      modifiedAt: nowIso(),
    });
    const { body: invoice } = await invoices({ invoice: { customerId: created.customer.id } });
    expect(invoice.invoice.customer).toMatchObject({ id: created.customer.id, email: 'new@okami.example' });
  });

  it('answers 400 for bad customer input', async () => {
    expect((await customers({ customer: { nickname: 'x' } })).status).toBe(400);
    expect((await customers({ customer: { name: 5 } })).body.error).toMatch(/^customer\.name: /);
  });
});

describe('Wave sandbox: in-process API', () => {
  it('does what the endpoints do', async () => {
    const { invoice } = await running.sandbox.control.api.invoice({ invoice: { total: '3.00' } });
    expect(invoice.total.value).toBe('3.00');
    await expect(running.sandbox.control.api.invoice({ invoice: { total: 'x' } })).rejects.toThrow(/^invoice\.total: /);
  });
});

describe('Wave sandbox: durability', () => {
  it('keeps data, counters and tokens across close and reopen, without seeding twice', async () => {
    const { body: created } = await invoices({ invoice: { total: '42.00', status: 'SENT' } });
    const { body: paid } = await payments({ invoiceId: created.invoice.id, amount: '2.00' });
    const pair = running.sandbox.control.issueTokens();
    const before = (await getJson(`${running.baseUrl}/_sandbox/state`)).body;
    const { dataDir, clock } = running;
    await running.close();

    running = await startSandbox({ dataDir, clock });
    const after = (await getJson(`${running.baseUrl}/_sandbox/state`)).body;
    expect(after).toEqual(before);
    expect(after.invoices.find((invoice: Json) => invoice.id === created.invoice.id)).toEqual(paid.invoice);
    expect((await invoices({ invoice: {} })).body.invoice.invoiceNumber).toBe('1007');

    expect((await graphql(running, pair.access_token, '{ business { id } }')).status).toBe(200);
    const refreshed = await fetch(`${running.baseUrl}/oauth2/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: pair.refresh_token,
        client_id: 'local-wave-client',
        client_secret: 'client-secret-for-tests',
      }),
    });
    expect(refreshed.status).toBe(200);
  });

  it('keeps a generated OAuth client secret across reopen', async () => {
    const { dataDir, clock } = running;
    await running.close();
    running = await startSandbox({ dataDir, clock, clientSecret: undefined });
    const generated = running.sandbox.control.oauthClient();
    expect(generated.clientId).toBe('local-wave-client');
    expect(generated.clientSecret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await running.close();
    running = await startSandbox({ dataDir, clock, clientSecret: undefined });
    expect(running.sandbox.control.oauthClient()).toEqual(generated);
  });
});
