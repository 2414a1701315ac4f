import { postJson, SIGNING_SECRET } from './harness';
import { useListeningSandbox } from './listening-sandbox';
import type { Received } from './listener';
import { expectSignedByWave, FAST_RETRY, hmacHex, waveBody } from './wave-wire';

const BUSINESS_UUID = 'e226ca4e-7b4d-4890-bedc-5d4945ec0be6';

const t = useListeningSandbox();

const invoices = (body: unknown) => postJson(`${t.running.baseUrl}/_sandbox/invoices`, body);
const payments = (body: unknown) => postJson(`${t.running.baseUrl}/_sandbox/payments`, body);
const lastRequest = () => t.listener.received.at(-1) as Received;

describe("Wave sandbox sender: Wave's own wire format", () => {
  it('POSTs one line of snake_case JSON with x-wave-timestamp and a timestamped signature', async () => {
    const { body: created } = await invoices({
      invoice: { total: '1250.00', status: 'SENT', dueDate: '2026-12-01' },
      deliver: true,
    });
    const { body: paid } = await payments({
      invoiceId: created.invoice.id,
      amount: '500.00',
      paymentDate: '2026-11-20',
      deliver: true,
    });
    expect(paid.delivery).toMatchObject({ delivered: true, format: 'wave', type: 'invoice.partially_paid' });

    const request = lastRequest();
    expect(request.headers['content-type']).toBe('application/json');
    expectSignedByWave(request, t.running.clock.now());
    expect(request.body).not.toContain('\n');
    const body = waveBody(request);
    expect(Object.keys(body)).toEqual(['event_id', 'event_type', 'business_id', 'data']);
    expect(body).toEqual({
      event_id: paid.delivery.eventId,
      event_type: 'invoice.partially_paid',
      business_id: BUSINESS_UUID,
      data: {
        invoice_id: expect.stringMatching(/^[1-9]\d{18}$/),
        customer_id: expect.stringMatching(/^[1-9]\d{18}$/),
        currency_code: 'USD',
        total: '1250.00',
        amount_due: '750.00',
        amount_paid: '500.00',
        remaining_balance: '750.00',
        due_date: '2026-12-01',
        paid_date: '2026-11-20',
      },
    });
    expect(body.event_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps the 19-digit invoice_id a string, from which the invoice global id is rebuilt exactly', async () => {
    const { body: created } = await invoices({ invoice: { status: 'SENT' }, deliver: true });
    // Quoted in the raw body: a JSON number would lose digits.
    expect(lastRequest().body).toMatch(/"invoice_id":"\d{19}"/);
    const { data } = waveBody(lastRequest());
    const rebuilt = Buffer.from(`Business:${BUSINESS_UUID};Invoice:${data.invoice_id}`, 'utf8').toString('base64');
    expect(rebuilt).toBe(created.invoice.id);
    expect(Number(data.invoice_id).toString()).not.toBe(data.invoice_id);
    const customerN = Buffer.from(created.invoice.customer.id, 'base64').toString('utf8').split(';')[1];
    expect(customerN).toBe(`Customer:${data.customer_id}`);
  });

  it('sends the business global id when asked (Wave sends either form)', async () => {
    await invoices({ invoice: { status: 'SENT' }, deliver: true, businessIdForm: 'global' });
    expect(waveBody(lastRequest()).business_id).toBe(t.running.sandbox.control.businessId);
    expect(Buffer.from(t.running.sandbox.control.businessId, 'base64').toString()).toBe(`Business:${BUSINESS_UUID}`);
  });

  it('signs the bare form as a hex HMAC of the raw body, with or without x-wave-timestamp', async () => {
    await invoices({ invoice: { status: 'SENT' }, deliver: true, signature: 'bare' });
    const bare = lastRequest();
    expect(bare.headers['x-wave-signature']).toBe(hmacHex(bare.body));
    expect(bare.headers['x-wave-timestamp']).toBe(String(Math.floor(t.running.clock.now() / 1000)));

    await invoices({ invoice: { status: 'SENT' }, deliver: true, signature: 'bare', timestampHeader: false });
    const without = lastRequest();
    expect(without.headers['x-wave-signature']).toBe(hmacHex(without.body));
    expect(without.headers['x-wave-timestamp']).toBeUndefined();
    expect(hmacHex(without.body, 'another-secret')).not.toBe(without.headers['x-wave-signature']);
  });

  it('signs with the runtime clock, again on every attempt', async () => {
    // Retries late enough that the clock is moved in between.
    await t.restart({ statuses: [503, 503], retry: { ...FAST_RETRY, initialDelayMs: 1_000, maxDelayMs: 1_000 } });
    t.running.clock.advance(3 * 86_400_000);
    const { body } = await invoices({ invoice: { status: 'SENT' }, deliver: true });
    const first = t.listener.received[0] as Received;
    const t1 = expectSignedByWave(first, t.running.clock.now());
    expect(t1 * 1000 - Date.now()).toBeGreaterThan(2.9 * 86_400_000);

    t.running.clock.advance(5_000);
    await t.running.sandbox.control.whenDeliveriesSettled();
    expect(t.listener.received).toHaveLength(3);
    const [, second, third] = t.listener.received as [Received, Received, Received];
    expect(second.body).toBe(first.body);
    const t2 = expectSignedByWave(second, t.running.clock.now());
    expect(t2 - t1).toBeGreaterThanOrEqual(5);
    expectSignedByWave(third, t.running.clock.now());
    expect(t.running.sandbox.control.deliveries()[0]).toMatchObject({
      eventId: body.delivery.eventId,
      delivered: true,
    });
  });

  it('never puts the signing secret into what it sends or shows', async () => {
    const { body } = await invoices({ invoice: { status: 'SENT' }, deliver: true });
    const request = lastRequest();
    expect(JSON.stringify(request.headers) + request.body).not.toContain(SIGNING_SECRET);
    expect(JSON.stringify(body)).not.toContain(SIGNING_SECRET);
  });

  it.each([
    ['thin (full format only)', { thin: true }, /^thin: only the full format/],
    ['businessIdForm with the full format', { format: 'full', businessIdForm: 'uuid' }, /^businessIdForm: /],
    ['an unknown format', { format: 'xml' }, /^format: /],
    ['an unknown signature form', { signature: 'v2' }, /^signature: /],
  ])('answers 400 for %s, and writes nothing', async (_label, options, message) => {
    const before = (await postJson(`${t.running.baseUrl}/_sandbox/invoices`, { invoice: {} })).body.invoice;
    const { status, body } = await invoices({ invoice: { status: 'SENT' }, deliver: true, ...options });
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
    const after = (await postJson(`${t.running.baseUrl}/_sandbox/invoices`, { invoice: {} })).body.invoice;
    expect(Number(after.invoiceNumber)).toBe(Number(before.invoiceNumber) + 1);
    expect(t.listener.received).toHaveLength(0);
  });

  it("refuses Wave's format for an invoice whose id is not Wave's, and writes nothing", async () => {
    const id = 'QnVzaW5lc3M6Y3VzdG9t+/==';
    const { status, body } = await invoices({ invoice: { id, status: 'SENT' }, deliver: true });
    expect(status).toBe(400);
    expect(body.error).toMatch(/^invoice QnVzaW5lc3M6Y3VzdG9t\+\/== has no Wave id .* "format": "full"$/);
    const { body: state } = await postJson(`${t.running.baseUrl}/_sandbox/invoices`, { invoice: { id } });
    expect(state.invoice.status).toBe('SAVED');
    const { body: full } = await invoices({ invoice: { id, status: 'SENT' }, deliver: true, format: 'full' });
    expect(full.delivery).toMatchObject({ format: 'full', type: 'invoice.updated', delivered: true });
  });
});
