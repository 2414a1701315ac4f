import { invoke } from '@forge/bridge';
import type { ResolverApi, ResolverName, ResolverResult } from '../../../../src/entry/resolvers/api';
import { resolverEnvelope } from '../../../shared/resolver-envelope';

export type { ResolverApi, ResolverName, ResolverResult };
export type Payload<N extends ResolverName> = ResolverApi[N]['payload'];
export type Result<N extends ResolverName> = ResolverApi[N]['result'];

/** Calls a resolver; every failure, the bridge's own too, comes back as the resolvers' envelope. */
export function callResolver<N extends ResolverName>(
  name: N,
  payload?: Payload<N>,
): Promise<ResolverResult<Result<N>>> {
  return resolverEnvelope(() => invoke(name, (payload ?? {}) as Record<string, unknown>));
}
