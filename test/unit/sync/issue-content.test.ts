import { customerDescription, customerFieldValues, customerSummary } from '../../../src/domain/sync/customer-content';
import { adfSentence } from '../../../src/domain/sync/adf';
import {
  invoiceDescription,
  invoiceFieldValues,
  invoiceSummary,
  waveLink,
} from '../../../src/domain/sync/invoice-content';
import { adfProblems, adfTexts } from './support/adf-check';
import { customer, invoice, money } from './support/fixtures';

const HOSTILE = `Ünïcødé "quotes" 'single' <b>bold</b> *md* [x](http://evil) {"json":1} \u202Eעברית\u200F 中文 العربية 🧾`;

describe('invoice summary', () => {
  it('names number and customer', () => {
    expect(invoiceSummary(invoice())).toBe('Invoice 1042 · Acme Consulting Ltd');
  });

  it('is sane without a customer or with a blank one', () => {
    expect(invoiceSummary(invoice({ customer: null }))).toBe('Invoice 1042');
    expect(invoiceSummary(invoice({ customer: { id: 'c', name: '  \n ' } }))).toBe('Invoice 1042');
  });

  it('is a single line', () => {
    const summary = invoiceSummary(
      invoice({ invoiceNumber: '10\r\n42', customer: { id: 'c', name: 'Acme\nConsulting\tLtd\u2028x' } }),
    );
    expect(summary).toBe('Invoice 10 42 · Acme Consulting Ltd x');
  });

  it('keeps hostile text literal', () => {
    expect(invoiceSummary(invoice({ customer: { id: 'c', name: HOSTILE } }))).toBe(`Invoice 1042 · ${HOSTILE}`);
  });

  it('is cut to 255 UTF-16 units with an ellipsis, never inside a surrogate pair', () => {
    const long = invoiceSummary(invoice({ customer: { id: 'c', name: 'x'.repeat(400) } }));
    expect(long).toHaveLength(255);
    expect(long.endsWith('x…')).toBe(true);

    const prefix = 'Invoice 1042 · '.length;
    const emoji = invoiceSummary(invoice({ customer: { id: 'c', name: 'a'.repeat(253 - prefix) + '🧾🧾🧾' } }));
    expect(emoji.length).toBeLessThanOrEqual(255);
    expect(emoji).toBe(`Invoice 1042 · ${'a'.repeat(253 - prefix)}…`);
    expect(() => encodeURIComponent(emoji)).not.toThrow(); // throws on a lone surrogate
  });
});

describe('invoice description', () => {
  it('is valid ADF with what the invoice is (title, number, customer, total, due date) and the Wave link', () => {
    const doc = invoiceDescription(invoice({ status: 'PARTIAL', amountPaid: money(50000), amountDue: money(75000) }));
    expect(adfProblems(doc)).toEqual([]);
    expect(adfTexts(doc)).toEqual([
      'Title: Consulting, January',
      'Invoice number: 1042',
      'Customer: Acme Consulting Ltd',
      'Total: USD 1,250.00',
      'Due date: 2026-02-15',
      'View the invoice in Wave',
    ]);
    expect(JSON.stringify(doc)).toContain('{"type":"link","attrs":{"href":"https://next.waveapps.com/invoices/1042"}}');
  });

  it('keeps hostile text as literal text nodes', () => {
    const doc = invoiceDescription(invoice({ title: HOSTILE, customer: { id: 'c', name: HOSTILE } }));
    expect(adfProblems(doc)).toEqual([]);
    expect(adfTexts(doc)).toContain(`Title: ${HOSTILE}`);
    expect(adfTexts(doc)).toContain(`Customer: ${HOSTILE}`);
  });

  it('never turns a non-http URL into a link', () => {
    const doc = invoiceDescription(invoice({ viewUrl: 'javascript:alert(1)' }));
    expect(adfProblems(doc)).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain('javascript');
  });

  it('handles missing optional data and zero amounts', () => {
    const doc = invoiceDescription(
      invoice({
        title: null,
        dueDate: null,
        viewUrl: null,
        customer: null,
        amountDue: null,
        total: money(0, 'JPY'),
        amountPaid: money(0, 'JPY'),
      }),
    );
    expect(adfProblems(doc)).toEqual([]);
    expect(adfTexts(doc)).toEqual(['Invoice number: 1042', 'Customer: (none)', 'Total: JPY 0', 'Due date: (none)']);
  });

  it('does not change with payments or status: live figures are in the fields and the property', () => {
    const sent = invoiceDescription(invoice({ status: 'SENT' }));
    const paid = invoiceDescription(invoice({ status: 'PAID', amountPaid: money(125000), amountDue: money(0) }));
    expect(paid).toEqual(sent);
  });

  it('computes amount due when Wave leaves it out', () => {
    const values = invoiceFieldValues(
      invoice({ amountDue: null, total: money(10000, 'KWD'), amountPaid: money(2500, 'KWD') }),
    );
    expect(values['wave-amount-due']).toBe(7.5);
  });
});

describe('invoice field values', () => {
  it('maps every app-owned field', () => {
    expect(invoiceFieldValues(invoice({ status: 'SENT' }))).toEqual({
      'wave-invoice-number': '1042',
      'wave-customer': 'Acme Consulting Ltd',
      'wave-amount': 1250,
      'wave-amount-due': 1250,
      'wave-amount-paid': 0,
      'wave-currency': 'USD',
      'wave-status': 'SENT',
      'wave-due-date': '2026-02-15',
      'wave-link': 'https://next.waveapps.com/invoices/1042',
      'wave-id': 'SW52b2ljZTox',
    });
  });

  it('uses decimals for the amount and null for what is missing or unusable', () => {
    const values = invoiceFieldValues(
      invoice({
        total: money(1250, 'KWD'),
        customer: null,
        dueDate: 'soon',
        viewUrl: `https://x.test/${'a'.repeat(300)}`,
      }),
    );
    expect(values['wave-amount']).toBe(1.25);
    expect(values['wave-currency']).toBe('KWD');
    expect(values['wave-customer']).toBeNull();
    expect(values['wave-due-date']).toBeNull();
    expect(values['wave-link']).toBeNull();
  });
});

describe('customer content', () => {
  it('summarises, describes in ADF and fills the customer fields', () => {
    expect(customerSummary(customer())).toBe('Customer · Acme Consulting Ltd');
    const doc = customerDescription(customer());
    expect(adfProblems(doc)).toEqual([]);
    expect(adfTexts(doc)).toEqual([
      'Name: Acme Consulting Ltd',
      'Email: ap@acme.test',
      'Contact: Ada Lovelace',
      'Customer number: C-7',
    ]);
    expect(customerFieldValues(customer())).toEqual({
      'wave-customer': 'Acme Consulting Ltd',
      'wave-id': 'Q3VzdG9tZXI6MQ==',
    });
  });

  it('copes with hostile and missing data', () => {
    const hostile = customer({ name: `${HOSTILE}\n`, email: null, firstName: null, lastName: null, displayId: null });
    expect(customerSummary(hostile)).toBe(`Customer · ${HOSTILE}`);
    expect(customerSummary(customer({ name: '' }))).toBe('Customer');
    const doc = customerDescription(hostile);
    expect(adfProblems(doc)).toEqual([]);
    expect(adfTexts(doc)).toEqual([`Name: ${HOSTILE}`, 'Email: (none)']);
  });
});

describe('bounded content (issue 10)', () => {
  it("keeps links to Wave's own hosts only", () => {
    for (const good of [
      'https://next.waveapps.com/b/invoices/1',
      'https://waveapps.com/x',
      'https://API.WaveApps.com/y',
    ]) {
      expect(waveLink(good)).not.toBeNull();
    }
    for (const bad of [
      'https://evil.example/phish',
      'https://waveapps.com.evil.example/x',
      'https://evilwaveapps.com/x',
      'http://next.waveapps.com/b/invoices/1',
      'javascript:alert(1)',
      null,
    ]) {
      expect(waveLink(bad)).toBeNull();
    }
    const doc = JSON.stringify(invoiceDescription(invoice({ viewUrl: 'https://evil.example/phish' })));
    expect(doc).not.toContain('evil.example');
  });

  it('cuts every description value and comment with an ellipsis', () => {
    const long = 'x'.repeat(100_000);
    const doc = JSON.stringify(invoiceDescription(invoice({ title: long, customer: { id: 'c', name: long } })));
    expect(doc.length).toBeLessThan(3_000);
    expect(doc).toContain('…');
    const comment = JSON.stringify(adfSentence(long));
    expect(comment.length).toBeLessThan(2_200);
  });
});
