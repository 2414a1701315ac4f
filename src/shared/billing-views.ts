/**
 * What the invoice panel and the receivables gadget show: built by the billing use cases, answered by the billing
 * resolvers. Types only, so the Custom UI can import them (through the resolvers' contract) without server code.
 * Amounts are integer minor units of the row's `currency` (ISO 4217): amounts of different currencies are never added.
 * Dates are `YYYY-MM-DD` as the server's clock (UTC) sees them.
 */

export type StatusCategoryView = 'new' | 'indeterminate' | 'done' | 'unknown';

/** A Jira issue the viewer may browse. */
export interface IssueLinkView {
  key: string;
  summary: string;
  status: string;
  statusCategory: StatusCategoryView;
  issueType?: string;
}

/** A payment the app recorded on the invoice's issue (a worklog, or a comment where Jira refused the worklog). */
export interface PaymentView {
  date: string;
  amountMinor: number;
  currency: string;
  /** "bank transfer"; null when Wave named none. */
  method: string | null;
  source: 'worklog' | 'comment';
}

/** What an invoice amounts to: its status, its figures and when it is due. */
export interface InvoiceFigures {
  /** Wave's status (SENT, PARTIAL, PAID, OVERDUE, …). */
  status: string;
  currency: string;
  totalMinor: number;
  paidMinor: number;
  dueMinor: number;
  /** `YYYY-MM-DD`, or null when the invoice has none. */
  dueDate: string | null;
}

/** One invoice in a list (a customer's invoices, the invoices a work issue was billed on). */
export interface InvoiceSummaryView extends InvoiceFigures {
  issueKey: string;
  invoiceNumber: string;
  customerName: string | null;
  /** Days past the due date while something is owed (positive: late); null when not owed or no due date. */
  daysPastDue: number | null;
}

export interface InvoicePanelView extends InvoiceSummaryView {
  kind: 'invoice';
  /** Wave deleted the invoice; the issue is kept for the record. */
  deleted: boolean;
  /** The customer's account issue, when the viewer may see it. */
  customerIssue: IssueLinkView | null;
  /** The invoice in Wave (only ever a waveapps.com address). */
  viewUrl: string | null;
  payments: PaymentView[];
  /** Set when the payments listed do not add up to what Wave says was paid, saying why that can be. */
  paymentsNote?: string;
  /** The work issues linked to the invoice that the viewer may see. */
  work: IssueLinkView[];
  /** When Wave last changed the invoice, as the app last applied it (ISO); null when the app has no record. */
  waveModifiedAt: string | null;
  /** The viewer administers the issue's project: the panel offers "Resync from Wave". */
  canResync: boolean;
  today: string;
}

export interface CurrencyTotalsView {
  currency: string;
  outstandingMinor: number;
  overdueMinor: number;
  openCount: number;
  overdueCount: number;
}

export interface CustomerPanelView {
  kind: 'customer';
  issueKey: string;
  name: string | null;
  /** What the customer owes per currency, over the invoices the viewer may see. */
  totals: CurrencyTotalsView[];
  /** Newest due date first. */
  invoices: InvoiceSummaryView[];
  /** More invoices exist than the panel lists. */
  truncated: boolean;
  today: string;
}

export interface WorkPanelView {
  kind: 'work';
  issueKey: string;
  /** The invoices linked to this issue that the viewer may see; empty when none bills it. */
  billedOn: InvoiceSummaryView[];
  today: string;
}

export type IssueBillingView = InvoicePanelView | CustomerPanelView | WorkPanelView;

export interface ResyncView {
  /** `updated`: Jira now shows what Wave says; `unchanged`: it already did; `gone`: Wave no longer has the invoice. */
  outcome: 'updated' | 'unchanged' | 'gone' | 'skipped';
  message: string;
}

export interface PdfLinkView {
  url: string;
}

export type AgingKeyView = 'current' | 'days1to30' | 'days31to60' | 'days61to90' | 'over90';

export interface AgingRowView {
  key: AgingKeyView;
  label: string;
  amountMinor: number;
  count: number;
}

export interface CurrencyReceivablesView extends CurrencyTotalsView {
  aging: AgingRowView[];
  paidThisMonthMinor: number;
  paidLastMonthMinor: number;
}

export interface CustomerOutstandingView {
  customerId: string | null;
  name: string;
  currency: string;
  outstandingMinor: number;
  overdueMinor: number;
  invoiceCount: number;
}

export interface OverdueInvoiceView {
  issueKey: string;
  invoiceNumber: string;
  customerName: string | null;
  currency: string;
  dueMinor: number;
  dueDate: string;
  daysPastDue: number;
}

export interface ReceivablesSummaryView {
  today: string;
  /** `YYYY-MM`. */
  thisMonth: string;
  lastMonth: string;
  openCount: number;
  /** Most owed first; a currency with payments but nothing owed comes last. */
  currencies: CurrencyReceivablesView[];
  /** The customers owing most, per currency, in the order of `currencies`. */
  topCustomers: CustomerOutstandingView[];
  /** The most overdue invoices first; `count` is all of them. */
  overdue: { count: number; invoices: OverdueInvoiceView[] };
}

export interface ProjectRefView {
  key: string;
  name: string;
}

export interface ReceivablesView extends ReceivablesSummaryView {
  /** The projects counted (those of the gadget's configuration the viewer may browse). */
  projects: ProjectRefView[];
  /** Configured projects the viewer may not browse (or that no longer exist): not counted. */
  hiddenProjects: number;
  /** The gadget was never configured: the app's billing projects are shown. */
  defaulted: boolean;
  /** More open invoices exist than the gadget reads; the figures cover the first ones. */
  truncated: boolean;
}

/** What a receivables gadget stores (`view.submit`). */
export interface ReceivablesGadgetConfig {
  projectKeys: string[];
}

export interface GadgetOptionsView {
  /** The app's billing projects the viewer may browse. */
  projects: ProjectRefView[];
  selected: string[];
}
