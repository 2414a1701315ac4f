import * as z from '../../shared/zod';
import type { Money, WaveCustomer, WaveInvoice } from '../../domain/wave-webhook/types';
import { UpstreamError } from '../../shared/errors';

/** Wave's GraphQL answers, checked before the app trusts them. Statuses stay open strings. */
const money = z.object({
  raw: z.number(),
  value: z.string(),
  currency: z.object({ code: z.string(), symbol: z.optional(z.string()) }),
});
const optionalMoney = z.nullish(money);
const text = z.nullish(z.string());

const invoiceNode = z.object({
  id: z.string(),
  invoiceNumber: z.string(),
  status: z.string(),
  title: text,
  invoiceDate: text,
  dueDate: text,
  createdAt: text,
  modifiedAt: z.string(),
  viewUrl: text,
  pdfUrl: text,
  total: money,
  amountDue: optionalMoney,
  amountPaid: money,
  taxTotal: optionalMoney,
  customer: z.nullish(z.object({ id: z.string(), name: z.optional(z.string()), email: text })),
  memo: text,
  poNumber: text,
  subhead: text,
  items: z.nullish(
    z.array(
      z.object({
        description: text,
        quantity: z.nullish(z.union([z.string(), z.number()])),
        unitPrice: z.nullish(z.union([z.string(), z.number()])),
      }),
    ),
  ),
});

const customerNode = z.object({
  id: z.string(),
  name: z.string(),
  email: text,
  firstName: text,
  lastName: text,
  displayId: text,
  createdAt: text,
  modifiedAt: z.string(),
  outstandingAmount: optionalMoney,
  overdueAmount: optionalMoney,
});

const businessNode = z.object({
  id: z.string(),
  name: z.string(),
  isPersonal: z.nullish(z.boolean()),
  isArchived: z.nullish(z.boolean()),
  currency: z.nullish(z.object({ code: z.string() })),
});

export interface WaveBusiness {
  id: string;
  name: string;
  currencyCode?: string;
  isArchived: boolean;
}

function parse<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new UpstreamError(
      `Wave sent a ${what} this app cannot read (${result.error.issues[0]?.path.join('.') ?? 'shape'})`,
    );
  return result.data;
}

const toMoney = (value: z.infer<typeof money>): Money => ({
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
