import { getJson, graphql, postJson } from './harness';
import { useListeningSandbox } from './listening-sandbox';
import { waveBody } from './wave-wire';

const t = useListeningSandbox(() => ({ grant: false }));

const settings = (body: unknown) => postJson(`${t.running.baseUrl}/_sandbox/settings`, body);
const sentInvoice = async (extra: Record<string, unknown> = {}) =>
  (await postJson(`${t.running.baseUrl}/_sandbox/invoices`, { invoice: { status: 'SENT' }, deliver: true, ...extra }))
    .body;

describe('Wave sandbox: deliveries only where Wave makes them', () => {
  it('sends nothing before the app holds an OAuth grant with invoice:read or invoice:*', async () => {
    expect((await sentInvoice()).delivery).toEqual({
      skipped: 'no OAuth grant: Wave sends invoice.approved only to apps granted invoice:read',
    });
    t.running.sandbox.control.issueTokens('business:read customer:read');
    expect((await sentInvoice()).delivery).toEqual({
      skipped:
        'the app\'s latest OAuth grant ("business:read customer:read") includes neither invoice:read nor invoice:*',
    });
    t.running.sandbox.control.issueTokens('business:read invoice:*');
    expect((await sentInvoice()).delivery).toMatchObject({ delivered: true, type: 'invoice.approved' });
    // The latest grant decides: a narrower one later stops deliveries again.
    t.running.sandbox.control.issueTokens('business:read');
    expect((await sentInvoice()).delivery.skipped).toMatch(/includes neither invoice:read/);
    expect(t.listener.received).toHaveLength(1);
  });

  it('a grant made through the consent page counts like any other', async () => {
    const redirectUri = 'http://127.0.0.1:9/callback';
    const authorize = new URL(`${t.running.baseUrl}/oauth2/authorize/`);
    const params = { client_id: 'local-wave-client', response_type: 'code', redirect_uri: redirectUri, auto: '1' };
    for (const [key, value] of Object.entries({ ...params, scope: 'invoice:read' }))
      authorize.searchParams.set(key, value);
    const code = new URL(
      (await fetch(authorize, { redirect: 'manual' })).headers.get('location') ?? '',
    ).searchParams.get('code');
    const exchanged = await fetch(`${t.running.baseUrl}/oauth2/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: code ?? '',
        redirect_uri: redirectUri,
        client_id: 'local-wave-client',
        client_secret: 'client-secret-for-tests',
      }),
    });
    expect(exchanged.status).toBe(200);
    expect((await sentInvoice()).delivery).toMatchObject({ delivered: true });
  });

  it('{"webhooks": false}: no webhook registered in the developer portal, nothing is sent', async () => {
    t.running.sandbox.control.issueTokens();
    expect(await settings({ webhooks: false })).toEqual({ status: 200, body: { plan: 'pro', webhooks: false } });
    const { delivery } = await sentInvoice();
    expect(delivery).toEqual({ skipped: "no webhook is registered for the app in Wave's developer portal" });
    const { body } = await getJson(`${t.running.baseUrl}/_sandbox/deliveries`);
    expect(body.deliveries).toEqual([
      expect.objectContaining({ type: 'invoice.approved', skipped: delivery.skipped, attempts: 0, done: true }),
    ]);
    await settings({ webhooks: true });
    expect((await sentInvoice()).delivery).toMatchObject({ delivered: true });
    expect(t.listener.received).toHaveLength(1);
  });

  it('{"plan": "starter"}: no webhooks, no OAuth consent, but a pasted full-access token still reads', async () => {
    const pasted = t.running.sandbox.control.issueTokens();
    expect((await settings({ plan: 'starter' })).body).toEqual({ plan: 'starter', webhooks: true });
    expect((await sentInvoice()).delivery).toEqual({
      skipped: 'Wave sends webhooks only for businesses on Pro (this one is on starter)',
    });
    expect((await sentInvoice({ format: 'full' })).delivery.skipped).toMatch(/only for businesses on Pro/);
    const read = await graphql(t.running, pasted.access_token, '{ business { name } }');
    expect(read.body.data.business.name).toBe('Northwind Consulting LLC');
    // Invoices still fall overdue, silently.
    await postJson(`${t.running.baseUrl}/_sandbox/invoices`, {
      invoice: { status: 'SENT', total: '10.00', dueDate: new Date(t.running.clock.now()).toISOString().slice(0, 10) },
    });
    t.running.clock.advance(86_400_000);
    await t.running.sandbox.control.whenDeliveriesSettled();
    expect(t.running.sandbox.control.deliveries().at(-1)).toMatchObject({
      type: 'invoice.overdue',
      skipped: expect.stringMatching(/Pro/),
    });
    expect(t.listener.received).toHaveLength(0);

    const consent = new URL(`${t.running.baseUrl}/oauth2/authorize/`);
    for (const [key, value] of Object.entries({
      client_id: 'local-wave-client',
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:9/callback',
      scope: 'invoice:read',
      state: 's1',
    }))
      consent.searchParams.set(key, value);
    const refused = await fetch(consent, { redirect: 'manual' });
    expect(refused.status).toBe(302);
    const location = new URL(refused.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('error_description')).toMatch(/only for businesses on Wave Pro or Wave Advisor/);
    expect(location.searchParams.get('state')).toBe('s1');
  });

  it('answers GET with the settings, keeps them across a restart, and refuses bad input without changing them', async () => {
    expect((await getJson(`${t.running.baseUrl}/_sandbox/settings`)).body).toEqual({ plan: 'pro', webhooks: true });
    for (const [body, message] of [
      [{ plan: 'basic' }, /^plan: /],
      [{ webhooks: 'no' }, /^webhooks: /],
      [{ plans: 'pro' }, /Unrecognized key/],
      [[], /^body: /],
    ] as const) {
      const answer = await settings(body);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatch(message);
    }
    await settings({ plan: 'starter' });
    const { dataDir, clock } = t.running;
    await t.restart({ dataDir, clock });
    expect((await getJson(`${t.running.baseUrl}/_sandbox/settings`)).body).toEqual({ plan: 'starter', webhooks: true });
    expect(t.running.sandbox.control.api.settings()).toEqual({ plan: 'starter', webhooks: true });
  });

  it('the full format is gated the same way, by the scope its event needs', async () => {
    t.running.sandbox.control.issueTokens('invoice:read');
    const customer = await postJson(`${t.running.baseUrl}/_sandbox/customers`, {
      customer: { name: 'Gated' },
      deliver: true,
      format: 'full',
    });
    expect(customer.body.delivery.skipped).toMatch(/includes neither customer:read nor customer:\*/);
    const invoice = await sentInvoice({ format: 'full' });
    expect(invoice.delivery).toMatchObject({ delivered: true, type: 'invoice.created', format: 'full' });
    expect(waveBody(t.listener.received[0])).toMatchObject({ id: invoice.delivery.eventId, type: 'invoice.created' });
  });
});
