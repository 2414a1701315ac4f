import {
  invoiceGlobalId,
  numericIdOf,
  parseBusinessId,
  parseDelivery,
  WaveEnvelopeError,
} from '../../../src/domain/wave-webhook';

const UUID = 'e226ca4e-7b4d-4890-bedc-5d4945ec0be6';
const BUSINESS_GLOBAL = Buffer.from(`Business:${UUID}`).toString('base64');
const RECEIVED = '2026-01-17T12:34:00.000Z';
/** The delivery in ../shared/reference/wave-webhook-delivery.example.json, as Wave sends it. */
const EXAMPLE = {
  event_id: '0b6f3d2e-58a1-4c57-9f0e-2f7f7c1d9a41',
  event_type: 'invoice.partially_paid',
  business_id: UUID,
  data: {
    invoice_id: '2496756670638588934',
    customer_id: '88412301',
    amount_paid: '500.00',
    remaining_balance: '750.00',
    paid_date: '2026-01-17',
    currency_code: 'USD',
  },
};

const parse = (body: unknown) => parseDelivery(JSON.stringify(body), RECEIVED);
function refusal(body: unknown): WaveEnvelopeError {
  try {
    parse(body);
  } catch (error) {
    expect(error).toBeInstanceOf(WaveEnvelopeError);
    return error as WaveEnvelopeError;
  }
  throw new Error('expected the delivery to be refused');
}

describe("Wave's ids", () => {
  it('rebuilds the invoice global id from the business uuid and the numeric invoice id, digits intact', () => {
    const business = parseBusinessId(UUID)!;
    const id = invoiceGlobalId(business, '2496756670638588934');
    expect(Buffer.from(id, 'base64').toString()).toBe(`Business:${UUID};Invoice:2496756670638588934`);
    expect(numericIdOf(id)).toBe('2496756670638588934');
  });

  it('reads a business as its uuid (any case) or its global id, and nothing else', () => {
    expect(parseBusinessId(UUID)).toEqual({ uuid: UUID, globalId: BUSINESS_GLOBAL });
    expect(parseBusinessId(UUID.toUpperCase())).toEqual({ uuid: UUID, globalId: BUSINESS_GLOBAL });
    expect(parseBusinessId(BUSINESS_GLOBAL)).toEqual({ uuid: UUID, globalId: BUSINESS_GLOBAL });
    for (const bad of ['', 'acme', Buffer.from('Customer:1').toString('base64'), `${UUID}x`, 'toString']) {
      expect(parseBusinessId(bad)).toBeNull();
    }
  });

  it('finds no numeric id in ids that are not Wave record ids', () => {
    expect(numericIdOf('not base64!')).toBeNull();
    expect(numericIdOf(BUSINESS_GLOBAL)).toBeNull();
  });
});

describe("parseDelivery: Wave's own format", () => {
  it('reads the example delivery as a thin invoice event: a prompt to re-read, never the numbers', () => {
    const { format, event } = parse(EXAMPLE);
    expect(format).toBe('wave');
    expect(event).toEqual({
      id: EXAMPLE.event_id,
      type: 'invoice.partially_paid',
      occurredAt: RECEIVED,
      businessId: BUSINESS_GLOBAL,
      invoice: { id: invoiceGlobalId(parseBusinessId(UUID)!, '2496756670638588934'), thin: true },
    });
  });

  it.each([
    'invoice.approved',
    'invoice.sent',
    'invoice.viewed',
    'invoice.paid',
    'invoice.partially_paid',
    'invoice.overpaid',
    'invoice.overdue',
  ])('takes %s as an invoice event', (type) => {
    expect(parse({ ...EXAMPLE, event_type: type }).event).toMatchObject({ type, invoice: { thin: true } });
  });

  it('takes estimate events and unknown types as events to ignore, whatever their data', () => {
    for (const type of ['estimate.sent', 'estimate.approved', 'bill.paid']) {
      expect(parse({ ...EXAMPLE, event_type: type, data: 'anything' }).event).toMatchObject({ type, unknown: true });
    }
  });

  it('accepts the business global id and an exact JSON-number invoice id', () => {
    const event = parse({ ...EXAMPLE, business_id: BUSINESS_GLOBAL, data: { invoice_id: 123 } }).event;
    expect(event).toMatchObject({
      businessId: BUSINESS_GLOBAL,
      invoice: { id: invoiceGlobalId(parseBusinessId(UUID)!, '123') },
    });
  });

  it.each([
    ['event_id', { event_id: undefined }, 400, 'event_id: is missing'],
    ['event_type', { event_type: undefined }, 400, 'event_type: is missing'],
    ['business_id', { business_id: undefined }, 400, 'business_id: is missing'],
    ['data', { data: undefined }, 400, 'data: must be an object'],
    ['data.invoice_id', { data: {} }, 400, 'data.invoice_id: is missing'],
    ['event_id', { event_id: 'e'.repeat(257) }, 422, 'event_id: must have at most 256 characters'],
    ['event_id', { event_id: 42 }, 422, 'event_id: must be a non-empty string'],
    ['business_id', { business_id: 'toString' }, 422, 'business_id: must be a Wave business id'],
    ['data.invoice_id', { data: { invoice_id: 'INV-12' } }, 422, 'data.invoice_id: must be the numeric id'],
    ['data.invoice_id', { data: { invoice_id: '9'.repeat(300) } }, 422, 'data.invoice_id: must have at most 256'],
    ['data.invoice_id', { data: { invoice_id: 2 ** 62 } }, 422, 'data.invoice_id: must be sent as a string'],
  ])('refuses a bad %s with %s, naming the field', (path, patch, status, message) => {
    const error = refusal({ ...EXAMPLE, ...patch });
    expect({ status: error.httpStatus, path: error.path }).toEqual({ status, path });
    expect(error.message.startsWith(message)).toBe(true);
  });

  it('never echoes what it refuses', () => {
    const secretish = 'sk_live_should_not_be_echoed';
    expect(refusal({ ...EXAMPLE, business_id: secretish }).message).not.toContain(secretish);
    expect(refusal({ ...EXAMPLE, data: { invoice_id: secretish } }).message).not.toContain(secretish);
  });
});

describe('parseDelivery: the full envelope is still read as before', () => {
  it('detects the full envelope by its keys', () => {
    const body = { id: 'evt_1', type: 'test.ping', occurredAt: RECEIVED, data: {} };
    expect(parse(body)).toEqual({
      format: 'full',
      event: { id: 'evt_1', type: 'test.ping', occurredAt: RECEIVED, unknown: true },
    });
  });
});
