import type { WaveBusiness } from '../../adapters/wave/wave-mapping';
import { WaveGraphqlClient } from '../../adapters/wave/wave-graphql';
import type { WaveAccessTokens } from '../../adapters/wave/wave-tokens';
import { BadRequestError, isAppError } from '../../shared/errors';
import type { TimeBudget } from '../../shared/time-budget';
import { createWaveClient } from '../sync-context';

/** A Wave business as the pages show it. */
export interface ConnectedBusiness {
  id: string;
  name: string;
  currencyCode?: string;
}

const shown = (business: WaveBusiness): ConnectedBusiness => ({
  id: business.id,
  name: business.name,
  ...(business.currencyCode ? { currencyCode: business.currencyCode } : {}),
});

/** The Wave businesses the stored grant can read (archived ones left out). */
export async function listConnectedBusinesses(budget: TimeBudget): Promise<ConnectedBusiness[]> {
  const page = await createWaveClient(budget).listBusinesses({ pageSize: 100 });
  return page.items.filter((business) => !business.isArchived).map(shown);
}

/** Checks a pasted token by reading the businesses with it, before anything is stored. */
export async function listBusinessesWithToken(accessToken: string, budget: TimeBudget): Promise<ConnectedBusiness[]> {
  const tokens: WaveAccessTokens = {
    accessToken: async () => accessToken,
    refreshAfterRejection: async () => {
      throw new BadRequestError(
        'Wave rejected this token; check that it is a full-access token of the right Wave user',
      );
    },
  };
  const page = await new WaveGraphqlClient({ tokens, budget }).listBusinesses({ pageSize: 100 });
  return page.items.filter((business) => !business.isArchived).map(shown);
}

/** A message safe to show when Wave could not be asked. */
export function describeWaveFailure(error: unknown): string {
  return isAppError(error) ? error.message : 'Wave could not be reached';
}
