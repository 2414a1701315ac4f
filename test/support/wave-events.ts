import { randomUUID } from 'node:crypto';
import type { WaveInvoice } from '../../src/domain/wave-webhook/types';

let sequence = 1000;

export const usd = (value: string) => ({
  value,
  raw: Math.round(Number(value) * 100),
  currency: { code: 'USD', symbol: '$' },
});

/** A complete Wave invoice as the webhook contract carries it. */
export function makeInvoice(overrides: Partial<WaveInvoice> = {}): WaveInvoice {
  sequence += 1;
  const id = overrides.id ?? Buffer.from(`Business:test;Invoice:${randomUUID()}`).toString('base64');
  return {
    id,
    invoiceNumber: String(sequence),
    status: 'SAVED',
    title: 'Consulting services',
    invoiceDate: '2026-11-01',
    dueDate: '2026-12-01',
    createdAt: '2026-11-01T09:00:00.000Z',
    modifiedAt: '2026-11-01T09:00:00.000Z',
    viewUrl: `https://next.waveapps.com/biz/invoices/${encodeURIComponent(id)}`,
    total: usd('1250.00'),
    amountDue: usd('1250.00'),
    amountPaid: usd('0.00'),
    customer: { id: 'QnVzaW5lc3M6dGVzdDtDdXN0b21lcjox', name: 'Acme Consulting Ltd', email: 'ap@acme.example' },
    ...overrides,
  };
}

export function envelope(
  type: string,
  data: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { id: `evt_${randomUUID()}`, type, occurredAt: new Date().toISOString(), data, ...extra };
}

/** The invoice at a later point of its life: modifiedAt moves forward by `minutes`. */
export function later(invoice: WaveInvoice, minutes: number, changes: Partial<WaveInvoice>): WaveInvoice {
  const modifiedAt = new Date(Date.parse(invoice.modifiedAt) + minutes * 60_000).toISOString();
  return { ...invoice, ...changes, modifiedAt };
}
