export * from './types';
export { planInvoiceState, planInvoiceRecreate, type InvoiceStateInput } from './plan-invoice';
export { planPaymentReceived, type PaymentInput } from './plan-payment';
export { planInvoiceDeleted, type InvoiceDeletedInput } from './plan-invoice-deleted';
export { planCustomerState, planCustomerRecreate, type CustomerStateInput } from './plan-customer';
export type { InvoiceContext } from './invoice-work';
export { onTransitionBlocked, emptyPlan } from './plan';
export { withIssue, stateOrder, type StateOrder } from './link';
export { resolveTargetStatus, DELETED_STATUS, type TargetStatus, type TargetStatusInput } from './status-mapping';
export {
  chooseTransition,
  describeBlockReason,
  type JiraTransition,
  type TransitionChoice,
  type TransitionBlockReason,
} from './transitions';
export { emptyLedger, ledgerBalance } from './payments-ledger';
export { worklogSeconds } from './worklogs';
export { currencyExponent, formatMoney, moneyToMinor, decimalToMinor, minorToDecimal } from './money';
export { toJiraDateTime, toJiraDate } from './jira-time';
export { compareInstants } from './instant';
export type { AdfDoc } from './adf';
export { nextTransitionHop, MAX_TRANSITION_HOPS, type TransitionHop, type HopInput } from './transition-path';
export { invoiceStateOrder } from './invoice-order';
export { WAVE_INVOICE_STATUSES, statusProgress, defaultCategoryOf, predecessorsOf } from './wave-statuses';
export {
  contentChanged,
  contentFingerprints,
  descriptionFingerprint,
  summaryFingerprint,
  type IssueContent,
} from './content-diff';
export { adfPlainText } from './adf';
