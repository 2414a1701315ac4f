import { RuntimeClock } from '../../../local/clock';
import { getJson, graphql, postJson, type Json } from './harness';
import { useListeningSandbox } from './listening-sandbox';
import { waveBody } from './wave-wire';

const DAY_MS = 86_400_000;

/** Wall time the sandbox's clock follows (plus whatever `advance` adds). */
let wall: number;
const t = useListeningSandbox(() => {
  wall = Date.parse('2026-03-10T12:00:00Z');
  return { clock: new RuntimeClock(() => wall) };
});

const invoices = (body: unknown) => postJson(`${t.running.baseUrl}/_sandbox/invoices`, body);
const payments = (body: unknown) => postJson(`${t.running.baseUrl}/_sandbox/payments`, body);
const sentTypes = () => t.listener.received.map((request) => waveBody(request).event_type);
const day = (offsetDays: number) => new Date(t.running.clock.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

async function change(invoice: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const { status, body } = await invoices({ invoice, deliver: true, ...extra });
  expect(status).toBe(200);
  return body as Json;
}

describe('Wave sandbox: the events Wave sends for invoice changes', () => {
  it('approved on saving, sent, viewed; nothing for drafts or edits that keep the status', async () => {
    const draft = await change({ status: 'DRAFT', total: '300.00' });
    expect(draft.delivery).toEqual({ skipped: 'Wave sends no webhook for a draft invoice' });
    const id = draft.invoice.id;
    expect((await change({ id, title: 'Still a draft' })).delivery.skipped).toMatch(/draft/);

    const saved = await change({ id, status: 'SAVED' });
    expect(saved.delivery).toMatchObject({ type: 'invoice.approved', delivered: true });
    expect((await change({ id, memo: 'Edited, still SAVED' })).delivery).toEqual({
      skipped: 'Wave sends no webhook for an edit that keeps the status (SAVED)',
    });
    expect((await change({ id, status: 'SENT' })).delivery.type).toBe('invoice.sent');
    expect((await change({ id, status: 'VIEWED' })).delivery.type).toBe('invoice.viewed');
    expect((await change({ id, status: 'VIEWED', title: 'Viewed again' })).delivery.skipped).toMatch(/keeps/);

    const fresh = await change({ status: 'SENT' });
    expect(fresh.delivery.type).toBe('invoice.approved');
    expect(sentTypes()).toEqual(['invoice.approved', 'invoice.sent', 'invoice.viewed', 'invoice.approved']);
    expect(t.listener.received.map((request) => waveBody(request).data.invoice_id).slice(0, 3)).toEqual(
      Array(3).fill(waveBody(t.listener.received[0]).data.invoice_id),
    );
  });

  it('a payment sends partially_paid, paid or overpaid by what has been paid, with paid_date', async () => {
    const { invoice } = await change({ status: 'SENT', total: '1000.00' });
    const pay = async (amount: string, paymentDate: string) =>
      (await payments({ invoiceId: invoice.id, amount, paymentDate, deliver: true })).body as Json;

    expect((await pay('400.00', '2026-03-11')).invoice.status).toBe('PARTIAL');
    expect((await pay('600.00', '2026-03-12')).invoice.status).toBe('PAID');
    expect((await pay('5.00', '2026-03-13')).invoice.status).toBe('OVERPAID');
    const bodies = t.listener.received.slice(1).map(waveBody);
    expect(bodies.map((body) => [body.event_type, body.data.amount_paid, body.data.paid_date])).toEqual([
      ['invoice.partially_paid', '400.00', '2026-03-11'],
      ['invoice.paid', '1000.00', '2026-03-12'],
      ['invoice.overpaid', '1005.00', '2026-03-13'],
    ]);
    expect(bodies[2]?.data).toMatchObject({ amount_due: '-5.00', remaining_balance: '-5.00', total: '1000.00' });
    expect('paid_date' in waveBody(t.listener.received[0]).data).toBe(false);
  });

  it('sends nothing of its own for customers and payments (no customer.* or payment.received)', async () => {
    const created = await postJson(`${t.running.baseUrl}/_sandbox/customers`, {
      customer: { name: 'Zeta GmbH' },
      deliver: true,
    });
    expect(created.body.delivery).toEqual({
      skipped: 'Wave sends no customer webhooks (the invoice events carry customer_id)',
    });
    const { invoice } = await change({ status: 'SENT', total: '10.00', customerId: created.body.customer.id });
    await payments({ invoiceId: invoice.id, amount: '10.00', deliver: true });
    await t.running.sandbox.control.whenDeliveriesSettled();
    expect(sentTypes()).toEqual(['invoice.approved', 'invoice.paid']);
    expect(waveBody(t.listener.received[1]).data.customer_id).toBe(
      Buffer.from(created.body.customer.id, 'base64').toString().split(';Customer:')[1],
    );
  });

  it('an explicit event forces the type, in Wave format', async () => {
    const { invoice } = await change({ status: 'SENT' });
    expect((await change({ id: invoice.id }, { event: 'invoice.sent' })).delivery.type).toBe('invoice.sent');
    const paid = await payments({ invoiceId: invoice.id, amount: '1.00', deliver: true, event: 'invoice.paid' });
    expect(paid.body.delivery.type).toBe('invoice.paid');
    const customer = await postJson(`${t.running.baseUrl}/_sandbox/customers`, {
      customer: { name: 'Forced' },
      deliver: true,
      event: 'customer.created',
    });
    expect(customer.body.delivery.type).toBe('customer.created');
    expect(waveBody(t.listener.received.at(-1)).data).toEqual({ customer_id: expect.stringMatching(/^\d{19}$/) });
  });

  it('sends estimate events on request to an app granted estimate:read, naming an estimate and no invoice', async () => {
    const withoutScope = await postJson(`${t.running.baseUrl}/_sandbox/estimates`, {});
    expect(withoutScope.body.delivery.skipped).toMatch(/includes neither estimate:read nor estimate:\*/);
    t.running.sandbox.control.issueTokens('business:read invoice:read estimate:read');
    const { status, body } = await postJson(`${t.running.baseUrl}/_sandbox/estimates`, {
      estimate: { total: '99.50' },
    });
    expect(status).toBe(200);
    expect(body.delivery).toMatchObject({ type: 'estimate.sent', delivered: true });
    expect(waveBody(t.listener.received[0])).toMatchObject({
      event_type: 'estimate.sent',
      data: { estimate_id: expect.stringMatching(/^\d{19}$/), total: '99.50', currency_code: 'USD' },
    });
    expect('invoice_id' in waveBody(t.listener.received[0]).data).toBe(false);
    const approved = await postJson(`${t.running.baseUrl}/_sandbox/estimates`, { event: 'estimate.approved' });
    expect(approved.body.delivery.type).toBe('estimate.approved');
    const refused = await postJson(`${t.running.baseUrl}/_sandbox/estimates`, { event: 'invoice.paid' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/^event: must be an estimate event/);
  });

  it('deleting an invoice sends nothing', async () => {
    const { invoice } = await change({ status: 'SENT' });
    const response = await fetch(`${t.running.baseUrl}/_sandbox/invoices/${encodeURIComponent(invoice.id)}`, {
      method: 'DELETE',
    });
    expect(response.status).toBe(200);
    await t.running.sandbox.control.whenDeliveriesSettled();
    expect(sentTypes()).toEqual(['invoice.approved']);
  });
});

describe('Wave sandbox: invoices falling overdue on the runtime clock', () => {
  it('turns an owing invoice OVERDUE and sends invoice.overdue once the clock moves past its due date', async () => {
    const { invoice } = await change({ status: 'SENT', total: '80.00', dueDate: day(1) });
    t.running.clock.advance(DAY_MS);
    await t.running.sandbox.control.whenDeliveriesSettled();
    // Due today is not overdue yet.
    expect(sentTypes()).toEqual(['invoice.approved']);

    t.running.clock.advance(DAY_MS);
    await t.running.sandbox.control.whenDeliveriesSettled();
    expect(sentTypes()).toEqual(['invoice.approved', 'invoice.overdue']);
    expect(waveBody(t.listener.received[1]).data).toMatchObject({ amount_due: '80.00', due_date: invoice.dueDate });

    const { body: state } = await getJson(`${t.running.baseUrl}/_sandbox/state`);
    const stored = state.invoices.find((candidate: Json) => candidate.id === invoice.id);
    expect(stored).toMatchObject({ status: 'OVERDUE', modifiedAt: new Date(t.running.clock.now()).toISOString() });

    // Once: further days change nothing; a partial payment leaves it overdue.
    t.running.clock.advance(5 * DAY_MS);
    const paid = await payments({ invoiceId: invoice.id, amount: '30.00', deliver: true });
    expect(paid.body.invoice.status).toBe('OVERDUE');
    expect(sentTypes()).toEqual(['invoice.approved', 'invoice.overdue', 'invoice.partially_paid']);
  });

  it('leaves drafts, paid invoices and those stored already past due as they are', async () => {
    const draft = await change({ status: 'DRAFT', dueDate: day(0) });
    const paid = await change({ status: 'SENT', total: '5.00', dueDate: day(0) });
    await payments({ invoiceId: paid.invoice.id, amount: '5.00' });
    const late = await change({ status: 'SENT', dueDate: day(-3) });
    const seeded = (await getJson(`${t.running.baseUrl}/_sandbox/state`)).body.invoices;
    t.listener.received.length = 0;

    t.running.clock.advance(2 * DAY_MS);
    await t.running.sandbox.control.whenDeliveriesSettled();
    const statuses = new Map(
      (await getJson(`${t.running.baseUrl}/_sandbox/state`)).body.invoices.map((i: Json) => [i.id, i.status]),
    );
    expect(statuses.get(draft.invoice.id)).toBe('DRAFT');
    expect(statuses.get(paid.invoice.id)).toBe('PAID');
    expect(statuses.get(late.invoice.id)).toBe('SENT');
    for (const invoice of seeded) expect(statuses.get(invoice.id)).toBe(invoice.status);
    expect(t.listener.received).toHaveLength(0);
  });

  it('catches up before any sandbox call when wall time passed the due date (no clock advance)', async () => {
    const { invoice } = await change({ status: 'VIEWED', total: '12.00', dueDate: day(0) });
    wall += DAY_MS;
    const token = t.running.sandbox.control.issueTokens().access_token;
    const { body } = await graphql(t.running, token, 'query($i: ID!) { business { invoice(id: $i) { status } } }', {
      i: invoice.id,
    });
    expect(body.data.business.invoice.status).toBe('OVERDUE');
    await t.running.sandbox.control.whenDeliveriesSettled();
    expect(sentTypes()).toEqual(['invoice.approved', 'invoice.overdue']);
  });

  it('seeded invoices fall overdue too (1003, PARTIAL, due in 10 days)', async () => {
    t.running.clock.advance(11 * DAY_MS);
    await t.running.sandbox.control.whenDeliveriesSettled();
    const { body: state } = await getJson(`${t.running.baseUrl}/_sandbox/state`);
    const byNumber = new Map(state.invoices.map((i: Json) => [i.invoiceNumber, i.status]));
    expect(byNumber.get('1003')).toBe('OVERDUE');
    expect(byNumber.get('1001')).toBe('SENT');
    expect(sentTypes()).toEqual(['invoice.overdue']);
    expect(waveBody(t.listener.received[0]).data.invoice_id).toBe('2496756670638588936');
  });
});
