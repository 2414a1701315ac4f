import * as v from 'valibot';
import { pathOf } from '../../shared/validation';
import type { Money, WaveCustomer, WaveInvoice } from '../../domain/wave-webhook/types';
import { UpstreamError } from '../../shared/errors';

/** Wave's GraphQL answers, checked before the app trusts them. Statuses stay open strings. */
const money = v.object({
  raw: v.number(),
  value: v.string(),
  currency: v.object({ code: v.string(), symbol: v.optional(v.string()) }),
});
const optionalMoney = v.nullish(money);
const text = v.nullish(v.string());

const invoiceNode = v.object({
  id: v.string(),
  invoiceNumber: v.string(),
  status: v.string(),
  title: text,
  invoiceDate: text,
  dueDate: text,
  createdAt: text,
  modifiedAt: v.string(),
  viewUrl: text,
  pdfUrl: text,
  total: money,
  amountDue: optionalMoney,
  amountPaid: money,
  taxTotal: optionalMoney,
  customer: v.nullish(v.object({ id: v.string(), name: v.optional(v.string()), email: text })),
  memo: text,
  poNumber: text,
  subhead: text,
  items: v.nullish(
    v.array(
      v.object({
        description: text,
        quantity: v.nullish(v.union([v.string(), v.number()])),
        unitPrice: v.nullish(v.union([v.string(), v.number()])),
      }),
    ),
  ),
});

const customerNode = v.object({
  id: v.string(),
  name: v.string(),
  email: text,
  firstName: text,
  lastName: text,
  displayId: text,
  createdAt: text,
  modifiedAt: v.string(),
  outstandingAmount: optionalMoney,
  overdueAmount: optionalMoney,
});

const businessNode = v.object({
  id: v.string(),
  name: v.string(),
  isPersonal: v.nullish(v.boolean()),
  isArchived: v.nullish(v.boolean()),
  currency: v.nullish(v.object({ code: v.string() })),
});

export interface WaveBusiness {
  id: string;
  name: string;
  currencyCode?: string;
  isArchived: boolean;
}

function parse<T>(schema: v.GenericSchema<unknown, T>, value: unknown, what: string): T {
  const result = v.safeParse(schema, value);
  if (!result.success)
    throw new UpstreamError(`Wave sent a ${what} this app cannot read (${pathOf(result.issues[0])})`);
  return result.output;
}

const toMoney = (value: v.InferOutput<typeof money>): Money => ({
  raw: value.raw,
  value: value.value,
  currency: {
    code: value.currency.code,
    ...(value.currency.symbol !== undefined ? { symbol: value.currency.symbol } : {}),
  },
});

/** Keeps only the fields present, so absent and null stay distinguishable from a value. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function mapInvoice(node: unknown): WaveInvoice {
  const invoice = parse(invoiceNode, node, 'invoice');
  return defined<WaveInvoice>({
    id: invoice.id,
    invoiceNumber: invoice.invoiceNumber,
    status: invoice.status,
    title: invoice.title,
    invoiceDate: invoice.invoiceDate,
    dueDate: invoice.dueDate,
    createdAt: invoice.createdAt,
    modifiedAt: invoice.modifiedAt,
    viewUrl: invoice.viewUrl,
    pdfUrl: invoice.pdfUrl,
    total: toMoney(invoice.total),
    amountDue: invoice.amountDue ? toMoney(invoice.amountDue) : invoice.amountDue,
    amountPaid: toMoney(invoice.amountPaid),
    taxTotal: invoice.taxTotal ? toMoney(invoice.taxTotal) : invoice.taxTotal,
    customer: invoice.customer
      ? defined({ id: invoice.customer.id, name: invoice.customer.name, email: invoice.customer.email })
      : invoice.customer,
    memo: invoice.memo,
    poNumber: invoice.poNumber,
    subhead: invoice.subhead,
    items: invoice.items?.map((item) =>
      defined({
        description: item.description,
        quantity: item.quantity === undefined || item.quantity === null ? item.quantity : String(item.quantity),
        unitPrice: item.unitPrice === undefined || item.unitPrice === null ? item.unitPrice : String(item.unitPrice),
      }),
    ),
  });
}

export function mapCustomer(node: unknown): WaveCustomer {
  const { outstandingAmount, overdueAmount, ...customer } = parse(customerNode, node, 'customer');
  return defined<WaveCustomer>({
    ...customer,
    outstandingAmount: outstandingAmount ? toMoney(outstandingAmount) : outstandingAmount,
    overdueAmount: overdueAmount ? toMoney(overdueAmount) : overdueAmount,
  });
}

export function mapBusiness(node: unknown): WaveBusiness {
  const business = parse(businessNode, node, 'business');
  return defined<WaveBusiness>({
    id: business.id,
    name: business.name,
    currencyCode: business.currency?.code,
    isArchived: business.isArchived ?? false,
  });
}
