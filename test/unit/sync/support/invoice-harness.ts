/** One invoice's life: plans built from the stored link, executed on the fake Jira, link saved. */

import type { WaveInvoice, WavePayment } from '../../../../src/domain/wave-webhook/types';
import type { InvoiceContext } from '../../../../src/domain/sync/invoice-work';
import { planInvoiceState } from '../../../../src/domain/sync/plan-invoice';
import { planInvoiceDeleted } from '../../../../src/domain/sync/plan-invoice-deleted';
import { planPaymentReceived } from '../../../../src/domain/sync/plan-payment';
import type { InvoiceLink, InvoicePlan } from '../../../../src/domain/sync/types';
import { emptyStore, execute, FakeJira, type FakeIssue } from './fake-jira';
import { context } from './fixtures';

export class InvoiceHarness {
  readonly jira = new FakeJira();
  readonly store = emptyStore<InvoiceLink>();
  ctx: InvoiceContext;

  constructor(overrides: Partial<InvoiceContext> = {}) {
    this.ctx = context(overrides);
  }

  get link(): InvoiceLink {
    if (!this.store.link) throw new Error('no link yet');
    return this.store.link;
  }

  get issue(): FakeIssue {
    return this.jira.issue(this.link.issue.id);
  }

  /** Jira writes made by the last delivery. */
  lastCalls: string[] = [];

  run(plan: InvoicePlan): InvoicePlan {
    const before = this.jira.calls.length;
    try {
      return execute(this.jira, plan, this.store);
    } finally {
      this.lastCalls = this.jira.calls.slice(before);
    }
  }

  state(invoice: WaveInvoice): InvoicePlan {
    return this.run(planInvoiceState({ ...this.ctx, invoice, link: this.store.link }));
  }

  payment(payment: WavePayment, invoice?: WaveInvoice): InvoicePlan {
    const facts = { ...this.ctx, payment, occurredAt: '2026-01-17T15:00:00Z' };
    const plan = this.store.link
      ? planPaymentReceived({ ...facts, link: this.store.link, invoice: invoice ?? null })
      : planPaymentReceived({ ...facts, link: null, invoice: invoice ?? failNoInvoice() });
    return this.run(plan);
  }

  deleted(): InvoicePlan {
    return this.run(planInvoiceDeleted({ link: this.store.link, project: this.ctx.project }));
  }

  logged(): number {
    return this.jira.loggedMinor(this.link.issue.id);
  }
}

function failNoInvoice(): never {
  throw new Error('a payment without a link needs the invoice');
}
