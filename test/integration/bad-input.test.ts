import { signWaveWebhook } from '../../src/domain/wave-webhook';
import { envelope, makeInvoice } from '../support/wave-events';
import { startTestStack, TEST_SIGNING_SECRET, type TestStack } from '../support/test-stack';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => t.close());

const jiraWrites = () =>
  t.stack.jira
    .stats()
    .requests.filter((entry) => entry.method !== 'GET')
    .reduce((sum, entry) => sum + entry.count, 0);

describe('bad deliveries are refused and write nothing', () => {
  const valid = JSON.stringify(envelope('invoice.created', { invoice: makeInvoice() }));
  const old = signWaveWebhook({
    rawBody: valid,
    secret: TEST_SIGNING_SECRET,
    timestamp: new Date(Date.now() - 600_000),
  });
  const future = signWaveWebhook({
    rawBody: valid,
    secret: TEST_SIGNING_SECRET,
    timestamp: new Date(Date.now() + 600_000),
  });
  const cases: Array<
    [string, () => Promise<{ status: number; body: { reason?: string; error?: string } }>, number, string]
  > = [
    ['an unsigned delivery', () => t.post(valid, { signature: null }), 401, 'missing_header'],
    ['a malformed signature', () => t.post(valid, { signature: 't=yesterday,v1=' }), 401, 'malformed_header'],
    ['a forged signature', () => t.post(valid, { secret: 'another-secret-0123456789' }), 401, 'signature_mismatch'],
    ['an expired signature', () => t.post(valid, { signature: old }), 401, 'timestamp_too_old'],
    ['a signature from the future', () => t.post(valid, { signature: future }), 401, 'timestamp_in_future'],
    ['a body that is not JSON', () => t.post('{"id": '), 400, 'not_json'],
    ['a body that is not an object', () => t.post('[1,2]'), 400, 'not_object'],
    [
      'a body without id',
      () => t.post(JSON.stringify({ type: 'invoice.created', occurredAt: new Date().toISOString(), data: {} })),
      400,
      'missing_field',
    ],
    [
      'a non-numeric amount',
      () =>
        t.post(
          JSON.stringify(
            envelope('invoice.created', {
              invoice: { ...makeInvoice(), total: { value: 'lots', raw: 1, currency: { code: 'USD' } } },
            }),
          ),
        ),
      422,
      'invalid_data',
    ],
    ['a GET', () => t.post(valid, { method: 'GET' }), 405, 'method_not_allowed'],
  ];

  it.each(cases)('%s', async (_name, send, status, reason) => {
    const issuesBefore = t.stack.jira.listIssues().length;
    const writesBefore = jiraWrites();
    const answer = await send();
    expect(answer.status).toBe(status);
    expect(answer.body.error).toEqual(expect.any(String));
    expect(answer.body.reason).toBe(reason);
    expect(JSON.stringify(answer.body)).not.toContain(TEST_SIGNING_SECRET);
    expect(t.stack.jira.listIssues()).toHaveLength(issuesBefore);
    expect(jiraWrites()).toBe(writesBefore);
  });

  it('acknowledges an event type it does not know as "ignored", so Wave stops retrying', async () => {
    const answer = await t.deliver(envelope('estimate.created', { estimate: { id: 'x' } }));
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('ignored');
  });
});
