import {
  parseWaveEnvelope,
  verifyWaveSignature,
  type InvoiceEvent,
  type PaymentEvent,
} from '../../../src/domain/wave-webhook';
import { postJson, SIGNING_SECRET } from './harness';
import { useListeningSandbox } from './listening-sandbox';
import type { Received } from './listener';
import { hmacHex } from './wave-wire';

const t = useListeningSandbox();

/** Checked with the app's own contract module, as the app's intake of this format does. */
function verified(request: Received) {
  const signature = verifyWaveSignature({
    rawBody: request.body,
    header: request.headers['x-wave-signature'],
    secrets: [SIGNING_SECRET],
    now: t.running.clock.now(),
  });
  return { signature, event: parseWaveEnvelope(request.body) };
}

describe('Wave sandbox sender: the seed\'s full-object envelope ("format": "full")', () => {
  it('delivers a signed invoice.created that the contract module accepts, headers as before', async () => {
    const { status, body } = await postJson(`${t.running.baseUrl}/_sandbox/invoices`, {
      invoice: { total: { value: '1250.00' }, status: 'SENT', title: '"Q1" <b>work</b> \u200fشركة' },
      deliver: true,
      format: 'full',
    });
    expect(status).toBe(200);
    expect(body.delivery).toMatchObject({
      attempts: 1,
      lastStatus: 200,
      delivered: true,
      done: true,
      type: 'invoice.created',
      format: 'full',
    });
    expect(body.delivery.eventId).toMatch(/^evt_/);

    expect(t.listener.received).toHaveLength(1);
    const request = t.listener.received[0] as Received;
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-wave-timestamp']).toBeUndefined();
    const { signature, event } = verified(request);
    expect(signature.scheme).toBe('timestamped');
    expect(Math.abs((signature.timestamp ?? 0) * 1000 - t.running.clock.now())).toBeLessThan(5_000);
    expect(event).toEqual({
      id: body.delivery.eventId,
      type: 'invoice.created',
      occurredAt: expect.any(String),
      businessId: t.running.sandbox.control.businessId,
      invoice: body.invoice,
    });
    expect((event as InvoiceEvent).invoice).toMatchObject({
      title: '"Q1" <b>work</b> \u200fشركة',
      total: { value: '1250.00', raw: 125000 },
    });
  });

  it('sends invoice.updated, a thin event, the event type given and the event id given', async () => {
    const { body: created } = await postJson(`${t.running.baseUrl}/_sandbox/invoices`, { invoice: {} });
    const updated = await postJson(`${t.running.baseUrl}/_sandbox/invoices`, {
      invoice: { id: created.invoice.id, title: 'Edited' },
      deliver: true,
      format: 'full',
      eventId: 'evt_given_1',
    });
    expect(updated.body.delivery).toMatchObject({ eventId: 'evt_given_1', type: 'invoice.updated' });
    expect(verified(t.listener.received[0] as Received).event).toMatchObject({ id: 'evt_given_1' });

    const { body } = await postJson(`${t.running.baseUrl}/_sandbox/invoices`, {
      invoice: { status: 'PAID' },
      deliver: true,
      format: 'full',
      thin: true,
      event: 'invoice.paid',
    });
    const { event } = verified(t.listener.received[1] as Received);
    expect(event).toMatchObject({ type: 'invoice.paid', invoice: { id: body.invoice.id, thin: true } });
  });

  it('delivers payment.received and customer.created', async () => {
    const { body: created } = await postJson(`${t.running.baseUrl}/_sandbox/invoices`, {
      invoice: { total: '1000.00', status: 'SENT' },
    });
    const { body: paid } = await postJson(`${t.running.baseUrl}/_sandbox/payments`, {
      invoiceId: created.invoice.id,
      amount: '400.00',
      paymentMethod: 'CREDIT_CARD',
      paymentDate: '2026-01-18',
      deliver: true,
      format: 'full',
    });
    expect(paid.invoice).toMatchObject({
      status: 'PARTIAL',
      amountPaid: { value: '400.00' },
      amountDue: { value: '600.00' },
    });
    const payment = verified(t.listener.received[0] as Received).event as PaymentEvent;
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

    await postJson(`${t.running.baseUrl}/_sandbox/customers`, {
      customer: { name: 'Zeta «Ltd»', email: 'z@zeta.example' },
      deliver: true,
      format: 'full',
    });
    const customer = verified(t.listener.received[1] as Received).event;
    expect(customer).toMatchObject({
      type: 'customer.created',
      customer: { name: 'Zeta «Ltd»', email: 'z@zeta.example' },
    });
  });

  it('signs the bare form when asked, verifiable against the body', async () => {
    await postJson(`${t.running.baseUrl}/_sandbox/invoices`, {
      invoice: { status: 'SENT' },
      deliver: true,
      format: 'full',
      signature: 'bare',
    });
    const request = t.listener.received[0] as Received;
    expect(request.headers['x-wave-signature']).toBe(hmacHex(request.body));
    expect(verified(request).signature.scheme).toBe('bare');
  });
});
