import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { mapBusiness, mapCustomer, mapInvoice } from '../../src/adapters/wave/wave-mapping';
import { ALL_WAVE_DOCUMENTS } from '../../src/adapters/wave/wave-queries';
import { UpstreamError } from '../../src/shared/errors';

const schema = buildSchema(
  fs.readFileSync(path.join(__dirname, '../../../shared/reference/wave-public-schema.partial.graphql'), 'utf8'),
);

describe('Wave GraphQL documents', () => {
  it.each(Object.entries(ALL_WAVE_DOCUMENTS))('%s validates against the reference schema', (_name, document) => {
    expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
  });

  it('the validation would catch a wrong field', () => {
    const broken = ALL_WAVE_DOCUMENTS.GET_INVOICE.replace('invoiceNumber', 'invoiceNo');
    expect(validate(schema, parse(broken)).length).toBeGreaterThan(0);
  });
});

const usd = (value: string, raw: number) => ({ raw, value, currency: { code: 'USD', symbol: '$' } });

const invoiceNode = {
  id: 'SW52b2ljZTox+/=',
  invoiceNumber: '1042',
  status: 'OVERPAID_LATER_STATUS',
  title: 'Invoice',
  invoiceDate: '2026-01-10',
  dueDate: '2026-02-09',
  createdAt: '2026-01-10T09:00:00Z',
  modifiedAt: '2026-01-12T10:00:00Z',
  viewUrl: 'https://next.waveapps.com/x/invoices/1042/view',
  pdfUrl: 'https://next.waveapps.com/x/invoices/1042/pdf',
  total: usd('1250.00', 125000),
  amountDue: usd('250.00', 25000),
  amountPaid: usd('1000.00', 100000),
  taxTotal: null,
  customer: { id: 'Q3VzdG9tZXI6MQ==', name: 'Acme Ltd', email: null },
};

describe('mapping Wave results', () => {
  it('maps an invoice, keeping unknown statuses and nulls', () => {
    const invoice = mapInvoice(invoiceNode);
    expect(invoice).toEqual({
      ...invoiceNode,
      customer: { id: 'Q3VzdG9tZXI6MQ==', name: 'Acme Ltd', email: null },
    });
    expect(invoice.status).toBe('OVERPAID_LATER_STATUS');
    expect(invoice.total.currency).toEqual({ code: 'USD', symbol: '$' });
  });

  it('refuses an invoice without the fields the sync relies on', () => {
    const { total: _total, ...withoutTotal } = invoiceNode;
    expect(() => mapInvoice(withoutTotal)).toThrow(UpstreamError);
    expect(() =>
      mapInvoice({ ...invoiceNode, amountPaid: { raw: '1', value: '1', currency: { code: 'USD' } } }),
    ).toThrow(/amountPaid/);
  });

  it('maps customers and businesses', () => {
    expect(
      mapCustomer({
        id: 'c1',
        name: 'Acme',
        email: 'ap@acme.test',
        modifiedAt: '2026-01-01T00:00:00Z',
        displayId: null,
      }),
    ).toEqual({
      id: 'c1',
      name: 'Acme',
      email: 'ap@acme.test',
      modifiedAt: '2026-01-01T00:00:00Z',
      displayId: null,
    });
    expect(
      mapBusiness({ id: 'b1', name: 'Shop', isPersonal: false, isArchived: null, currency: { code: 'CAD' } }),
    ).toEqual({
      id: 'b1',
      name: 'Shop',
      currencyCode: 'CAD',
      isArchived: false,
    });
  });
});
