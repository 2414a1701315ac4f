/**
 * Every GraphQL document the app sends to Wave. A unit test validates each one against
 * the reference schema (../shared/reference/wave-public-schema.partial.graphql).
 */

const MONEY = `fragment MoneyFields on Money { raw value currency { code symbol } }`;

const INVOICE = `fragment InvoiceFields on Invoice {
  id invoiceNumber status title invoiceDate dueDate createdAt modifiedAt viewUrl pdfUrl
  total { ...MoneyFields } amountDue { ...MoneyFields } amountPaid { ...MoneyFields } taxTotal { ...MoneyFields }
  customer { id name email }
  memo poNumber subhead items { description quantity unitPrice }
}`;

const CUSTOMER = `fragment CustomerFields on Customer {
  id name email firstName lastName displayId createdAt modifiedAt
  outstandingAmount { ...MoneyFields } overdueAmount { ...MoneyFields }
}`;

const PAGE_INFO = `pageInfo { currentPage totalPages totalCount }`;

/** One invoice with its whole customer: a delivery re-reads both in one request. */
export const GET_INVOICE = `query GetInvoice($businessId: ID!, $invoiceId: ID!) {
  business(id: $businessId) { id invoice(id: $invoiceId) { ...InvoiceFields customer { ...CustomerFields } } }
}
${INVOICE}
${CUSTOMER}
${MONEY}`;

export const GET_CUSTOMER = `query GetCustomer($businessId: ID!, $customerId: ID!) {
  business(id: $businessId) { id customer(id: $customerId) { ...CustomerFields } }
}
${CUSTOMER}
${MONEY}`;

export const LIST_INVOICES = `query ListInvoices($businessId: ID!, $page: Int!, $pageSize: Int!, $modifiedAtAfter: DateTime) {
  business(id: $businessId) {
    id
    invoices(page: $page, pageSize: $pageSize, sort: [MODIFIED_AT_ASC], modifiedAtAfter: $modifiedAtAfter) {
      ${PAGE_INFO}
      edges { node { ...InvoiceFields } }
    }
  }
}
${INVOICE}
${MONEY}`;

export const LIST_CUSTOMERS = `query ListCustomers($businessId: ID!, $page: Int!, $pageSize: Int!, $modifiedAtAfter: DateTime) {
  business(id: $businessId) {
    id
    customers(page: $page, pageSize: $pageSize, sort: [MODIFIED_AT_ASC], modifiedAtAfter: $modifiedAtAfter) {
      ${PAGE_INFO}
      edges { node { ...CustomerFields } }
    }
  }
}
${CUSTOMER}
${MONEY}`;

/** Newest change first and without `modifiedAtAfter`: for a Wave that does not accept that filter. */
export const LIST_INVOICES_NEWEST_FIRST = `query ListInvoicesNewestFirst($businessId: ID!, $page: Int!, $pageSize: Int!) {
  business(id: $businessId) {
    id
    invoices(page: $page, pageSize: $pageSize, sort: [MODIFIED_AT_DESC]) {
      ${PAGE_INFO}
      edges { node { ...InvoiceFields } }
    }
  }
}
${INVOICE}
${MONEY}`;

export const LIST_CUSTOMERS_NEWEST_FIRST = `query ListCustomersNewestFirst($businessId: ID!, $page: Int!, $pageSize: Int!) {
  business(id: $businessId) {
    id
    customers(page: $page, pageSize: $pageSize, sort: [MODIFIED_AT_DESC]) {
      ${PAGE_INFO}
      edges { node { ...CustomerFields } }
    }
  }
}
${CUSTOMER}
${MONEY}`;

/**
 * The five-minute poll's look at a business: the newest changes of invoices and customers in one request, so a
 * poll that finds nothing new costs one request per business.
 */
export const PROBE_CHANGES = `query ProbeChanges($businessId: ID!, $pageSize: Int!) {
  business(id: $businessId) {
    id
    name
    invoices(page: 1, pageSize: $pageSize, sort: [MODIFIED_AT_DESC]) {
      ${PAGE_INFO}
      edges { node { ...InvoiceFields } }
    }
    customers(page: 1, pageSize: $pageSize, sort: [MODIFIED_AT_DESC]) {
      ${PAGE_INFO}
      edges { node { ...CustomerFields } }
    }
  }
}
${INVOICE}
${CUSTOMER}
${MONEY}`;

export const LIST_BUSINESSES = `query ListBusinesses($page: Int!, $pageSize: Int!) {
  businesses(page: $page, pageSize: $pageSize) {
    ${PAGE_INFO}
    edges { node { id name isPersonal isArchived currency { code } } }
  }
}`;

export const ALL_WAVE_DOCUMENTS = {
  GET_INVOICE,
  GET_CUSTOMER,
  LIST_INVOICES,
  LIST_CUSTOMERS,
  LIST_INVOICES_NEWEST_FIRST,
  LIST_CUSTOMERS_NEWEST_FIRST,
  LIST_BUSINESSES,
  PROBE_CHANGES,
} as const;
