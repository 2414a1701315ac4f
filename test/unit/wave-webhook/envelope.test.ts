import {
  WaveEnvelopeError,
  isCustomerEvent,
  isInvoiceEvent,
  isPaymentEvent,
  isThinResource,
  isUnknownEvent,
  parseWaveEnvelope,
  type WaveEnvelopeErrorKind,
} from '../../../src/domain/wave-webhook';

const usd = { code: 'USD', symbol: '$' };
const money = (value: string, raw: number) => ({ value, raw, currency: usd });

const INVOICE = {
  id: 'QnVzaW5lc3M6ZTIy+/Y2E0ZTctNGI0ZC00ODkwLWJlZGMtNWQ0OTQ1ZWMwYmU2O0ludm9pY2U6MTIz==',
  invoiceNumber: '1042',
  status: 'SENT',
  title: 'Invoice',
  invoiceDate: '2026-01-17',
  dueDate: '2026-02-16',
  createdAt: '2026-01-17T12:00:00.000Z',
  modifiedAt: '2026-01-17T12:34:00.000Z',
  viewUrl: 'https://next.waveapps.com/b/invoices/123',
  pdfUrl: 'https://next.waveapps.com/b/invoices/123/pdf',
  total: money('1250.00', 125000),
  amountDue: money('1250.00', 125000),
  amountPaid: money('0.00', 0),
  taxTotal: money('0.00', 0),
  customer: { id: 'QnVzaW5lc3M6Q3VzdG9tZXI6MQ==', name: 'Acme', email: 'ap@acme.test' },
};
const CUSTOMER = {
  id: 'QnVzaW5lc3M6Q3VzdG9tZXI6MQ==',
  name: 'Acme',
  email: 'ap@acme.test',
  firstName: 'Ada',
  lastName: 'Lovelace',
  displayId: 'ACME-1',
  createdAt: '2026-01-01T00:00:00Z',
  modifiedAt: '2026-01-17T12:34:00+01:00',
};
const PAYMENT = {
  id: 'pay_1',
  invoiceId: INVOICE.id,
  amount: money('500.00', 50000),
  paymentDate: '2026-01-18',
  paymentMethod: 'BANK_TRANSFER',
};

function envelope(type: string, data: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: 'evt_1',
    type,
    occurredAt: '2026-01-17T12:34:00Z',
    businessId: 'QnVzaW5lc3M6MQ==',
    data,
    ...extra,
  });
}

function parseError(rawBody: string): WaveEnvelopeError {
  try {
    parseWaveEnvelope(rawBody);
  } catch (error) {
    expect(error).toBeInstanceOf(WaveEnvelopeError);
    return error as WaveEnvelopeError;
  }
  throw new Error('expected parseWaveEnvelope to throw');
}

function expectError(
  rawBody: string,
  kind: WaveEnvelopeErrorKind,
  status: 400 | 422,
  path?: string,
): WaveEnvelopeError {
  const error = parseError(rawBody);
  expect({ kind: error.kind, status: error.httpStatus, path: error.path }).toEqual({ kind, status, path });
  if (path) expect(error.message.startsWith(`${path}: `)).toBe(true);
  return error;
}

const withInvoice = (patch: Record<string, unknown>) =>
  envelope('invoice.updated', { invoice: { ...INVOICE, ...patch } });

describe('parseWaveEnvelope: good events', () => {
  it.each([
    'invoice.created',
    'invoice.updated',
    'invoice.approved',
    'invoice.sent',
    'invoice.viewed',
    'invoice.paid',
    'invoice.overdue',
    'invoice.deleted',
  ])('parses a full %s', (type) => {
    const event = parseWaveEnvelope(envelope(type, { invoice: INVOICE }));
    expect(isInvoiceEvent(event)).toBe(true);
    expect(event).toEqual({
      id: 'evt_1',
      type,
      occurredAt: '2026-01-17T12:34:00Z',
      businessId: 'QnVzaW5lc3M6MQ==',
      invoice: INVOICE,
    });
  });

  it('parses a thin invoice event as {id, thin: true}', () => {
    const event = parseWaveEnvelope(envelope('invoice.paid', { invoice: { id: INVOICE.id } }));
    expect(event).toMatchObject({ type: 'invoice.paid', invoice: { id: INVOICE.id, thin: true } });
    if (!isInvoiceEvent(event)) throw new Error('not an invoice event');
    expect(isThinResource(event.invoice)).toBe(true);
  });

  it.each(['customer.created', 'customer.updated'])('parses a full and a thin %s', (type) => {
    const full = parseWaveEnvelope(envelope(type, { customer: CUSTOMER }));
    expect(isCustomerEvent(full) && full.customer).toEqual(CUSTOMER);
    const thin = parseWaveEnvelope(envelope(type, { customer: { id: CUSTOMER.id } }));
    expect(isCustomerEvent(thin) && thin.customer).toEqual({ id: CUSTOMER.id, thin: true });
  });

  it('parses payment.received, with a date or a date-time paymentDate', () => {
    const event = parseWaveEnvelope(envelope('payment.received', { payment: PAYMENT }));
    expect(isPaymentEvent(event) && event.payment).toEqual(PAYMENT);
    const withTime = { ...PAYMENT, paymentDate: '2026-01-18T09:00:00-05:00', paymentMethod: null };
    expect(parseWaveEnvelope(envelope('payment.received', { payment: withTime }))).toMatchObject({ payment: withTime });
  });

  it('keeps any invoice status, known or not', () => {
    for (const status of ['OVERPAID', 'PARTIAL', 'SOME_FUTURE_STATUS']) {
      expect(parseWaveEnvelope(withInvoice({ status }))).toMatchObject({ invoice: { status } });
    }
  });

  it('marks any other type as unknown, whatever its data', () => {
    for (const type of ['estimate.created', 'invoice.archived', 'payment.refunded', 'INVOICE.CREATED']) {
      const event = parseWaveEnvelope(envelope(type, { anything: [1, 2, 3] }));
      expect(isUnknownEvent(event)).toBe(true);
      expect(event).toEqual({
        id: 'evt_1',
        type,
        occurredAt: '2026-01-17T12:34:00Z',
        businessId: 'QnVzaW5lc3M6MQ==',
        unknown: true,
      });
    }
  });

  it('keeps hostile text intact: quotes, markup, RTL marks, non-Latin, whitespace', () => {
    const title = '  "Q1" <script>alert(1)</script> \u202Eevil\u202C — Ōkami 株式会社 شركة\u200f\n';
    const name = 'O\'Brien & "Sons" <b>Ltd</b>';
    const event = parseWaveEnvelope(withInvoice({ title, customer: { id: 'c', name, email: null } }));
    expect(event).toMatchObject({ invoice: { title, customer: { id: 'c', name, email: null } } });
  });

  it('accepts optional fields as absent or null', () => {
    const minimal = {
      id: 'i',
      invoiceNumber: '1',
      status: 'DRAFT',
      modifiedAt: '2026-01-17T12:34:00Z',
      total: money('0.00', 0),
      amountPaid: money('0.00', 0),
    };
    expect(parseWaveEnvelope(envelope('invoice.created', { invoice: minimal }))).toMatchObject({ invoice: minimal });
    const nulls = {
      ...minimal,
      title: null,
      invoiceDate: null,
      dueDate: null,
      amountDue: null,
      taxTotal: null,
      customer: null,
      viewUrl: null,
    };
    expect(parseWaveEnvelope(envelope('invoice.created', { invoice: nulls }))).toMatchObject({ invoice: nulls });
  });

  it('omits businessId when the envelope has none, and drops unknown envelope keys', () => {
    const body = JSON.stringify({ id: 'e', type: 'x.y', occurredAt: '2026-01-17T12:34:00Z', data: {}, extra: 1 });
    expect(parseWaveEnvelope(body)).toEqual({
      id: 'e',
      type: 'x.y',
      occurredAt: '2026-01-17T12:34:00Z',
      unknown: true,
    });
  });

  it('accepts zero-decimal amounts (JPY)', () => {
    const total = { value: '15', raw: 15, currency: { code: 'JPY' } };
    expect(parseWaveEnvelope(withInvoice({ total }))).toMatchObject({ invoice: { total } });
  });

  it.each(['total', 'amountPaid'])('refuses a negative %s with 422: Wave reports none', (field) => {
    const negative = { value: '-15.00', raw: -1500, currency: { code: 'USD' } };
    const error = expectError(withInvoice({ [field]: negative }), 'invalid_data', 422, `data.invoice.${field}`);
    expect(error.message).toContain('must not be negative');
  });

  it.each([
    ['id', { id: 'e'.repeat(257) }],
    ['businessId', { businessId: 'b'.repeat(257) }],
    ['type', { type: 't'.repeat(257) }],
  ])('refuses an over-long %s with 422 naming it (a retry could never succeed)', (path, patch) => {
    const body = JSON.stringify({ ...JSON.parse(envelope('invoice.created', { invoice: INVOICE })), ...patch });
    expect(expectError(body, 'invalid_data', 422, path).message).toBe(`${path}: must have at most 256 characters`);
  });

  it('refuses an over-long resource id with 422 naming it', () => {
    expectError(withInvoice({ id: 'i'.repeat(600) }), 'invalid_data', 422, 'data.invoice.id');
    expectError(envelope('invoice.paid', { invoice: { id: 'i'.repeat(600) } }), 'invalid_data', 422, 'data.invoice.id');
  });
});

describe('parseWaveEnvelope: 400, not an envelope', () => {
  it.each(['', 'not json', '{"id": ', '{id: 1}', "{'a':1}"])('not_json for %p', (body) => {
    expect(expectError(body, 'not_json', 400).message).toBe('the body is not JSON');
  });

  it.each(['[]', '[{"id":"e"}]', 'null', '42', '"text"', 'true'])('not_object for %s', (body) => {
    expectError(body, 'not_object', 400);
  });

  it.each([
    ['id', { id: undefined }, 'id: is missing'],
    ['id', { id: '' }, 'id: must be a non-empty string'],
    ['id', { id: 42 }, 'id: must be of type string'],
    ['type', { type: undefined }, 'type: is missing'],
    ['type', { type: '' }, 'type: must be a non-empty string'],
    ['occurredAt', { occurredAt: undefined }, 'occurredAt: is missing'],
    ['businessId', { businessId: 7 }, 'businessId: must be of type string'],
    ['data', { data: undefined }, 'data: must be an object'],
    ['data', { data: [] }, 'data: must be an object'],
    ['data', { data: 'x' }, 'data: must be an object'],
  ])('missing_field at %s', (path, patch, message) => {
    const body = JSON.stringify({ ...JSON.parse(envelope('invoice.created', { invoice: INVOICE })), ...patch });
    expect(expectError(body, 'missing_field', 400, path).message).toBe(message);
  });

  it.each([
    ['invoice.created', {}, 'data.invoice'],
    ['invoice.created', { invoice: null }, 'data.invoice'],
    ['invoice.created', { invoice: 'QnVz' }, 'data.invoice'],
    ['customer.updated', { invoice: INVOICE }, 'data.customer'],
    ['payment.received', { payment: [] }, 'data.payment'],
  ])('missing_field when %s has no resource object (%p)', (type, data, path) => {
    expectError(envelope(type, data), 'missing_field', 400, path);
  });
});

describe("parseWaveEnvelope: 422, data that cannot be Wave's", () => {
  it.each([
    ['non-numeric value', { total: { ...money('1250.00', 125000), value: '12,50' } }, 'data.invoice.total.value'],
    [
      'value with currency sign',
      { total: { ...money('1250.00', 125000), value: '$1250' } },
      'data.invoice.total.value',
    ],
    ['value as a number', { amountPaid: { ...money('0.00', 0), value: 0 } }, 'data.invoice.amountPaid.value'],
    ['fractional raw', { total: { ...money('1250.00', 125000), raw: 1250.5 } }, 'data.invoice.total.raw'],
    ['raw as a string', { total: { ...money('1250.00', 125000), raw: '125000' } }, 'data.invoice.total.raw'],
    ['unsafe raw', { total: { ...money('1250.00', 125000), raw: 2 ** 60 } }, 'data.invoice.total.raw'],
    ['currency as a string', { total: { value: '1.00', raw: 100, currency: 'USD' } }, 'data.invoice.total.currency'],
    [
      'lower-case currency code',
      { total: { value: '1.00', raw: 100, currency: { code: 'usd' } } },
      'data.invoice.total.currency.code',
    ],
    ['missing total', { total: undefined }, 'data.invoice.total'],
    ['missing amountPaid', { amountPaid: undefined }, 'data.invoice.amountPaid'],
    ['bad taxTotal', { taxTotal: { value: 'x' } }, 'data.invoice.taxTotal.value'],
    ['invoiceDate not a date', { invoiceDate: '17/01/2026' }, 'data.invoice.invoiceDate'],
    ['impossible dueDate', { dueDate: '2026-02-30' }, 'data.invoice.dueDate'],
    ['modifiedAt without zone', { modifiedAt: '2026-01-17T12:34:00' }, 'data.invoice.modifiedAt'],
    ['modifiedAt missing', { modifiedAt: undefined }, 'data.invoice.modifiedAt'],
    ['createdAt as epoch', { createdAt: 1768653240 }, 'data.invoice.createdAt'],
    ['empty status', { status: '' }, 'data.invoice.status'],
    ['status not a string', { status: 3 }, 'data.invoice.status'],
    ['invoiceNumber missing', { invoiceNumber: undefined }, 'data.invoice.invoiceNumber'],
    ['customer without id', { customer: { name: 'Acme' } }, 'data.invoice.customer.id'],
    ['id empty', { id: '' }, 'data.invoice.id'],
  ])('invalid_data for %s', (_label, patch, path) => {
    const error = expectError(withInvoice(patch), 'invalid_data', 422, path);
    expect(error.message).not.toContain('12,50');
  });

  it('an invoice with an id and anything else is not thin and must be complete', () => {
    expectError(
      envelope('invoice.created', { invoice: { id: 'i', status: 'PAID' } }),
      'invalid_data',
      422,
      'data.invoice.invoiceNumber',
    );
    expectError(envelope('invoice.created', { invoice: { id: 7 } }), 'invalid_data', 422, 'data.invoice.id');
  });

  it('invalid_data for a bad occurredAt', () => {
    const body = JSON.stringify({ ...JSON.parse(envelope('x.y', {})), occurredAt: 'yesterday' });
    expectError(body, 'invalid_data', 422, 'occurredAt');
  });

  it.each([
    [{ ...CUSTOMER, name: undefined }, 'data.customer.name'],
    [{ ...CUSTOMER, modifiedAt: 'now' }, 'data.customer.modifiedAt'],
    [{ ...CUSTOMER, email: 5 }, 'data.customer.email'],
  ])('invalid_data for a bad customer at %#', (customer, path) => {
    expectError(envelope('customer.updated', { customer }), 'invalid_data', 422, path);
  });

  it.each([
    [{ id: 'pay_1' }, 'data.payment.invoiceId'],
    [{ ...PAYMENT, amount: '500.00' }, 'data.payment.amount'],
    [{ ...PAYMENT, amount: money('five', 500) }, 'data.payment.amount.value'],
    [{ ...PAYMENT, paymentDate: 'tomorrow' }, 'data.payment.paymentDate'],
    [{ ...PAYMENT, invoiceId: '' }, 'data.payment.invoiceId'],
  ])('invalid_data for a bad payment at %#', (payment, path) => {
    expectError(envelope('payment.received', { payment }), 'invalid_data', 422, path);
  });
});
