import { billingResolver } from '../../../src/entry/resolvers/billing';
import { definedBillingCalls } from '../../../src/entry/resolvers/billing/define-billing';

type Invoke = (request: unknown, backend: unknown) => Promise<unknown>;
const invoke = billingResolver as unknown as Invoke;

/** A billing call as Forge invokes the function: `{call, context}` and the backend payload (principal). */
function call(functionKey: string, context: { accountId?: string; extension: unknown }, payload: unknown = {}) {
  const backend = context.accountId ? { principal: { accountId: context.accountId } } : {};
  return invoke({ call: { functionKey, payload }, context }, backend);
}

const ISSUE = { accountId: '712020:abc', extension: { type: 'jira:issueContext', issue: { key: 'BILL-1' } } };
const GADGET = { accountId: '712020:abc', extension: { type: 'jira:dashboardGadget', gadgetConfiguration: {} } };

describe('the billing resolvers check who calls and from where before reading anything', () => {
  it('define the panel and gadget API', () => {
    expect(definedBillingCalls().sort()).toEqual(
      ['getGadgetOptions', 'getInvoicePdf', 'getIssueBilling', 'getReceivables', 'resyncInvoice'].sort(),
    );
  });

  it.each(definedBillingCalls())('%s refuses a call without a signed-in user', async (name) => {
    const { accountId: _ignored, ...anonymous } =
      name.includes('Receivables') || name.includes('Gadget') ? GADGET : ISSUE;
    expect(await call(name, anonymous)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('signed-in Jira user') },
    });
  });

  it.each(['getIssueBilling', 'resyncInvoice', 'getInvoicePdf'])(
    '%s refuses a call from a gadget or a bad issue key',
    async (name) => {
      expect(await call(name, GADGET)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const badKey = { ...ISSUE, extension: { ...ISSUE.extension, issue: { key: 'not a key' } } };
      expect(await call(name, badKey)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    },
  );

  it.each(['getReceivables', 'getGadgetOptions'])('%s refuses a call from an issue', async (name) => {
    expect(await call(name, ISSUE)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses a payload (the issue and the gadget come from Jira, not from the caller)', async () => {
    expect(await call('getIssueBilling', ISSUE, { issueKey: 'OTHER-1' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
