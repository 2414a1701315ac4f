export {
  extractIssueKeys,
  isIssueKey,
  MAX_KEYS_PER_INVOICE,
  MAX_SCANNED_CHARACTERS,
  type IssueKeyScan,
} from './issue-keys';
export { extractInvoiceIssueKeys, invoiceTextsInOrder, type InvoiceTexts } from './invoice-texts';
export {
  decideIssueLinks,
  recordAppLinks,
  type AppMadeLink,
  type IssueLinkRef,
  type LinkDecision,
  type LinkDecisionInput,
  type LinkReason,
  type SkipReason,
} from './link-decision';
