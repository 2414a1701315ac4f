import { waveLink } from '../../domain/sync/invoice-content';
import { NotFoundError } from '../../shared/errors';
import type { PdfLinkView } from '../../shared/billing-views';
import { createWaveClient } from '../sync-context';
import { readInvoiceIssue } from './invoice-record';
import type { Viewer } from './viewer';

/**
 * The invoice's PDF as Wave serves it now (asked of Wave on demand: the address is Wave's to change). Only for an
 * invoice the app synced to this very issue, so a changed property cannot reach another invoice's PDF.
 */
export async function invoicePdf(viewer: Viewer, issueKey: string): Promise<PdfLinkView> {
  const { invoice, link } = await readInvoiceIssue(viewer, issueKey);
  if (!link)
    throw new NotFoundError(
      `the app has no record of invoice ${invoice.invoiceNumber} yet; an administrator of the project can resync it from Wave`,
    );
  const read = await createWaveClient(viewer.budget).getInvoice(link.businessId, link.waveId);
  if (!read) throw new NotFoundError(`Wave no longer has invoice ${link.invoiceNumber}, so it has no PDF`);
  const url = waveLink(read.invoice.pdfUrl);
  if (!url) throw new NotFoundError(`Wave offers no PDF of invoice ${link.invoiceNumber}`);
  return { url };
}
