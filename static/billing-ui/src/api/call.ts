import { invoke } from '@forge/bridge';
import type { BillingApi, BillingCallName, ResolverResult } from '../../../../src/entry/resolvers/billing/api';
import { resolverEnvelope } from '../../../shared/resolver-envelope';

export type Result<N extends BillingCallName> = BillingApi[N]['result'];

/** Calls a billing resolver; every failure, the bridge's own too, comes back as the resolvers' envelope. */
export function callBilling<N extends BillingCallName>(name: N): Promise<ResolverResult<Result<N>>> {
  return resolverEnvelope(() => invoke(name, {}));
}
