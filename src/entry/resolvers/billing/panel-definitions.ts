import type Resolver from '@forge/resolver';
import { invoicePdf } from '../../../usecases/billing-views/invoice-pdf';
import { loadIssueBilling } from '../../../usecases/billing-views/issue-billing';
import { resyncInvoice } from '../../../usecases/billing-views/resync-invoice';
import { noInput } from '../core/schemas';
import { defineBilling } from './define-billing';

/** The invoice panel (`jira:issueContext`): the issue comes from Jira's context. */
export function definePanel(resolver: Resolver): void {
  defineBilling(resolver, 'getIssueBilling', {
    place: 'issue',
    input: noInput,
    handle: (_input, call, viewer) => loadIssueBilling(viewer, call.issueKey as string),
  });
  defineBilling(resolver, 'resyncInvoice', {
    place: 'issue',
    input: noInput,
    handle: (_input, call, viewer) => resyncInvoice(viewer, call.issueKey as string),
  });
  defineBilling(resolver, 'getInvoicePdf', {
    place: 'issue',
    input: noInput,
    handle: (_input, call, viewer) => invoicePdf(viewer, call.issueKey as string),
  });
}
