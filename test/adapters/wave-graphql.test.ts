import { getWaveConnection, markWaveConnected } from '../../src/adapters/storage/wave-connection';
import { saveWaveOAuthClient, saveWaveTokens } from '../../src/adapters/storage/secrets';
import { WaveBusinessNotReadableError, WaveReconnectNeededError } from '../../src/adapters/wave/wave-errors';
import { WaveGraphqlClient } from '../../src/adapters/wave/wave-graphql';
import { WaveOAuthClient } from '../../src/adapters/wave/wave-oauth';
import { WaveTokenManager } from '../../src/adapters/wave/wave-tokens';
import { UnavailableError, UpstreamError } from '../../src/shared/errors';
import { createTimeBudget } from '../../src/shared/time-budget';
import { FakeWave } from './support/fake-wave';
import { startForgeHarness, type ForgeHarness } from './support/forge-harness';

let harness: ForgeHarness;
let wave: FakeWave;
let urls: { tokenUrl: string; graphqlUrl: string };

beforeEach(async () => {
  harness = startForgeHarness();
  wave = new FakeWave();
  urls = await wave.start();
  await saveWaveOAuthClient({ clientId: 'client-id', clientSecret: 'client-secret' });
  await saveWaveTokens({ accessToken: 'access-0', refreshToken: 'refresh-0', expiresAt: Date.now() + 3_600_000 });
  await markWaveConnected();
});
afterEach(async () => {
  await wave.stop();
  harness.close();
});

function client(limitMs = 10_000): WaveGraphqlClient {
  const budget = createTimeBudget({ limitMs });
  const tokens = new WaveTokenManager({
    oauth: new WaveOAuthClient({ budget, fetch, tokenUrl: urls.tokenUrl }),
    budget,
  });
  return new WaveGraphqlClient({
    tokens,
    budget,
    fetch,
    endpoint: urls.graphqlUrl,
    policy: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 },
  });
}

const money = (value: string) => ({
  raw: Math.round(Number(value) * 100),
  value,
  currency: { code: 'USD', symbol: '$' },
});
const invoice = {
  id: 'SW52OjE=',
  invoiceNumber: '7',
  status: 'SENT',
  title: 'Invoice',
  invoiceDate: '2026-01-01',
  dueDate: '2026-01-31',
  createdAt: '2026-01-01T00:00:00Z',
  modifiedAt: '2026-01-02T00:00:00Z',
  viewUrl: 'https://wave.test/v',
  pdfUrl: 'https://wave.test/p',
  total: money('100.00'),
  amountDue: money('100.00'),
  amountPaid: money('0.00'),
  taxTotal: money('0.00'),
  customer: {
    id: 'Q3VzOjE=',
    name: 'Acme',
    email: null,
    firstName: null,
    lastName: null,
    displayId: null,
    createdAt: '2026-01-01T00:00:00Z',
    modifiedAt: '2026-01-01T00:00:00Z',
  },
};
const invoiceAnswer = { status: 200, body: { data: { business: { id: 'QnVz', invoice } } } };

describe('Wave GraphQL client', () => {
  it('fetches an invoice with the stored token and the variables the query declares', async () => {
    wave.graphqlAnswers.push(invoiceAnswer);
    expect(await client().getInvoice('QnVz', 'SW52OjE=')).toMatchObject({
      invoice: { id: 'SW52OjE=', invoiceNumber: '7', status: 'SENT', customer: { id: 'Q3VzOjE=', name: 'Acme' } },
      customer: { id: 'Q3VzOjE=', name: 'Acme', modifiedAt: '2026-01-01T00:00:00Z' },
    });
    expect(wave.graphqlRequests[0]?.authorization).toBe('Bearer access-0');
    expect(wave.graphqlRequests[0]?.body.variables).toEqual({ businessId: 'QnVz', invoiceId: 'SW52OjE=' });
  });

  it.each([
    ['HTTP 401', { status: 401, body: { errors: [{ message: 'Unauthorized' }] } }],
    [
      'UNAUTHENTICATED in a 200',
      { status: 200, body: { data: null, errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] } },
    ],
  ])('refreshes once and repeats the query after %s', async (_case, rejection) => {
    wave.graphqlAnswers.push(rejection, invoiceAnswer);
    expect(await client().getInvoice('QnVz', 'SW52OjE=')).toBeDefined();
    expect(wave.tokenRequests).toBe(1);
    expect(wave.graphqlRequests.map((r) => r.authorization)).toEqual(['Bearer access-0', 'Bearer access-1']);
  });

  it('asks for a reconnect when even the renewed token is refused', async () => {
    const rejection = { status: 401, body: { errors: [{ message: 'Unauthorized' }] } };
    wave.graphqlAnswers.push(rejection, rejection);
    await expect(client().getInvoice('QnVz', 'SW52OjE=')).rejects.toBeInstanceOf(WaveReconnectNeededError);
    expect((await getWaveConnection()).state).toBe('reconnect-needed');
  });

  it('retries 429 and 5xx, then answers 503 with Retry-After when they persist', async () => {
    wave.graphqlAnswers.push(
      { status: 429, body: { errors: [{ message: 'slow down' }] }, headers: { 'Retry-After': '0' } },
      { status: 502, body: {} },
      invoiceAnswer,
    );
    expect(await client().getInvoice('QnVz', 'SW52OjE=')).toBeDefined();
    expect(wave.graphqlRequests).toHaveLength(3);

    const busy = { status: 429, body: { errors: [{ message: 'slow down' }] }, headers: { 'Retry-After': '120' } };
    wave.graphqlAnswers.push(busy);
    await expect(client().getInvoice('QnVz', 'SW52OjE=')).rejects.toMatchObject({
      constructor: UnavailableError,
      retryAfterSeconds: 120,
    });
  });

  it('returns undefined for a missing invoice and maps other GraphQL errors', async () => {
    wave.graphqlAnswers.push({ status: 200, body: { data: { business: { id: 'QnVz', invoice: null } } } });
    expect(await client().getInvoice('QnVz', 'nope')).toBeUndefined();
    wave.graphqlAnswers.push({
      status: 200,
      body: { data: null, errors: [{ message: 'Invoice not found', extensions: { code: 'NOT_FOUND' } }] },
    });
    expect(await client().getInvoice('QnVz', 'nope')).toBeUndefined();
    wave.graphqlAnswers.push({
      status: 200,
      body: {
        data: null,
        errors: [{ message: 'Field "x" is not defined', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
      },
    });
    await expect(client().getInvoice('QnVz', 'x')).rejects.toBeInstanceOf(UpstreamError);
    wave.graphqlAnswers.push({ status: 200, body: { data: { business: null } } });
    await expect(client().getInvoice('QnVz', 'x')).rejects.toBeInstanceOf(WaveBusinessNotReadableError);
  });

  it('lists invoices modified after a time, oldest first, with paging info', async () => {
    wave.graphqlAnswers.push({
      status: 200,
      body: {
        data: {
          business: {
            id: 'QnVz',
            invoices: { pageInfo: { currentPage: 2, totalPages: 3, totalCount: 101 }, edges: [{ node: invoice }] },
          },
        },
      },
    });
    const page = await client().listInvoices({
      businessId: 'QnVz',
      modifiedAtAfter: '2026-01-01T00:00:00Z',
      page: 2,
      pageSize: 50,
    });
    expect(page).toMatchObject({ currentPage: 2, totalPages: 3, totalCount: 101 });
    expect(page.items.map((i) => i.id)).toEqual(['SW52OjE=']);
    expect(wave.graphqlRequests[0]?.body.query).toContain('sort: [MODIFIED_AT_ASC]');
    expect(wave.graphqlRequests[0]?.body.variables).toEqual({
      businessId: 'QnVz',
      page: 2,
      pageSize: 50,
      modifiedAtAfter: '2026-01-01T00:00:00Z',
    });
  });
});
