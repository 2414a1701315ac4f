import {
  parseWaveEnvelope,
  verifyWaveSignature,
  type InvoiceEvent,
  type PaymentEvent,
} from '../../../src/domain/wave-webhook';
import { getJson, postJson, SIGNING_SECRET, startSandbox, type Running } from './harness';
import { startListener, type Received } from './listener';

const FAST_RETRY = { initialDelayMs: 20, maxDelayMs: 80, maxAttempts: 4, attemptTimeoutMs: 5_000 };

let running: Running;
let listener: Awaited<ReturnType<typeof startListener>>;

async function setUp(statuses: number[], fallbackStatus = 200, retry = FAST_RETRY) {
  listener = await startListener(statuses, fallbackStatus);
  running = await startSandbox({ webhookUrl: async () => listener.url, retry });
}

afterEach(async () => {
  await running.close();
  await listener.close();
});

function verified(request: Received) {
  const signature = verifyWaveSignature({
    rawBody: request.body,
    header: request.headers['x-wave-signature'],
    secrets: [SIGNING_SECRET],
    now: running.clock.now(),
  });
  return { signature, event: parseWaveEnvelope(request.body) };
}

describe('Wave sandbox webhook sender', () => {
  it("delivers a signed invoice.created that the app's contract module accepts", async () => {
    await setUp([200]);
    const { status, body } = await postJson(`${running.baseUrl}/_sandbox/invoices`, {
      invoice: { total: { value: '1250.00' }, status: 'SENT', title: '"Q1" <b>work</b> \u200fشركة' },
      deliver: true,
    });
    expect(status).toBe(200);
    expect(body.delivery).toMatchObject({
      attempts: 1,
      lastStatus: 200,
      delivered: true,
      done: true,
      type: 'invoice.created',
    });
    expect(JSON.parse(body.delivery.lastBody)).toEqual({ status: 'processed', issueKey: 'BILL-1' });

    expect(listener.received).toHaveLength(1);
    const request = listener.received[0] as Received;
    expect(request.headers['content-type']).toBe('application/json');
    const { signature, event } = verified(request);
    expect(signature.scheme).toBe('timestamped');
    expect(Math.abs((signature.timestamp ?? 0) * 1000 - running.clock.now())).toBeLessThan(5_000);
    expect(event).toEqual({
      id: body.delivery.eventId,
      type: 'invoice.created',
      occurredAt: expect.any(String),
      businessId: running.sandbox.control.businessId,
      invoice: body.invoice,
    });
    expect((event as InvoiceEvent).invoice).toMatchObject({
      title: '"Q1" <b>work</b> \u200fشركة',
      total: { value: '1250.00', raw: 125000 },
    });
  });

  it('signs with the runtime clock, so a moved clock moves the signature time', async () => {
    await setUp([200]);
    running.clock.advance(3 * 86_400_000);
    await postJson(`${running.baseUrl}/_sandbox/invoices`, { invoice: {}, deliver: true });
    const request = listener.received[0] as Received;
    expect(verified(request).signature.timestamp).toBe(Math.floor(running.clock.now() / 1000));
    expect(() =>
      verifyWaveSignature({
        rawBody: request.body,
        header: request.headers['x-wave-signature'],
        secrets: [SIGNING_SECRET],
        now: Date.now(),
      }),
    ).toThrow(expect.objectContaining({ reason: 'timestamp_in_future' }));
  });

  it('retries non-2xx answers with growing delays until the listener answers 2xx, every attempt signed', async () => {
    await setUp([500, 503, 429]);
    const { body } = await postJson(`${running.baseUrl}/_sandbox/invoices`, {
      invoice: { status: 'SENT' },
      deliver: true,
      eventId: 'evt_retry_1',
    });
    expect(body.delivery).toMatchObject({
      eventId: 'evt_retry_1',
      attempts: 1,
      lastStatus: 500,
      delivered: false,
      done: false,
      nextAttemptInMs: 20,
    });

    await running.sandbox.control.whenDeliveriesSettled();
    const { body: progress } = await getJson(`${running.baseUrl}/_sandbox/deliveries/evt_retry_1`);
    expect(progress).toMatchObject({
      eventId: 'evt_retry_1',
      attempts: 4,
      lastStatus: 200,
      delivered: true,
      done: true,
      cancelled: false,
    });

    expect(listener.received).toHaveLength(4);
    const bodies = new Set(listener.received.map((request) => request.body));
    expect(bodies.size).toBe(1);
    for (const request of listener.received) expect(verified(request).event.id).toBe('evt_retry_1');
    const gaps = listener.received
      .slice(1)
      .map((request, index) => request.at - (listener.received[index] as Received).at);
    expect(gaps[0]).toBeGreaterThanOrEqual(18);
    expect(gaps[1]).toBeGreaterThanOrEqual(38);
    expect(gaps[2]).toBeGreaterThanOrEqual(75);
  });

  it('gives up after maxAttempts and reports the last answer', async () => {
    await setUp([], 503);
    const { body } = await postJson(`${running.baseUrl}/_sandbox/invoices`, { invoice: {}, deliver: true });
    await running.sandbox.control.whenDeliveriesSettled();
    expect(running.sandbox.control.deliveries()).toEqual([
      expect.objectContaining({
        eventId: body.delivery.eventId,
        attempts: 4,
        lastStatus: 503,
        lastBody: '{"error":"try again"}',
        delivered: false,
        done: true,
      }),
    ]);
    expect(listener.received).toHaveLength(4);
  });

  it('records a network failure as status 0 with the error, and retries it', async () => {
    const gone = await startListener([]);
    await gone.close();
    listener = await startListener([]);
    running = await startSandbox({ webhookUrl: async () => gone.url, retry: { ...FAST_RETRY, maxAttempts: 2 } });
    const { body } = await postJson(`${running.baseUrl}/_sandbox/invoices`, { invoice: {}, deliver: true });
    expect(body.delivery).toMatchObject({ attempts: 1, lastStatus: 0, lastBody: null, done: false });
    expect(body.delivery.lastError).toEqual(expect.any(String));
    await running.sandbox.control.whenDeliveriesSettled();
    expect(running.sandbox.control.deliveries()[0]).toMatchObject({
      attempts: 2,
      lastStatus: 0,
      done: true,
      delivered: false,
    });
  });

  it('close() cancels pending retries and settles', async () => {
    await setUp([], 500, { ...FAST_RETRY, initialDelayMs: 60_000, maxDelayMs: 60_000 });
    const { body } = await postJson(`${running.baseUrl}/_sandbox/invoices`, { invoice: {}, deliver: true });
    expect(body.delivery.nextAttemptInMs).toBe(60_000);
    const settled = running.sandbox.control.whenDeliveriesSettled();
    running.sandbox.close();
    await settled;
    expect(running.sandbox.control.deliveries()[0]).toMatchObject({
      attempts: 1,
      done: true,
      cancelled: true,
      nextAttemptInMs: null,
    });
  });

  it('sends a thin event when asked, and the event type given', async () => {
    await setUp([200]);
    const { body } = await postJson(`${running.baseUrl}/_sandbox/invoices`, {
      invoice: { status: 'PAID' },
      deliver: true,
      thin: true,
      event: 'invoice.paid',
    });
    const { event } = verified(listener.received[0] as Received);
    expect(event).toMatchObject({ type: 'invoice.paid', invoice: { id: body.invoice.id, thin: true } });
  });

  it('does not deliver unless asked', async () => {
    await setUp([200]);
    const { body } = await postJson(`${running.baseUrl}/_sandbox/invoices`, { invoice: {} });
    expect(body.delivery).toBeUndefined();
    await running.sandbox.control.whenDeliveriesSettled();
    expect(listener.received).toHaveLength(0);
    expect((await getJson(`${running.baseUrl}/_sandbox/deliveries`)).body).toEqual({ deliveries: [] });
    expect((await getJson(`${running.baseUrl}/_sandbox/deliveries/evt_none`)).status).toBe(404);
  });

  it('delivers payment.received and customer.created', async () => {
    await setUp([]);
    const { body: created } = await postJson(`${running.baseUrl}/_sandbox/invoices`, {
      invoice: { total: '1000.00', status: 'SENT' },
    });
    const { body: paid } = await postJson(`${running.baseUrl}/_sandbox/payments`, {
      invoiceId: created.invoice.id,
      amount: '400.00',
      paymentMethod: 'CREDIT_CARD',
      paymentDate: '2026-01-18',
      deliver: true,
    });
    expect(paid.invoice).toMatchObject({
      status: 'PARTIAL',
      amountPaid: { value: '400.00' },
      amountDue: { value: '600.00' },
    });
    const payment = verified(listener.received[0] as Received).event as PaymentEvent;
    expect(payment).toMatchObject({
      type: 'payment.received',
      payment: {
        id: paid.payment.id,
        invoiceId: created.invoice.id,
        amount: { value: '400.00', raw: 40000, currency: { code: 'USD' } },
        paymentDate: '2026-01-18',
        paymentMethod: 'CREDIT_CARD',
      },
    });

    await postJson(`${running.baseUrl}/_sandbox/customers`, {
      customer: { name: 'Zeta «Ltd»', email: 'z@zeta.example' },
      deliver: true,
    });
    const customer = verified(listener.received[1] as Received).event;
    expect(customer).toMatchObject({
      type: 'customer.created',
      customer: { name: 'Zeta «Ltd»', email: 'z@zeta.example' },
    });
  });

  it('replaces a pending delivery when the same event id is sent again', async () => {
    await setUp([500], 200, { ...FAST_RETRY, initialDelayMs: 60_000, maxDelayMs: 60_000 });
    await postJson(`${running.baseUrl}/_sandbox/invoices`, { invoice: {}, deliver: true, eventId: 'evt_same' });
    const { body } = await postJson(`${running.baseUrl}/_sandbox/invoices`, {
      invoice: {},
      deliver: true,
      eventId: 'evt_same',
    });
    expect(body.delivery).toMatchObject({ eventId: 'evt_same', attempts: 1, delivered: true, done: true });
    await running.sandbox.control.whenDeliveriesSettled();
    expect(running.sandbox.control.deliveries()).toHaveLength(1);
  });
});
