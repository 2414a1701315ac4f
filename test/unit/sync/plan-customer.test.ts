import { planCustomerRecreate, planCustomerState } from '../../../src/domain/sync/plan-customer';
import type { CustomerLink } from '../../../src/domain/sync/types';
import { adfProblems } from './support/adf-check';
import { emptyStore, execute, FakeJira } from './support/fake-jira';
import { CUSTOMER_ID, customer, invoiceAt, project } from './support/fixtures';
import { InvoiceHarness } from './support/invoice-harness';

const BUSINESS = 'QnVzaW5lc3M6MQ==';
const accounts = project({ projectKey: 'ACC', issueTypeId: '10002' });

function harness() {
  const jira = new FakeJira();
  const store = emptyStore<CustomerLink>();
  const deliver = (c: ReturnType<typeof customer>) => {
    const before = jira.calls.length;
    const plan = execute(
      jira,
      planCustomerState({ customer: c, link: store.link, project: accounts, businessId: BUSINESS }),
      store,
    );
    return { plan, calls: jira.calls.slice(before) };
  };
  return { jira, store, deliver };
}

describe('customer upsert', () => {
  it('creates the account issue with its property, summary, ADF description and fields', () => {
    const { jira, store, deliver } = harness();
    const { plan, calls } = deliver(customer());
    expect(plan.outcome).toBe('processed');
    expect(calls).toEqual(['create', 'fields']);
    const issue = jira.issue(store.link?.issue.id ?? '');
    expect(issue.projectKey).toBe('ACC');
    expect(issue.summary).toBe('Customer · Acme Consulting Ltd');
    expect(issue.properties['wave-link']).toEqual({
      waveId: CUSTOMER_ID,
      kind: 'customer',
      businessId: BUSINESS,
      customerName: 'Acme Consulting Ltd',
    });
    expect(issue.fields).toEqual({ 'wave-customer': 'Acme Consulting Ltd', 'wave-id': CUSTOMER_ID });
    expect(adfProblems(issue.description)).toEqual([]);
    expect(store.link).toMatchObject({
      kind: 'customer',
      waveId: CUSTOMER_ID,
      projectKey: 'ACC',
      modifiedAt: '2026-01-05T08:00:00.000Z',
    });
  });

  it('answers the same state with unchanged and an older one with stale', () => {
    const { deliver } = harness();
    deliver(customer({ modifiedAt: '2026-01-05T08:00:00Z' }));
    expect(deliver(customer({ modifiedAt: '2026-01-05T08:00:00Z' })).plan).toMatchObject({
      outcome: 'unchanged',
      steps: [],
      next: null,
    });
    expect(deliver(customer({ modifiedAt: '2026-01-04T08:00:00Z', name: 'Old' })).plan).toMatchObject({
      outcome: 'stale',
      steps: [],
    });
  });

  it('writes only what changed', () => {
    const { jira, store, deliver } = harness();
    deliver(customer());
    expect(deliver(customer({ modifiedAt: '2026-01-06T00:00:00Z' })).calls).toEqual([]);
    expect(deliver(customer({ modifiedAt: '2026-01-07T00:00:00Z', email: 'new@acme.test' })).calls).toEqual(['edit']);
    const renamed = deliver(customer({ modifiedAt: '2026-01-08T00:00:00Z', name: 'Acme Group' }));
    expect(renamed.calls).toEqual(['edit', 'fields']);
    expect(renamed.plan.steps[0]).toMatchObject({ kind: 'edit-issue', summary: 'Customer · Acme Group' });
    expect(jira.issue(store.link?.issue.id ?? '').fields['wave-customer']).toBe('Acme Group');
  });

  it('re-plans as a create when the issue is gone', () => {
    const { jira, store, deliver } = harness();
    deliver(customer());
    const gone = store.link as CustomerLink;
    jira.issues.delete(gone.issue.id);
    const plan = planCustomerRecreate({
      customer: customer({ modifiedAt: '2026-01-09T00:00:00Z' }),
      link: gone,
      project: accounts,
      businessId: BUSINESS,
    });
    expect(plan.steps.map((s) => s.kind)).toEqual(['create-issue', 'set-field-values']);
    expect(plan.notes[0]).toContain(gone.issue.key);
  });

  it('gets linked from the invoice issue once both exist', () => {
    const { store, deliver } = harness();
    deliver(customer());
    const h = new InvoiceHarness({ customerLink: store.link });
    h.state(invoiceAt(1, 'SENT', 0));
    expect(h.issue.links).toEqual([store.link?.issue]);
  });
});
