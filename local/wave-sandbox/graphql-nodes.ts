import type { Grant } from './oauth-store';
import { itemsSubtotal } from './invoice-items';
import { minorToDecimal, money, type CurrencyInfo } from './money';
import type { CustomerRecord, InvoiceItemRecord, InvoiceRecord } from './records';
import type { WaveState } from './state';
import { currencyOf, customerView, invoiceView } from './views';
import { notFound, pageOf, sortBy, timeArg, type PageArgs, type SortKey } from './graphql-paging';

/**
 * The objects the served schema resolves to. Fields that need arguments or lead elsewhere are
 * functions (graphql-js's default resolver calls them with the field's arguments), so nothing is
 * built before a query asks for it.
 */

export interface GraphqlContext {
  grant: Grant;
}

interface InvoicesArgs extends PageArgs {
  sort: string[];
  status?: string | null;
  customerId?: string | null;
  currency?: string | null;
  invoiceDateStart?: string | null;
  invoiceDateEnd?: string | null;
  invoiceNumber?: string | null;
  modifiedAtAfter?: string | null;
  modifiedAtBefore?: string | null;
}

interface CustomersArgs extends PageArgs {
  sort: string[];
  email?: string | null;
  modifiedAtAfter?: string | null;
  modifiedAtBefore?: string | null;
}

const ms = (iso: string) => Date.parse(iso);

export function rootValue(state: WaveState) {
  return {
    business: (args: { id?: string | null }, context: GraphqlContext) => {
      const business = state.business;
      const id = args.id ?? context.grant.businessId;
      if (id !== business.id || id !== context.grant.businessId) throw notFound(`Business '${id}' could not be found.`);
      return businessNode(state);
    },
    businesses: (args: PageArgs & { isArchived?: boolean | null }, context: GraphqlContext) => {
      const owned =
        state.business.id === context.grant.businessId && args.isArchived !== true ? [businessNode(state)] : [];
      return pageOf(owned, args);
    },
    user: (_args: unknown, context: GraphqlContext) => {
      const { user } = state.business;
      return user.id === context.grant.userId ? user : null;
    },
  };
}

function currencyNode(currency: CurrencyInfo) {
  return {
    code: currency.code,
    symbol: currency.symbol,
    name: currency.name,
    plural: currency.plural,
    exponent: currency.exponent,
  };
}

function businessNode(state: WaveState) {
  const business = state.business;
  return {
    id: business.id,
    name: business.name,
    isPersonal: false,
    currency: currencyNode(currencyOf(business.currencyCode)),
    timezone: business.timezone,
    isClassicAccounting: false,
    isClassicInvoicing: false,
    isArchived: false,
    emailSendEnabled: true,
    createdAt: business.createdAt,
    modifiedAt: business.modifiedAt,
    customer: ({ id }: { id: string }) => {
      const customer = state.customers.get(id);
      if (!customer) throw notFound(`Customer '${id}' could not be found.`);
      return customerNode(state, customer);
    },
    customers: (args: CustomersArgs) => pageOf(listCustomers(state, args), args),
    invoice: ({ id }: { id: string }) => {
      const invoice = state.invoices.get(id);
      if (!invoice) throw notFound(`Invoice '${id}' could not be found.`);
      return invoiceNode(state, invoice);
    },
    invoices: (args: InvoicesArgs) => pageOf(listInvoices(state, args), args),
  };
}

function listInvoices(state: WaveState, args: InvoicesArgs) {
  const after = timeArg('modifiedAtAfter', args.modifiedAtAfter);
  const before = timeArg('modifiedAtBefore', args.modifiedAtBefore);
  const dateStart = timeArg('invoiceDateStart', args.invoiceDateStart);
  const dateEnd = timeArg('invoiceDateEnd', args.invoiceDateEnd);
  const matches = state.invoices.list().filter(
    (invoice) =>
      (args.status == null || invoice.status === args.status) &&
      (args.customerId == null || invoice.customerId === args.customerId) &&
      (args.currency == null || invoice.currencyCode === args.currency) &&
      (args.invoiceNumber == null || invoice.invoiceNumber === args.invoiceNumber) &&
      // "After" and "before" are strict: a client that keeps a cursor should overlap it.
      (after === undefined || ms(invoice.modifiedAt) > after) &&
      (before === undefined || ms(invoice.modifiedAt) < before) &&
      (dateStart === undefined || ms(invoice.invoiceDate) >= dateStart) &&
      (dateEnd === undefined || ms(invoice.invoiceDate) <= dateEnd),
  );
  const customerName = (invoice: InvoiceRecord) => state.customers.get(invoice.customerId)?.name ?? '';
  const keys: Record<string, SortKey<InvoiceRecord>> = {
    AMOUNT_DUE: (i) => i.amountDueRaw,
    AMOUNT_PAID: (i) => i.amountPaidRaw,
    CREATED_AT: (i) => ms(i.createdAt),
    CUSTOMER_NAME: customerName,
    DUE_AT: (i) => ms(i.dueDate),
    INVOICE_DATE: (i) => ms(i.invoiceDate),
    INVOICE_NUMBER: (i) => i.invoiceNumber,
    MODIFIED_AT: (i) => ms(i.modifiedAt),
    STATUS: (i) => i.status,
    TOTAL: (i) => i.totalRaw,
  };
  return sortBy(matches, args.sort, keys).map((invoice) => invoiceNode(state, invoice));
}

function listCustomers(state: WaveState, args: CustomersArgs) {
  const after = timeArg('modifiedAtAfter', args.modifiedAtAfter);
  const before = timeArg('modifiedAtBefore', args.modifiedAtBefore);
  const matches = state.customers
    .list()
    .filter(
      (customer) =>
        (args.email == null || customer.email === args.email) &&
        (after === undefined || ms(customer.modifiedAt) > after) &&
        (before === undefined || ms(customer.modifiedAt) < before),
    );
  const keys: Record<string, SortKey<CustomerRecord>> = {
    CREATED_AT: (c) => ms(c.createdAt),
    MODIFIED_AT: (c) => ms(c.modifiedAt),
    NAME: (c) => c.name,
  };
  return sortBy(matches, args.sort, keys).map((customer) => customerNode(state, customer));
}

function invoiceNode(state: WaveState, invoice: InvoiceRecord) {
  const currency = currencyOf(invoice.currencyCode);
  const amount = (raw: number) => moneyNode(raw, currency);
  const view = invoiceView(state, invoice);
  const items = invoice.items ?? [titleLine(invoice)];
  const subtotalRaw = itemsSubtotal(items);
  return {
    ...view,
    total: amount(invoice.totalRaw),
    amountDue: amount(invoice.amountDueRaw),
    amountPaid: amount(invoice.amountPaidRaw),
    taxTotal: amount(invoice.taxTotalRaw),
    subhead: invoice.subhead ?? null,
    poNumber: invoice.poNumber ?? null,
    subtotal: amount(subtotalRaw),
    discountTotal: amount(0),
    currency: currencyNode(currency),
    exchangeRate: '1.0',
    items: items.map((item) => ({
      description: item.description,
      quantity: item.quantity,
      unitPrice: minorToDecimal(item.unitPriceRaw, currency.exponent),
      subtotal: amount(item.subtotalRaw),
      total: amount(item.subtotalRaw),
    })),
    memo: invoice.memo,
    footer: null,
    disableCreditCardPayments: false,
    disableBankPayments: false,
    disableAmexPayments: false,
    itemTitle: 'Items',
    unitTitle: 'Quantity',
    priceTitle: 'Price',
    amountTitle: 'Amount',
    hideName: false,
    hideDescription: false,
    hideUnit: false,
    hidePrice: false,
    hideAmount: false,
    lastSentVia: invoice.lastSentAt ? 'WAVE' : null,
    business: () => businessNode(state),
    customer: () => {
      const customer = state.customers.get(invoice.customerId);
      return customer ? customerNode(state, customer) : null;
    },
  };
}

/** An invoice stored without line items shows one: its title, for the total before tax. */
function titleLine(invoice: InvoiceRecord): InvoiceItemRecord {
  const subtotalRaw = invoice.totalRaw - invoice.taxTotalRaw;
  return { description: invoice.title, quantity: '1', unitPriceRaw: subtotalRaw, subtotalRaw };
}

/** Wave's Money with the whole Currency the schema promises (`name` is non-null there). */
function moneyNode(raw: number, currency: CurrencyInfo) {
  return { ...money(raw, currency), currency: currencyNode(currency) };
}

function customerNode(state: WaveState, customer: CustomerRecord) {
  const currency = currencyOf(state.business.currencyCode);
  const open = () =>
    state.invoices.list().filter((i) => i.customerId === customer.id && i.status !== 'DRAFT' && i.amountDueRaw > 0);
  return {
    ...customerView(customer),
    address: null,
    mobile: null,
    phone: customer.phone,
    fax: null,
    tollFree: null,
    website: null,
    internalNotes: null,
    currency: currencyNode(currency),
    shippingDetails: null,
    isArchived: false,
    business: () => businessNode(state),
    outstandingAmount: () => moneyNode(sum(open().map((i) => i.amountDueRaw)), currency),
    overdueAmount: () =>
      moneyNode(
        sum(
          open()
            .filter((i) => i.dueDate < state.today())
            .map((i) => i.amountDueRaw),
        ),
        currency,
      ),
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
