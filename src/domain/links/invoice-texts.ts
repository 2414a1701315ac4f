import { extractIssueKeys, type IssueKeyScan } from './issue-keys';

/** The texts of a Wave invoice a person may write issue keys in (Wave's `Invoice` and `InvoiceItem` fields). */
export interface InvoiceTexts {
  memo?: string | null;
  poNumber?: string | null;
  title?: string | null;
  subhead?: string | null;
  items?: readonly { description?: string | null }[] | null;
}

/** The invoice's texts in the order keys are taken from: memo, PO number, title, subhead, then each item. */
export function invoiceTextsInOrder(invoice: InvoiceTexts): (string | null | undefined)[] {
  return [
    invoice.memo,
    invoice.poNumber,
    invoice.title,
    invoice.subhead,
    ...(invoice.items ?? []).map((item) => item.description),
  ];
}

/** The issue keys written anywhere in the invoice (see `extractIssueKeys` for the rules and bounds). */
export function extractInvoiceIssueKeys(invoice: InvoiceTexts): IssueKeyScan {
  return extractIssueKeys(invoiceTextsInOrder(invoice));
}
