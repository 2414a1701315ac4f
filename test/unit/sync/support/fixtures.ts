import type { Money, WaveCustomer, WaveInvoice, WavePayment } from '../../../../src/domain/wave-webhook/types';
import { currencyExponent, minorToDecimal } from '../../../../src/domain/sync/money';
import type { InvoiceContext } from '../../../../src/domain/sync/invoice-work';
import type { ProjectStatus, ProjectTarget } from '../../../../src/domain/sync/types';

export function money(minor: number, currency = 'USD'): Money {
  return { raw: minor, value: minorToDecimal(minor, currencyExponent(currency)), currency: { code: currency } };
}

export const INVOICE_ID = 'SW52b2ljZTox';
export const CUSTOMER_ID = 'Q3VzdG9tZXI6MQ==';

export function invoice(overrides: Partial<WaveInvoice> = {}): WaveInvoice {
  return {
    id: INVOICE_ID,
    invoiceNumber: '1042',
    status: 'DRAFT',
    title: 'Consulting, January',
    dueDate: '2026-02-15',
    modifiedAt: '2026-01-10T09:00:00.000Z',
    viewUrl: 'https://next.waveapps.com/invoices/1042',
    total: money(125000),
    amountDue: money(125000),
    amountPaid: money(0),
    customer: { id: CUSTOMER_ID, name: 'Acme Consulting Ltd', email: 'ap@acme.test' },
    ...overrides,
  };
}

/** The same invoice later: status, paid amount and time move together. */
export function invoiceAt(
  minute: number,
  status: string,
  paidMinor: number,
  overrides: Partial<WaveInvoice> = {},
): WaveInvoice {
  return invoice({
    status,
    modifiedAt: `2026-01-10T09:${String(minute).padStart(2, '0')}:00.000Z`,
    amountPaid: money(paidMinor),
    amountDue: money(125000 - paidMinor),
    ...overrides,
  });
}

export function payment(id: string, minor: number, overrides: Partial<WavePayment> = {}): WavePayment {
  return {
    id,
    invoiceId: INVOICE_ID,
    amount: money(minor),
    paymentDate: '2026-01-17',
    paymentMethod: 'BANK_TRANSFER',
    ...overrides,
  };
}

export function customer(overrides: Partial<WaveCustomer> = {}): WaveCustomer {
  return {
    id: CUSTOMER_ID,
    name: 'Acme Consulting Ltd',
    email: 'ap@acme.test',
    firstName: 'Ada',
    lastName: 'Lovelace',
    displayId: 'C-7',
    modifiedAt: '2026-01-05T08:00:00.000Z',
    ...overrides,
  };
}

export const STATUSES: ProjectStatus[] = [
  { id: '1', name: 'To Do', categoryKey: 'new' },
  { id: '2', name: 'Backlog', categoryKey: 'new' },
  { id: '3', name: 'In Progress', categoryKey: 'indeterminate' },
  { id: '4', name: 'In Review', categoryKey: 'indeterminate' },
  { id: '5', name: 'Done', categoryKey: 'done' },
  { id: '6', name: 'Closed', categoryKey: 'done' },
];

export function project(overrides: Partial<ProjectTarget> = {}): ProjectTarget {
  return {
    projectKey: 'BILL',
    issueTypeId: '10001',
    statusMapping: {},
    statuses: STATUSES,
    initialStatusId: '1',
    ...overrides,
  };
}

export function context(overrides: Partial<InvoiceContext> = {}): InvoiceContext {
  return {
    project: project(),
    businessId: 'QnVzaW5lc3M6MQ==',
    worklogs: { enabled: true, timeSpentSeconds: 60 },
    customerLink: null,
    ...overrides,
  };
}
