import type { BillingApi, BillingCallName } from '../../src/entry/resolvers/billing/api';
import type { ResolverResult } from '../../src/entry/resolvers/api';
import type { PageOrigin } from '../../local/runtime/page-origin';
import type { TestStack } from '../support/test-stack';

export const PANEL = 'wave-invoice-panel';
export const GADGET = 'wave-receivables-gadget';

export interface BridgeAnswer<T> {
  status: number;
  ok: boolean;
  value?: T;
  error?: string;
}

/** A billing resolver called as its Custom UI frame calls it: through the runtime's bridge, from its origin. */
export async function invokeBilling<N extends BillingCallName>(
  t: TestStack,
  name: N,
  origin: PageOrigin,
  payload: unknown = {},
): Promise<BridgeAnswer<ResolverResult<BillingApi[N]['result']>>> {
  const response = await fetch(`${t.stack.baseUrl}/_local/bridge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ origin, payload: { functionKey: name, payload } }),
  });
  const answer = (await response.json()) as { ok: boolean; value?: never; error?: string };
  return { status: response.status, ...answer };
}

/** The resolver's data, failing the test with the resolver's error otherwise. */
export async function billingData<N extends BillingCallName>(
  t: TestStack,
  name: N,
  origin: PageOrigin,
): Promise<BillingApi[N]['result']> {
  const answer = await invokeBilling(t, name, origin);
  if (!answer.ok || !answer.value) throw new Error(`the bridge refused ${name}: ${answer.status} ${answer.error}`);
  if (!answer.value.ok) throw new Error(`${name} failed: ${JSON.stringify(answer.value.error)}`);
  return answer.value.data;
}

/** The receivables gadget of the site's dashboard (the sandbox adds one per gadget module). */
export function gadgetOrigin(t: TestStack, accountId?: string): PageOrigin {
  const dashboard = t.stack.jira.dashboard();
  const gadget = dashboard?.gadgets.find((candidate) => candidate.moduleKey === GADGET);
  if (!dashboard || !gadget) throw new Error('the sandbox dashboard has no receivables gadget');
  return { moduleKey: GADGET, dashboardId: String(dashboard.id), gadgetId: String(gadget.id), accountId };
}
