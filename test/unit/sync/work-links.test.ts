import { planInvoiceState, withIssue, type InvoiceLink, type LinkWorkStep } from '../../../src/domain/sync';
import type { InvoiceContext } from '../../../src/domain/sync/invoice-work';
import { context as baseContext, invoiceAt } from './support/fixtures';

const context = (workLinks: InvoiceContext['workLinks']): InvoiceContext => baseContext(workLinks ? { workLinks } : {});
const RELATES = { linkType: 'Relates', customerIssueKey: null };
const workSteps = (steps: { kind: string }[]) =>
  steps.filter((step): step is LinkWorkStep => step.kind === 'link-work');

/** Plans one state after another, as the sync would store its links. */
function lifecycle(workLinks: InvoiceContext['workLinks'], ...states: ReturnType<typeof invoiceAt>[]) {
  let link: InvoiceLink | null = null;
  return states.map((invoice) => {
    const plan = planInvoiceState({ ...context(workLinks), invoice, link });
    if (plan.next) link = withIssue<InvoiceLink>(plan.next, link?.issue ?? { id: '10001', key: 'BILL-1' });
    return plan;
  });
}

describe('the planner decides work links like every other change', () => {
  it('asks for links when the invoice names issues, with the keys in order', () => {
    const [plan] = lifecycle(RELATES, invoiceAt(0, 'SENT', 0, { memo: 'Sprint 14: ACME-42, ACME-57' }));
    expect(workSteps(plan!.steps)).toEqual([
      { kind: 'link-work', keys: ['ACME-42', 'ACME-57'], customerIssueKey: null, linkType: 'Relates', appLinks: [] },
    ]);
  });

  it('costs nothing more while the keys stay the same (a payment, a status change)', () => {
    const plans = lifecycle(
      RELATES,
      invoiceAt(0, 'SENT', 0, { memo: 'ACME-42' }),
      invoiceAt(1, 'VIEWED', 0, { memo: 'ACME-42' }),
      invoiceAt(2, 'PARTIAL', 50000, { memo: 'ACME-42' }),
    );
    expect(plans.map((plan) => workSteps(plan.steps).length)).toEqual([1, 0, 0]);
  });

  it('decides again when a key comes or goes, or the customer mapping changes', () => {
    const plans = lifecycle(
      RELATES,
      invoiceAt(0, 'SENT', 0, { memo: 'ACME-42' }),
      invoiceAt(1, 'SENT', 0, { memo: 'ACME-42, ACME-7' }),
      invoiceAt(2, 'SENT', 0, { memo: 'nothing now' }),
    );
    expect(plans.map((plan) => workSteps(plan.steps).map((step) => step.keys))).toEqual([
      [['ACME-42']],
      [['ACME-42', 'ACME-7']],
      [[]],
    ]);
    const [mapped] = lifecycle({ linkType: 'Relates', customerIssueKey: 'ACME-1' }, invoiceAt(0, 'SENT', 0));
    expect(workSteps(mapped!.steps)[0]).toMatchObject({ keys: [], customerIssueKey: 'ACME-1' });
  });

  it('plans nothing for an invoice that names no issue, or where links are off', () => {
    expect(workSteps(lifecycle(RELATES, invoiceAt(0, 'SENT', 0))[0]!.steps)).toEqual([]);
    expect(workSteps(lifecycle(undefined, invoiceAt(0, 'SENT', 0, { memo: 'ACME-1' }))[0]!.steps)).toEqual([]);
  });

  it('reads keys from hostile text without being fooled', () => {
    const memo = `<a href="x">ACME-1</a> xACME-2 ACME-3Y ACME-4\u200B2 ${'x'.repeat(100_000)} ACME-9`;
    const [plan] = lifecycle(RELATES, invoiceAt(0, 'SENT', 0, { memo }));
    expect(workSteps(plan!.steps)[0]?.keys).toEqual(['ACME-1', 'ACME-42', 'ACME-9']);
  });
});
