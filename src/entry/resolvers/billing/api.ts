/**
 * The contract between the billing Custom UI (static/billing-ui: the invoice panel and the receivables gadget) and
 * the billing resolvers (function `billing-resolver-fn`): every call's name, payload and answer. Types only.
 * Every answer is the admin pages' envelope, `{ok: true, data} | {ok: false, error: {code, message}}`.
 */

import type {
  GadgetOptionsView,
  IssueBillingView,
  PdfLinkView,
  ReceivablesView,
  ResyncView,
} from '../../../shared/billing-views';

export type { ResolverError, ResolverErrorCode, ResolverResult } from '../api';
export type * from '../../../shared/billing-views';

type NoInput = Record<string, never>;

/** Payload and answer of every billing resolver. The issue and the gadget come from Jira's context, not the payload. */
export interface BillingApi {
  /** The panel of the issue it is shown on. */
  getIssueBilling: { payload: NoInput; result: IssueBillingView };
  /** "Resync from Wave": project administrators only. */
  resyncInvoice: { payload: NoInput; result: ResyncView };
  /** The invoice's PDF address, asked of Wave when the viewer clicks "PDF". */
  getInvoicePdf: { payload: NoInput; result: PdfLinkView };
  /** The gadget's figures for its saved configuration. */
  getReceivables: { payload: NoInput; result: ReceivablesView };
  /** The gadget's edit view: which billing projects it may show. */
  getGadgetOptions: { payload: NoInput; result: GadgetOptionsView };
}

export type BillingCallName = keyof BillingApi;
