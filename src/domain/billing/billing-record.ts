/**
 * What the app's indexed issue property `wave-link` says about a billing issue, read defensively: the property
 * is set by the sync, but anyone who may edit the issue may change it, so nothing in it is trusted to be well formed.
 */

import type { InvoiceFigures } from '../../shared/billing-views';
import * as v from 'valibot';
import { looseObject } from '../../shared/validation';
import { amountToMinor } from './amounts';
import { dateEpoch } from './calendar';

const text = v.pipe(v.string(), v.maxLength(500));
const propertySchema = looseObject({
  waveId: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  kind: v.picklist(['invoice', 'customer']),
  businessId: v.optional(text),
  invoiceNumber: v.optional(text),
  status: v.nullish(text),
  total: v.nullish(v.number()),
  amountDue: v.nullish(v.number()),
  amountPaid: v.nullish(v.number()),
  currency: v.nullish(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/))),
  dueDate: v.nullish(text),
  customerId: v.nullish(text),
  customerName: v.nullish(text),
});

export interface IssueRefView {
  id: string;
  key: string;
}

/** An invoice issue's figures, in minor units of its currency. */
export interface BillingInvoice extends InvoiceFigures {
  issue: IssueRefView;
  waveId: string;
  businessId: string | null;
  invoiceNumber: string;
  customerId: string | null;
  customerName: string | null;
}

export interface BillingCustomer {
  issue: IssueRefView;
  waveId: string;
  businessId: string | null;
  name: string | null;
}

export type BillingRecord =
  { kind: 'invoice'; invoice: BillingInvoice } | { kind: 'customer'; customer: BillingCustomer };

/** The record an issue's `wave-link` property describes, or null when it has none or it cannot be read. */
export function billingRecordOf(issue: IssueRefView, property: unknown): BillingRecord | null {
  const parsed = v.safeParse(propertySchema, property);
  if (!parsed.success) return null;
  const value = parsed.output;
  const businessId = value.businessId ?? null;
  if (value.kind === 'customer')
    return {
      kind: 'customer',
      customer: { issue, waveId: value.waveId, businessId, name: value.customerName ?? null },
    };
  const currency = value.currency;
  if (!currency) return null;
  const total = amountToMinor(value.total, currency);
  const paid = amountToMinor(value.amountPaid, currency) ?? 0;
  const due = amountToMinor(value.amountDue, currency) ?? (total === null ? null : Math.max(0, total - paid));
  if (total === null || due === null) return null;
  return {
    kind: 'invoice',
    invoice: {
      issue,
      waveId: value.waveId,
      businessId,
      invoiceNumber: value.invoiceNumber ?? '',
      status: value.status ?? 'UNKNOWN',
      currency,
      totalMinor: total,
      paidMinor: paid,
      dueMinor: due,
      dueDate: dateEpoch(value.dueDate) === null ? null : (value.dueDate as string),
      customerId: value.customerId ?? null,
      customerName: value.customerName ?? null,
    },
  };
}

/** The invoice an issue's property describes, or null. */
export function billingInvoiceOf(issue: IssueRefView, property: unknown): BillingInvoice | null {
  const record = billingRecordOf(issue, property);
  return record?.kind === 'invoice' ? record.invoice : null;
}
