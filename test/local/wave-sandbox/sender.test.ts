import { getJson, postJson, type Json } from './harness';
import { useListeningSandbox } from './listening-sandbox';
import { startListener, type Received } from './listener';
import { expectSignedByWave, FAST_RETRY } from './wave-wire';

const t = useListeningSandbox();

const setUp = (statuses: number[], fallbackStatus = 200, retry = FAST_RETRY) =>
  t.restart({ statuses, fallbackStatus, retry });

const newInvoice = (extra: Record<string, unknown> = {}) =>
  postJson(`${t.running.baseUrl}/_sandbox/invoices`, { invoice: { status: 'SENT' }, deliver: true, ...extra });

describe('Wave sandbox webhook sender: delivery and retries', () => {
  it('retries non-2xx answers with growing delays until a 2xx, signing every attempt again', async () => {
    await setUp([500, 503, 429]);
    const { body } = await newInvoice({ eventId: 'e-retry-1' });
    expect(body.delivery).toMatchObject({
      eventId: 'e-retry-1',
      attempts: 1,
      lastStatus: 500,
      delivered: false,
      done: false,
      nextAttemptInMs: 20,
    });

    await t.running.sandbox.control.whenDeliveriesSettled();
    const { body: progress } = await getJson(`${t.running.baseUrl}/_sandbox/deliveries/e-retry-1`);
    expect(progress).toMatchObject({
      eventId: 'e-retry-1',
      attempts: 4,
      lastStatus: 200,
      delivered: true,
      done: true,
      cancelled: false,
    });
    expect(progress.answers.map((answer: Json) => [answer.attempt, answer.status])).toEqual([
      [1, 500],
      [2, 503],
      [3, 429],
      [4, 200],
    ]);

    expect(t.listener.received).toHaveLength(4);
    expect(new Set(t.listener.received.map((request) => request.body)).size).toBe(1);
    for (const request of t.listener.received) expectSignedByWave(request, t.running.clock.now());
    const gaps = t.listener.received
      .slice(1)
      .map((request, index) => request.at - (t.listener.received[index] as Received).at);
    expect(gaps[0]).toBeGreaterThanOrEqual(18);
    expect(gaps[1]).toBeGreaterThanOrEqual(38);
    expect(gaps[2]).toBeGreaterThanOrEqual(75);
  });

  it('gives up after maxAttempts and reports the last answer', async () => {
    await setUp([], 503);
    const { body } = await newInvoice();
    await t.running.sandbox.control.whenDeliveriesSettled();
    expect(t.running.sandbox.control.deliveries()).toEqual([
      expect.objectContaining({
        eventId: body.delivery.eventId,
        attempts: 4,
        lastStatus: 503,
        lastBody: '{"error":"try again"}',
        delivered: false,
        done: true,
      }),
    ]);
    expect(t.listener.received).toHaveLength(4);
  });

  it('records a network failure as status 0 with the error, and retries it', async () => {
    const gone = await startListener([]);
    await gone.close();
    await t.restart({ webhookUrl: async () => gone.url, retry: { ...FAST_RETRY, maxAttempts: 2 } });
    const { body } = await newInvoice();
    expect(body.delivery).toMatchObject({ attempts: 1, lastStatus: 0, lastBody: null, done: false });
    expect(body.delivery.lastError).toEqual(expect.any(String));
    await t.running.sandbox.control.whenDeliveriesSettled();
    expect(t.running.sandbox.control.deliveries()[0]).toMatchObject({
      attempts: 2,
      lastStatus: 0,
      done: true,
      delivered: false,
    });
  });

  it('close() cancels pending retries and settles', async () => {
    await setUp([], 500, { ...FAST_RETRY, initialDelayMs: 60_000, maxDelayMs: 60_000 });
    const { body } = await newInvoice();
    expect(body.delivery.nextAttemptInMs).toBe(60_000);
    const settled = t.running.sandbox.control.whenDeliveriesSettled();
    t.running.sandbox.close();
    await settled;
    expect(t.running.sandbox.control.deliveries()[0]).toMatchObject({
      attempts: 1,
      done: true,
      cancelled: true,
      nextAttemptInMs: null,
    });
  });

  it('does not deliver unless asked', async () => {
    await setUp([200]);
    const { body } = await postJson(`${t.running.baseUrl}/_sandbox/invoices`, { invoice: { status: 'SENT' } });
    expect(body.delivery).toBeUndefined();
    await t.running.sandbox.control.whenDeliveriesSettled();
    expect(t.listener.received).toHaveLength(0);
    expect((await getJson(`${t.running.baseUrl}/_sandbox/deliveries`)).body).toEqual({ deliveries: [] });
    expect((await getJson(`${t.running.baseUrl}/_sandbox/deliveries/e-none`)).status).toBe(404);
  });

  it('replaces a pending delivery when the same event id is sent again', async () => {
    await setUp([500], 200, { ...FAST_RETRY, initialDelayMs: 60_000, maxDelayMs: 60_000 });
    await newInvoice({ eventId: 'e-same' });
    const { body } = await newInvoice({ eventId: 'e-same' });
    expect(body.delivery).toMatchObject({ eventId: 'e-same', attempts: 1, delivered: true, done: true });
    await t.running.sandbox.control.whenDeliveriesSettled();
    expect(t.running.sandbox.control.deliveries()).toHaveLength(1);
  });

  it('lists each delivery with its format, type, the headers sent (never the secret) and the answers', async () => {
    await setUp([200]);
    const { body } = await newInvoice();
    const { body: listed } = await getJson(`${t.running.baseUrl}/_sandbox/deliveries`);
    expect(listed.deliveries).toEqual([
      {
        eventId: body.delivery.eventId,
        type: 'invoice.approved',
        format: 'wave',
        body: (t.listener.received[0] as Received).body,
        headers: {
          'content-type': 'application/json',
          'user-agent': expect.stringContaining('Wave'),
          'x-wave-timestamp': expect.stringMatching(/^\d+$/),
          'x-wave-signature': expect.stringMatching(/^t=\d+,v1=[0-9a-f]{64}$/),
        },
        answers: [
          {
            attempt: 1,
            at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
            status: 200,
            body: '{"status":"processed","issueKey":"BILL-1"}',
            error: null,
          },
        ],
        skipped: null,
        attempts: 1,
        lastStatus: 200,
        lastBody: '{"status":"processed","issueKey":"BILL-1"}',
        lastError: null,
        delivered: true,
        done: true,
        cancelled: false,
        nextAttemptInMs: null,
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain('whsec_sandbox_test_5e1f');
  });
});
