export { AGING_BUCKETS, agingBucketOf, type AgingKey } from './aging';
export { amountToMinor } from './amounts';
export {
  billingInvoiceOf,
  billingRecordOf,
  type BillingCustomer,
  type BillingInvoice,
  type BillingRecord,
  type IssueRefView,
} from './billing-record';
export { dateOf, dateOfJiraTimestamp, daysPastDue, monthOf } from './calendar';
export { totalsByCurrency } from './currency-totals';
export { isOverdue, isReceivable, lateness } from './open-invoices';
export { parsePaymentSentence, paymentOf, paymentsOf, type IssueEntry, type Payment } from './payments';
export { summarizeReceivables, type ReceivablesInput } from './receivables';
export { byDueDateDescending, invoiceSummary } from './invoice-summary';
export { linkedIssuesOf, type LinkedIssue } from './linked-issues';
